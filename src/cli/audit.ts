// `npm run audit` / `toolgate audit`: find this machine's MCP configs, scan every server sandboxed, report, pin, and
// write one policy.
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CLIENTS } from '../audit/clients/index.ts';
import { hostFromEnv } from '../audit/discover.ts';
import { AUDIT_FORMATS, auditFormat } from '../audit/formats/index.ts';
import type { AuditFormat, RenderContext } from '../audit/formats/index.ts';
import { policyFormatIds, setupPolicy } from '../audit/policy.ts';
import { buildHtmlReport } from '../audit/html.ts';
import { AuditInputError, cleanupAudit, runAudit } from '../audit/run.ts';
import type { AuditResult } from '../audit/run.ts';
import { setSandboxMode } from '../scanner/sandbox.ts';
import { argProblems } from './args.ts';
import type { ArgProblems } from './args.ts';

const args: ArgProblems = argProblems('audit', 'toolgate audit --help');
const fail: ArgProblems['fail'] = args.fail;
const positive: ArgProblems['positive'] = args.positive;

export const VERSION = '0.1.0';

const HELP = `Usage: toolgate audit [options]        (in a checkout: npm run audit -- [options])

Finds the MCP servers your clients are configured to start (${CLIENTS.map((client) => client.label).join(', ')}),
scans each one in a sandbox on this machine, classifies every tool, and reports. Nothing leaves the machine: remote
servers are contacted only with --remote.

Which configs:
  --client NAME         only this client (repeatable): ${CLIENTS.map((client) => client.id).join(', ')}
  --config FILE         only this config file (repeatable); its client is guessed from its name and content, or --client
  --project DIR         the project whose .mcp.json, .cursor/, .vscode/, .zed/, .gemini/, .codex/, .continue/ are read (default: .)
  --verbose             list every place looked, not only the files found

Scanning:
  --remote              also contact remote (URL) servers
  --offline             do not install the packages npx/uvx/pipx entries run (by default they are installed pinned and
                        sandboxed from their registry: only package names and versions are sent); skip those servers
  --npm-registry URL    npm registry (a mirror) for those installs;  --pypi-index URL  a PyPI simple index
  --timeout SECONDS     per-server timeout (default 30)
  --concurrency N       servers at a time (default 2)
  --no-sandbox          run servers without bubblewrap (process-group isolation only)
  --out DIR             keep the snapshots in DIR (servers/, failures/); default: a temporary folder

Report:
  --format F[=FILE]     ${AUDIT_FORMATS.map((format) => `${format.id} (${format.description})`).join('; ')};
                        repeatable: F=FILE writes that format to FILE (one scan, several reports); default terminal
  --output FILE         write the stdout report to FILE instead
  --fail-on LEVEL       exit 1 when an issue is at LEVEL or above: high or critical (a changed pinned tool is critical)

Pinning:
  --lock FILE           the lock file (default ./toolgate.lock); written when absent
  --update-lock         accept the tools as they are now
  --no-lock             neither read nor write a lock
  --catalogue DIR       public catalogue snapshots to compare package@version with (default: content/servers of a checkout)

Policy and HTML:
  --policy FORMAT       write one policy covering every server and tool, in a policy format (e.g. claude-code)
  --policy-out FILE     where to write it (default: ./toolgate-policy.<ext>)
  --html DIR            build the Toolgate site from this audit's snapshots into DIR (needs a checkout)

Exit code: 0 done, 1 an issue reached --fail-on, 2 bad input.`;

