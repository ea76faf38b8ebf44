// `npm run catalog:discover -- …`: try candidate packages (a shard of them), record one outcome each, merge OK ones
// into the catalogue.
import { spawn } from 'node:child_process';
import { appendFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  CandidateListError,
  assignIds,
  candidateKey,
  dedupe,
  parseCandidateList,
  parseShard,
  shardOf,
  tryOrder,
} from '../core/discover/candidates.ts';
import type { Candidate } from '../core/discover/candidates.ts';
import { CatalogSchema } from '../core/schemas/catalog.ts';
import { OUTCOME_CODES, OutcomeSchema } from '../core/schemas/outcome.ts';
import type { Outcome } from '../core/schemas/outcome.ts';
import { catalogEntryFor, discoverCandidate, prunesDone } from '../scanner/discover.ts';
import type { DiscoverResult } from '../scanner/discover.ts';
import { registryCandidates } from '../scanner/sources/mcp-registry.ts';
import { serialise } from '../scanner/store.ts';
import { argProblems } from './args.ts';
import type { ArgProblems } from './args.ts';

const args: ArgProblems = argProblems('catalog:discover', 'npm run catalog:discover -- --help');
const fail: ArgProblems['fail'] = args.fail;
const positive: ArgProblems['positive'] = args.positive;

const HELP = `Usage: npm run catalog:discover -- --candidates FILE... [options]
       npm run catalog:discover -- --merge

Tries every candidate package (npm.tsv / pypi.tsv lists, or the MCP Registry), records one outcome per candidate in
content/outcomes/<id>.json, a snapshot for each that listed its tools, and (unsharded, or with --merge) writes the OK
ones to catalog/discovered.json.

Sources:
  --candidates FILE     a candidate list (TSV with a header: package, version, ...); repeatable
  --registry URL        the MCP Registry (its npm and PyPI stdio packages); repeatable

Options:
  --shard i/n           only the i-th of n shards (by a hash of the package name; disjoint and complete)
  --resume              skip candidates whose pinned version already has an outcome
  --retry CODE[,CODE]   with --resume, try again those whose outcome has one of these codes or details
                        (e.g. TIMEOUT,INSTALL_TIMEOUT after a run on a busy machine)
  --merge               (re)write catalog/discovered.json from every OK outcome; alone, merges only
  --concurrency N       candidates at a time (default 4)
  --deadline SECONDS    everything for one candidate, install included (default 90)
  --attempt SECONDS     one start attempt at most (default 25)
  --attempts N          start attempts per candidate (default 4)
  --limit N             stop after N candidates of this shard (for trials)
  --out DIR             content folder (default content)
  --catalog FILE        catalogue whose ids are reserved (default catalog/servers.json)
  --discovered FILE     where --merge writes (default catalog/discovered.json)
  --cache DIR           package cache, pruned after each candidate (default .cache/discover)
  --cache-limit GIB     clear the npm/uv download caches when the cache grows past this (default 10)
  --log FILE            JSON lines with timings and sizes per candidate (default .cache/discover-<shard>.jsonl)
  --npm-registry URL    install npm packages from this registry (a mirror)
  --pypi-index URL      install PyPI packages from this index (a mirror)

Exit code: 0 when every candidate got an outcome, 2 on bad input.`;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Every outcome under <out>/outcomes, by candidate key. */
export async function readOutcomes(outDir: string): Promise<Map<string, Outcome>> {
  const dir = join(outDir, 'outcomes');
  const out = new Map<string, Outcome>();
  let names: string[] = [];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  } catch {
    return out;
  }
  for (const name of names) {
    const parsed = OutcomeSchema.safeParse(JSON.parse(await readFile(join(dir, name), 'utf8')));
    if (!parsed.success)
      throw new Error(
        `${join(dir, name)} is not a valid outcome: ${parsed.error.issues[0]?.message}; fix or delete it.`,
      );
    out.set(candidateKey(parsed.data), parsed.data);
  }
  return out;
}

