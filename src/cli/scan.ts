// `npm run scan -- …`: scan MCP servers from a catalogue, config files, a URL or a command, and store snapshots.
import { parseArgs } from 'node:util';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { terminalJson, terminalSafe } from '../core/terminal.ts';
import { runScan } from '../scanner/run.ts';
import { checkOutputFolders } from '../scanner/paths.ts';
import { setSandboxMode } from '../scanner/sandbox.ts';
import { renderProgress } from './progress.ts';
import type { ServerResult } from '../scanner/run.ts';
import { OutDirError, prepareOutDir } from '../scanner/out-dir.ts';
import {
  InputError,
  loadCatalog,
  loadConfig,
  refuseCatalogueCollisions,
  targetFromStdio,
  targetFromUrl,
} from '../scanner/targets.ts';
import type { ScanTarget } from '../scanner/targets.ts';
import { RegistryError, loadRegistry } from '../scanner/sources/mcp-registry.ts';
import { argProblems } from './args.ts';
import type { ArgProblems } from './args.ts';

const args: ArgProblems = argProblems('scan', 'npm run scan -- --help');
const fail: ArgProblems['fail'] = args.fail;
const positive: ArgProblems['positive'] = args.positive;

const HELP = `Usage: npm run scan -- <source>... [options]

Sources (any number, combined):
  --catalog FILE        our catalogue (catalog/servers.json)
  --config FILE         claude_desktop_config.json, Cursor/.mcp.json, VS Code mcp.json, or MCP Registry server.json
                        (npx/bunx/uvx/pipx/python -m entries install that package pinned and sandboxed)
  --registry URL        every active server of an MCP Registry (GET /v0.1/servers?version=latest, all pages):
                        npm and PyPI stdio packages and remotes, with its publishedAt/updatedAt in the provenance
  --url URL --id ID     a streamable HTTP server (falls back to SSE)
  --stdio "CMD ARGS" --id ID [--env NAME=VALUE]...   a local command over stdio

Options:
  --only ID[,ID]        scan only these ids
  --json                print a JSON report on stdout instead of the summary
  --timeout SECONDS     per-server timeout (default 30)
  --concurrency N       servers at a time (default 4)
  --out DIR             content folder to write servers/ and failures/ (default content)
  --cache DIR           npm package cache (default .cache/packages)
  --npm-registry URL    install npm packages from this registry (a mirror)
  --pypi-index URL      install PyPI packages from this index (a mirror)
  --shared DIR          shared fixtures folder (default $TOOLGATE_SHARED_DIR or ../shared beside the repository)
  --no-sandbox          run installs and servers without bubblewrap (process-group isolation only: they can read
                        your files and use the network); the default sandboxes them where bwrap works

Exit code: 0 when every server was scanned, 1 when any failed, 2 on bad input.`;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: false,
      tokens: true,
      options: {
        catalog: { type: 'string', multiple: true },
        config: { type: 'string', multiple: true },
        registry: { type: 'string', multiple: true },
        'npm-registry': { type: 'string' },
        'pypi-index': { type: 'string' },
        url: { type: 'string', multiple: true },
        stdio: { type: 'string', multiple: true },
        id: { type: 'string', multiple: true },
        env: { type: 'string', multiple: true },
        only: { type: 'string', multiple: true },
        json: { type: 'boolean', default: false },
        timeout: { type: 'string' },
        concurrency: { type: 'string' },
        out: { type: 'string' },
        cache: { type: 'string' },
        shared: { type: 'string' },
        'no-sandbox': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    fail((error as Error).message);
  }
  const opts = parsed.values;
  if (opts.help) {
    process.stdout.write(HELP + '\n');
    return;
  }
  const ids = [...(opts.id ?? [])];
  const direct = (opts.url?.length ?? 0) + (opts.stdio?.length ?? 0);
  if (direct !== ids.length)
    fail(`every --url and --stdio needs its own --id (got ${direct} sources and ${ids.length} ids).`);
  // Each --id names the --url or --stdio given just before it (or just after, when the id comes first).
  const directSources: Array<{ kind: 'url' | 'stdio'; value: string; id?: string }> = [];
  const waitingIds: string[] = [];
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option' || token.value === undefined) continue;
    if (token.name === 'url' || token.name === 'stdio') {
      directSources.push({
        kind: token.name,
        value: token.value,
        ...(waitingIds.length ? { id: waitingIds.shift() } : {}),
      });
    } else if (token.name === 'id') {
      const open = directSources.find((source) => source.id === undefined);
      if (open) open.id = token.value;
      else waitingIds.push(token.value);
    }
  }
  const env: Record<string, string> = {};
  for (const pair of opts.env ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) fail(`--env expects NAME=VALUE, got "${pair.split('=')[0]}…".`);
    env[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  let targets: ScanTarget[] = [];
  const catalogueIds = new Set<string>();
  // One push per target: spreading a 100,000-entry array into push() overflows the stack.
  const add = (more: ScanTarget[]) => {
    for (const target of more) targets.push(target);
  };
  try {
    for (const file of opts.catalog ?? []) {
      const catalogue = await loadCatalog(resolve(file));
      for (const entry of catalogue.entries) catalogueIds.add(entry.id);
      add(catalogue.targets);
    }
    for (const file of opts.config ?? []) add(await loadConfig(resolve(file)));
    for (const url of opts.registry ?? []) add(await loadRegistry(url));
    for (const source of directSources)
      targets.push(
        source.kind === 'url'
          ? targetFromUrl(source.value, source.id!)
          : targetFromStdio(source.value, source.id!, env),
      );
  } catch (error) {
    if (error instanceof InputError || error instanceof RegistryError) fail(error.message);
    throw error;
  }
  if (opts.only?.length) {
    const wanted = new Set(
      opts.only
        .flatMap((value) => value.split(','))
        .map((value) => value.trim())
        .filter(Boolean),
    );
    const unknown = [...wanted].filter((id) => !targets.some((target) => target.id === id));
    if (unknown.length) fail(`--only names ids that no source defines: ${unknown.join(', ')}.`);
    targets = targets.filter((target) => wanted.has(target.id));
  }
  if (targets.length === 0) fail('nothing to scan: give --catalog, --config, --registry, --url or --stdio.');
  const seen = new Set<string>();
  for (const target of targets) {
    if (seen.has(target.id))
      fail(`two servers would both be written as "${target.id}"; rename one of them or use --only.`);
    seen.add(target.id);
  }

  const timeoutMs = positive(opts.timeout, '--timeout', 30) * 1000;
  const concurrency = Math.floor(positive(opts.concurrency, '--concurrency', 4));
  const outDir = resolve(opts.out ?? 'content');
  try {
    // The project's catalogue always counts, whichever --catalog files were given.
    for (const entry of (await loadCatalog(resolve(repoRoot, 'catalog', 'servers.json'))).entries)
      catalogueIds.add(entry.id);
  } catch {
    // No catalogue beside the scanner (an installed copy): only the given --catalog files count.
  }
  try {
    refuseCatalogueCollisions(targets, catalogueIds, outDir);
    await prepareOutDir(outDir);
  } catch (error) {
    if (error instanceof InputError || error instanceof OutDirError) fail(error.message);
    throw error;
  }
  const sharedDir = resolve(opts.shared ?? process.env.TOOLGATE_SHARED_DIR ?? resolve(repoRoot, '..', 'shared'));
  const cacheDir = resolve(opts.cache ?? resolve(repoRoot, '.cache', 'packages'));
  try {
    checkOutputFolders(outDir, cacheDir, repoRoot);
  } catch (error) {
    fail((error as Error).message);
  }
  if (opts['no-sandbox']) setSandboxMode('off');
  const tty = Boolean(process.stderr.isTTY) && !opts.json;
  const running = new Set<string>();
  const draw = (done: number, total: number) => {
    if (tty) process.stderr.write(`\r\x1b[2K${renderProgress(done, total, running, process.stderr.columns || 100)}`);
  };
  const started = Date.now();
  const results = await runScan(targets, {
    outDir,
    cacheDir,
    sharedDir,
    ...(opts['npm-registry'] ? { npmRegistry: opts['npm-registry'] } : {}),
    ...(opts['pypi-index'] ? { pypiIndex: opts['pypi-index'] } : {}),
    concurrency,
    limits: { timeoutMs },
    onStart: (target, done, total) => {
      running.add(target.id);
      draw(done, total);
    },
    onDone: (result, done, total) => {
      running.delete(result.id);
      if (tty && result.status === 'failed') {
        // Server-controlled text: escapes are shown, never interpreted by the terminal.
        const why = result.lastStderrLine ? ` — stderr: ${terminalSafe(result.lastStderrLine.slice(0, 160))}` : '';
        process.stderr.write(
          `\r\x1b[2K✗ ${result.id}: ${result.error?.code} ${terminalSafe(result.error?.message.split('\n')[0]?.slice(0, 200) ?? '')}${why}\n`,
        );
      }
      draw(done, total);
    },
  });
  if (tty) process.stderr.write('\r\x1b[2K');
  const elapsed = (Date.now() - started) / 1000;
  const failed = results.filter((result) => result.status === 'failed');
  if (opts.json) {
    process.stdout.write(
      terminalJson({ ok: failed.length === 0, durationMs: Date.now() - started, servers: results }) + '\n',
    );
  } else {
    process.stdout.write(terminalSafe(summary(results, elapsed)) + '\n');
  }
  // Exit explicitly: a misbehaving remote can leave sockets or reconnect timers that would keep the process alive.
  const code = failed.length > 0 ? 1 : 0;
  process.stdout.write('', () => process.exit(code));
}

function summary(results: ServerResult[], elapsed: number): string {
  const ok = results.filter((result) => result.status === 'ok');
  const changed = ok.filter((result) => result.write !== 'unchanged').length;
  const failed = results.filter((result) => result.status === 'failed');
  const tools = ok.reduce((sum, result) => sum + (result.tools ?? 0), 0);
  let line = `scanned ${results.length} servers in ${elapsed.toFixed(1)} s: ${ok.length} ok (${tools} tools, ${changed} snapshots changed), ${failed.length} failed`;
  if (failed.length) line += ` (${failed.map((result) => `${result.id}: ${result.error?.code}`).join(', ')})`;
  return line;
}

// Servers run in process groups of their own, so Ctrl-C does not reach them: exiting runs the transport's kill hook.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => process.exit(signal === 'SIGINT' ? 130 : 143));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `scan: unexpected error: ${terminalSafe((error as Error).stack ?? String(error), { newlines: true })}\n`,
  );
  process.exit(2);
});