// Set by scripts/build-bin.ts in the packed bin: there is no checkout around it, so caches go under the user's cache
// folder.
declare const __TOOLGATE_BUNDLE__: boolean | undefined;
const bundled = typeof __TOOLGATE_BUNDLE__ !== 'undefined';
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function userCache(): string {
  const base =
    process.env.XDG_CACHE_HOME ??
    (process.platform === 'win32' ? process.env.LOCALAPPDATA : undefined) ??
    join(homedir(), '.cache');
  return join(base, 'toolgate', 'packages');
}

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        client: { type: 'string', multiple: true },
        config: { type: 'string', multiple: true },
        project: { type: 'string' },
        verbose: { type: 'boolean', default: false },
        remote: { type: 'boolean', default: false },
        offline: { type: 'boolean', default: false },
        'npm-registry': { type: 'string' },
        'pypi-index': { type: 'string' },
        timeout: { type: 'string' },
        concurrency: { type: 'string' },
        'no-sandbox': { type: 'boolean', default: false },
        out: { type: 'string' },
        format: { type: 'string', multiple: true },
        output: { type: 'string' },
        'fail-on': { type: 'string' },
        lock: { type: 'string' },
        'update-lock': { type: 'boolean', default: false },
        'no-lock': { type: 'boolean', default: false },
        catalogue: { type: 'string' },
        policy: { type: 'string' },
        'policy-out': { type: 'string' },
        html: { type: 'string' },
        cache: { type: 'string' },
        shared: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    fail((error as Error).message);
  }
  const opts = parsed.values;
  if (opts.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  const outputs: Array<{ format: AuditFormat; file?: string }> = [];
  for (const value of opts.format ?? []) {
    const eq = value.indexOf('=');
    const id = eq === -1 ? value : value.slice(0, eq);
    const format = auditFormat(id);
    if (!format)
      fail(`--format "${id}" is not a report format; use one of: ${AUDIT_FORMATS.map((f) => f.id).join(', ')}.`);
    if (eq !== -1 && value.slice(eq + 1) === '') fail(`--format ${id}= needs a file name after "=".`);
    outputs.push({ format, ...(eq === -1 ? {} : { file: resolve(value.slice(eq + 1)) }) });
  }
  const toStdout = outputs.filter((output) => output.file === undefined);
  if (toStdout.length > 1)
    fail('only one --format can go to stdout; give the others a file (--format sarif=report.sarif).');
  if (toStdout.length === 0) outputs.unshift({ format: auditFormat('terminal')! });
  if (opts.output) outputs.find((output) => output.file === undefined)!.file = resolve(opts.output);
  const failOn = opts['fail-on'];
  if (failOn !== undefined && failOn !== 'high' && failOn !== 'critical')
    fail(`--fail-on takes "high" or "critical", got "${failOn}".`);
  const known = new Set(CLIENTS.map((client) => client.id));
  for (const id of opts.client ?? [])
    if (!known.has(id)) fail(`--client "${id}" is not a client the audit knows; use one of: ${[...known].join(', ')}.`);
  for (const file of opts.config ?? []) if (!existsSync(file)) fail(`--config ${file}: no such file.`);
  if (opts['update-lock'] && opts['no-lock']) fail('--update-lock and --no-lock contradict each other; give one.');
  if (opts['policy-out'] && !opts.policy) fail('--policy-out needs --policy FORMAT.');
  if (opts.policy && !policyFormatIds().includes(opts.policy))
    fail(`--policy "${opts.policy}" is not a policy format; use one of: ${policyFormatIds().join(', ')}.`);
  if (opts['no-sandbox']) setSandboxMode('off');
  if (opts.html && bundled)
    fail(
      '--html builds the Toolgate site, which needs a checkout of the project: run it there as npm run audit -- --html DIR.',
    );
  // The site build empties its output folder: only a new, empty or earlier report folder is accepted.
  if (opts.html && !isReportFolder(resolve(opts.html)))
    fail(
      `--html ${opts.html} holds other files, and the site build would replace them; give a new or empty folder (or one an earlier --html wrote).`,
    );
  const project = resolve(opts.project ?? '.');
  const host = hostFromEnv(process.env, process.platform, project);
  if (!host.home && !opts.config?.length)
    fail('HOME is not set, so the user config files cannot be found; set HOME or give --config FILE.');
  const catalogueDefault = bundled ? '' : resolve(repoRoot, 'content', 'servers');
  const tty = Boolean(process.stderr.isTTY);
  let result;
  try {
    result = await runAudit({
      host,
      env: process.env,
      clients: opts.client,
      files: opts.config?.map((file) => resolve(file)),
      remote: opts.remote!,
      offline: opts.offline!,
      ...(opts['npm-registry'] ? { npmRegistry: opts['npm-registry'] } : {}),
      ...(opts['pypi-index'] ? { pypiIndex: opts['pypi-index'] } : {}),
      failOn: failOn as 'high' | 'critical' | undefined,
      lockPath: resolve(opts.lock ?? 'toolgate.lock'),
      updateLock: opts['update-lock']!,
      noLock: opts['no-lock']!,
      outDir: opts.out ? resolve(opts.out) : undefined,
      catalogueDir: opts.catalogue
        ? resolve(opts.catalogue)
        : catalogueDefault && existsSync(catalogueDefault)
          ? catalogueDefault
          : undefined,
      cacheDir: resolve(opts.cache ?? (bundled ? userCache() : resolve(repoRoot, '.cache', 'packages'))),
      sharedDir: resolve(opts.shared ?? process.env.TOOLGATE_SHARED_DIR ?? resolve(repoRoot, '..', 'shared')),
      timeoutMs: positive(opts.timeout, '--timeout', 30) * 1000,
      concurrency: Math.floor(positive(opts.concurrency, '--concurrency', 2)),
      onProgress: tty ? (message) => process.stderr.write(`\r\x1b[2Kscanning ${message}`) : undefined,
    });
  } catch (error) {
    if (error instanceof AuditInputError) fail(error.message);
    throw error;
  }
  if (tty) process.stderr.write('\r\x1b[2K');
  let html: string | undefined;
  let htmlError: string | undefined;
  let policy: RenderContext['policy'];
  try {
    if (opts.policy) policy = await writeSetupPolicy(opts.policy, opts['policy-out'], result);
    if (opts.html) {
      process.stderr.write(
        `audit: building the HTML report from ${result.snapshots.size} snapshots into ${resolve(opts.html)} …\n`,
      );
      try {
        await buildHtmlReport({
          repoRoot,
          contentDir: result.outDir,
          outDir: resolve(opts.html),
          log: opts.verbose ? (chunk) => process.stderr.write(chunk) : () => undefined,
        });
        html = resolve(opts.html);
      } catch (error) {
        htmlError = (error as Error).message;
      }
    }
    for (const output of outputs) {
      const text = output.format.render({
        report: result.report,
        project,
        lock: result.lock,
        verbose: opts.verbose,
        version: VERSION,
        ...(html ? { html } : {}),
        ...(policy ? { policy } : {}),
      });
      if (output.file) await writeFile(output.file, text, 'utf8');
      else process.stdout.write(text);
    }
  } finally {
    await cleanupAudit(result);
  }
  if (htmlError) {
    process.stderr.write(`audit: the HTML report could not be built: ${htmlError}\n`);
    return 2;
  }
  return result.report.failed ? 1 : 0;
}