/** catalog/discovered.json from every OK outcome, sorted by id. */
export async function mergeCatalog(outDir: string, file: string): Promise<number> {
  const outcomes = [...(await readOutcomes(outDir)).values()].filter(
    (outcome) => outcome.code === 'OK' && outcome.launch,
  );
  outcomes.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const catalog = CatalogSchema.parse({
    schemaVersion: 1,
    servers: outcomes.map((outcome) => catalogEntryFor(outcome, outcome.launch!)),
  });
  const text = serialise(catalog);
  const previous = await readFile(file, 'utf8').catch(() => undefined);
  if (previous !== text) {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  return outcomes.length;
}

function duBytes(path: string): Promise<number> {
  return new Promise((resolvePromise) => {
    const child = spawn('du', ['-sb', path], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.once('error', () => resolvePromise(0));
    child.once('close', () => resolvePromise(Number.parseInt(out, 10) || 0));
  });
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      // `--candidates a.tsv b.tsv`: the files after the flag arrive as positionals.
      allowPositionals: true,
      options: {
        candidates: { type: 'string', multiple: true },
        registry: { type: 'string', multiple: true },
        shard: { type: 'string' },
        resume: { type: 'boolean', default: false },
        retry: { type: 'string', multiple: true },
        merge: { type: 'boolean', default: false },
        concurrency: { type: 'string' },
        deadline: { type: 'string' },
        attempt: { type: 'string' },
        attempts: { type: 'string' },
        limit: { type: 'string' },
        out: { type: 'string' },
        catalog: { type: 'string' },
        discovered: { type: 'string' },
        cache: { type: 'string' },
        'cache-limit': { type: 'string' },
        log: { type: 'string' },
        'npm-registry': { type: 'string' },
        'pypi-index': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    fail((error as Error).message);
  }
  const opts = parsed.values;
  if (parsed.positionals.length) {
    if (!opts.candidates?.length)
      fail(`unexpected argument "${parsed.positionals[0]}"; candidate lists follow --candidates.`);
    opts.candidates = [...opts.candidates, ...parsed.positionals];
  }
  if (opts.help) {
    process.stdout.write(HELP + '\n');
    return;
  }
  const outDir = resolve(opts.out ?? join(repoRoot, 'content'));
  const discoveredFile = resolve(opts.discovered ?? join(repoRoot, 'catalog', 'discovered.json'));
  const sources = (opts.candidates?.length ?? 0) + (opts.registry?.length ?? 0);
  if (sources === 0) {
    if (!opts.merge) fail('nothing to try: give --candidates FILE (or --registry URL), or --merge alone.');
    const count = await mergeCatalog(outDir, discoveredFile);
    process.stdout.write(`merged ${count} OK outcomes into ${discoveredFile}\n`);
    return;
  }
  let shard = { index: 0, count: 1 };
  let candidates: Candidate[] = [];
  try {
    if (opts.shard) shard = parseShard(opts.shard);
    for (const file of opts.candidates ?? []) {
      let text: string;
      try {
        text = await readFile(resolve(file), 'utf8');
      } catch (error) {
        fail(`cannot read candidate list ${file}: ${(error as Error).message}.`);
      }
      candidates.push(...parseCandidateList(text, file.split('/').at(-1)!));
    }
    for (const url of opts.registry ?? []) candidates.push(...(await registryCandidates(url)));
  } catch (error) {
    if (error instanceof CandidateListError) fail(error.message);
    throw error;
  }
  candidates = dedupe(candidates);
  const catalogFile = resolve(opts.catalog ?? join(repoRoot, 'catalog', 'servers.json'));
  const reserved = CatalogSchema.parse(JSON.parse(await readFile(catalogFile, 'utf8'))).servers.map(
    (entry) => entry.id,
  );
  const existing = await readOutcomes(outDir);
  const known = new Map([...existing].map(([key, outcome]) => [key, outcome.id]));
  const ids = assignIds(candidates, reserved, known);
  const mine = tryOrder(candidates.filter((candidate) => shardOf(candidate, shard.count) === shard.index));
  const retry = new Set(
    (opts.retry ?? [])
      .flatMap((value) => value.split(','))
      .map((value) => value.trim())
      .filter(Boolean),
  );
  const settled = (candidate: Candidate) => {
    const outcome = existing.get(candidateKey(candidate));
    return outcome?.version === candidate.version && !retry.has(outcome.code) && !retry.has(outcome.detail);
  };
  let todo = opts.resume ? mine.filter((candidate) => !settled(candidate)) : mine;
  if (opts.limit) todo = todo.slice(0, Math.floor(positive(opts.limit, '--limit', todo.length)));

  const concurrency = Math.floor(positive(opts.concurrency, '--concurrency', 4));
  const deadlineMs = positive(opts.deadline, '--deadline', 90) * 1000;
  const attemptMs = positive(opts.attempt, '--attempt', 25) * 1000;
  const maxAttempts = Math.floor(positive(opts.attempts, '--attempts', 4));
  const cacheDir = resolve(opts.cache ?? join(repoRoot, '.cache', 'discover'));
  const shardName = `${shard.index + 1}-of-${shard.count}`;
  const logFile = resolve(opts.log ?? join(repoRoot, '.cache', `discover-${shardName}.jsonl`));
  await mkdir(dirname(logFile), { recursive: true });
  await mkdir(cacheDir, { recursive: true });
  const started = Date.now();
  process.stderr.write(
    `shard ${shard.index + 1}/${shard.count}: ${mine.length} candidates, ${todo.length} to try (${mine.length - todo.length} already have an outcome)\n`,
  );

  const counts = new Map<string, number>();
  let peakDisk = 0;
  let lastSample = 0;
  let done = 0;
  let tools = 0;
  const cacheLimit = positive(opts['cache-limit'], '--cache-limit', 10) * 1024 ** 3;
  let sampling = false;
  const sample = async () => {
    // One measurement at a time: du over a large cache on a busy disk can take longer than the interval.
    if (sampling) return;
    sampling = true;
    lastSample = Date.now();
    const bytes = await duBytes(cacheDir).finally(() => (sampling = false));
    peakDisk = Math.max(peakDisk, bytes);
    // The download caches (npm's and uv's) only speed up installs of shared dependencies; past the limit they go.
    if (bytes > cacheLimit) {
      for (const sub of ['.npm', 'uv-cache'])
        await rm(join(cacheDir, sub), { recursive: true, force: true }).catch(() => undefined);
      process.stderr.write(
        `cache over ${(cacheLimit / 1024 ** 3).toFixed(0)} GiB (${(bytes / 1024 ** 3).toFixed(1)} GiB): download caches cleared\n`,
      );
    }
  };
  const record = async (candidate: Candidate, result: DiscoverResult | { error: string }) => {
    const index = ++done;
    const line =
      'outcome' in result
        ? {
            at: new Date().toISOString(),
            shard: shardName,
            key: candidateKey(candidate),
            version: candidate.version,
            id: result.outcome.id,
            code: result.outcome.code,
            detail: result.outcome.detail,
            tools: result.outcome.tools ?? 0,
            ...result.stats,
          }
        : {
            at: new Date().toISOString(),
            shard: shardName,
            key: candidateKey(candidate),
            version: candidate.version,
            error: result.error,
          };
    await appendFile(logFile, JSON.stringify(line) + '\n');
    const code = 'outcome' in result ? result.outcome.code : 'INTERNAL_ERROR';
    counts.set(code, (counts.get(code) ?? 0) + 1);
    if ('outcome' in result) tools += result.outcome.tools ?? 0;
    const detail =
      'outcome' in result
        ? `${result.outcome.detail}${result.outcome.tools !== undefined ? ` ${result.outcome.tools} tools` : ''} ${(result.stats.totalMs / 1000).toFixed(1)} s`
        : result.error.slice(0, 200);
    process.stderr.write(
      `[${index}/${todo.length}] ${candidate.registry} ${candidate.package}@${candidate.version}: ${code} ${detail}\n`,
    );
    if (Date.now() - lastSample > 60_000) void sample();
  };
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const candidate = todo[next++]!;
      const id = ids.get(candidateKey(candidate))!;
      try {
        const result = await discoverCandidate(candidate, id, {
          outDir,
          cacheDir,
          sharedDir: resolve(repoRoot, '..', 'shared'),
          deadlineMs,
          attemptTimeoutMs: attemptMs,
          maxAttempts,
          ...(opts['npm-registry'] ? { npmRegistry: opts['npm-registry'] } : {}),
          ...(opts['pypi-index'] ? { pypiIndex: opts['pypi-index'] } : {}),
        });
        await record(candidate, result);
      } catch (error) {
        await record(candidate, { error: (error as Error).stack ?? String(error) });
      }
    }
  };
  await sample();
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, todo.length)) }, worker));
  await prunesDone();
  await sample();
  const seconds = (Date.now() - started) / 1000;
  const summary = {
    shard: shardName,
    candidates: mine.length,
    tried: todo.length,
    seconds: Math.round(seconds),
    tools,
    peakCacheBytes: peakDisk,
    codes: Object.fromEntries(
      [...OUTCOME_CODES, 'INTERNAL_ERROR'].filter((code) => counts.has(code)).map((code) => [code, counts.get(code)]),
    ),
  };
  await appendFile(logFile, JSON.stringify({ summary }) + '\n');
  if (shard.count === 1 || opts.merge) await mergeCatalog(outDir, discoveredFile);
  process.stdout.write(JSON.stringify(summary) + '\n');
  process.stdout.write('', () => process.exit(counts.has('INTERNAL_ERROR') ? 1 : 0));
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => process.exit(signal === 'SIGINT' ? 130 : 143));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    process.stderr.write(`catalog:discover: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(2);
  });
}