/** A folder the site build may write into: absent, empty, or an earlier report (an index.html beside a pagefind/ folder). */
function isReportFolder(dir: string): boolean {
  if (!existsSync(dir)) return true;
  try {
    const entries = readdirSync(dir);
    return entries.length === 0 || (entries.includes('index.html') && entries.includes('pagefind'));
  } catch {
    return false;
  }
}

/** Writes the setup's policy: one file when the format combines servers, else a folder with one file per server. */
async function writeSetupPolicy(
  formatId: string,
  out: string | undefined,
  result: AuditResult,
): Promise<NonNullable<RenderContext['policy']>> {
  const servers = result.planned.flatMap((plan) => {
    const snapshot = result.snapshots.get(plan.id);
    return snapshot ? [{ id: plan.id, name: plan.name, snapshot }] : [];
  });
  const notCovered = result.planned.filter((plan) => !result.snapshots.has(plan.id)).map((plan) => plan.name);
  const setup = setupPolicy(formatId, servers);
  let path: string;
  if (setup.combined) {
    path = resolve(out ?? setup.files[0]!.name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, setup.files[0]!.text, 'utf8');
  } else {
    path = resolve(out ?? `toolgate-policy-${setup.format.id}`);
    await mkdir(path, { recursive: true });
    for (const file of setup.files) await writeFile(join(path, file.name), file.text, 'utf8');
  }
  return {
    path,
    format: setup.format.label,
    combined: setup.combined,
    servers: setup.servers.length,
    losses: setup.losses.map((loss) => `${loss.server}${loss.rule}: ${loss.reason}`),
    notCovered,
    ...(setup.note ? { note: setup.note } : {}),
  };
}

// Servers run in process groups of their own; exiting runs the transport's kill hook.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => process.exit(signal === 'SIGINT' ? 130 : 143));
}

const invokedDirectly =
  !bundled && process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => process.stdout.write('', () => process.exit(code)),
    (error: unknown) => {
      process.stderr.write(`audit: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
      process.exit(2);
    },
  );
}
