// `npm run bench`: builds a synthetic catalogue (default 5,000 servers / 35,000 tools) and a trivial-pages baseline,
// and prints the figures as JSON.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { writeSyntheticCatalog } from './bench-catalog.ts';
import { readFile } from 'node:fs/promises';
import { measure, median, siteStats } from './bench-measure.ts';
import { searchLatency } from './bench-search.ts';

const ROOT = resolve(import.meta.dirname, '..');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const PAGEFIND = join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs');
const MB = 1024 * 1024;
/**
 * Queries a person would type: a tool-name word, description words, a server-ish name, a verb-noun pair. Each finds
 * results in the synthetic catalogue (a query that finds none is timed to its "No results" message and shows results:
 * 0).
 */
const SEARCH_QUERIES = [
  'delete',
  'create issue',
  'send message',
  'invoice',
  'repository',
  'slack',
  'cancel payment',
  'kubernetes pod',
  'upload file',
  'webhook',
];

const USAGE = `usage: npm run bench -- [--servers N] [--tools M] [--runs R] [--no-baseline] [--no-linearity] [--no-search] [--keep]
  --servers N       servers in the synthetic catalogue (default 5000)
  --tools M         tools in all (default 7 per server)
  --runs R          build the catalogue and the trivial baseline R times, alternating, for the ratio's min/median/max (default 3)
  --no-baseline     skip the trivial-pages baseline build
  --no-linearity    skip the half-size build used to check that time grows linearly
  --no-search       skip the search-latency measurement in Chromium
  --keep            keep the work folder (.tmp/bench-<pid>) for inspection`;

const { values } = parseArgs({
  options: {
    servers: { type: 'string', default: '5000' },
    tools: { type: 'string' },
    runs: { type: 'string', default: '3' },
    'no-baseline': { type: 'boolean', default: false },
    'no-linearity': { type: 'boolean', default: false },
    'no-search': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const servers = Number(values.servers);
const tools = values.tools === undefined ? servers * 7 : Number(values.tools);
const runs = Number(values.runs);
if (
  !Number.isInteger(servers) ||
  !Number.isInteger(tools) ||
  servers < 2 ||
  tools < servers ||
  !Number.isInteger(runs) ||
  runs < 1
) {
  process.stderr.write(
    `bench: --servers must be an integer >= 2, --tools an integer >= --servers and --runs an integer >= 1 (got ${values.servers}, ${values.tools}, ${values.runs}).\n${USAGE}\n`,
  );
  process.exit(2);
}

const work = join(ROOT, '.tmp', `bench-${process.pid}`);
const logFile = join(work, 'bench.log');
const say = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Flushes what earlier builds wrote and deleted to disk before the next timed build, so the kernel's writeback of one
 * build (1.3 GB, 450,000 files) does not land in the next one's time, on either side of a ratio.
 */
function settleDisk(): void {
  try {
    execFileSync('sync');
  } catch {
    // No sync command: the builds run unsettled, as before.
  }
}

function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, NODE_ENV: 'production', ...extra };
}

const generated = new Map<number, { dir: string; bytes: number }>();

/** Generate (once per size), build and index one catalogue size; `run` numbers the build (each gets fresh out and cache folders). */
async function catalogueRun(nServers: number, nTools: number, run = 1) {
  const dir = join(work, `catalogue-${nTools}`);
  let input = generated.get(nTools);
  if (!input) {
    say(`generating ${nServers} servers / ${nTools} tools`);
    input = { dir, bytes: (await writeSyntheticCatalog(join(dir, 'content'), nServers, nTools)).bytes };
    generated.set(nTools, input);
  }
  const outDir = join(dir, `dist-${run}`);
  const vars = env({
    TOOLGATE_CONTENT_DIR: join(dir, 'content'),
    TOOLGATE_OUT_DIR: outDir,
    TOOLGATE_CACHE_DIR: join(dir, `cache-${run}`),
  });
  settleDisk();
  say(`astro build with its search index (${nTools} tools, run ${run})`);
  const logStart = (await readFile(logFile, 'utf8').catch(() => '')).length;
  const build = await measure(process.execPath, [ASTRO, 'build'], { cwd: ROOT, env: vars, logFile });
  // The build indexes search itself (toolgate-build-outputs integration): Pagefind gets the records when the build
  // starts and indexes them while the pages render; the log says how long the build then waited for the index and
  // policy files.
  const log = (await readFile(logFile, 'utf8')).slice(logStart);
  const indexed = /search index: \d+ records and \d+ HTML pages in ([\d.]+) s/.exec(log);
  const afterPages = /after the pages: .* in ([\d.]+) s/.exec(log);
  const loaded = /loaded and classified, its search records handed to Pagefind, in ([\d.]+) s/.exec(log);
  const pagefind = { seconds: indexed ? Number(indexed[1]) : 0, peakRssBytes: 0 };
  say(
    `build and index took ${round(build.seconds)} s (catalogue ${loaded ? loaded[1] : '?'} s; after the pages ${afterPages ? afterPages[1] : '?'} s)`,
  );
  const stats = await siteStats(outDir);
  const sortedTool = [...stats.toolPageBytes].sort((a, b) => a - b);
  return {
    servers: nServers,
    tools: nTools,
    snapshotMB: round(input.bytes / MB),
    outDir,
    buildSeconds: round(build.seconds - pagefind.seconds),
    pagefindSeconds: round(pagefind.seconds),
    totalSeconds: round(build.seconds),
    /** Loading and classifying the catalogue and handing Pagefind its records, at the start of the build. */
    catalogueSeconds: loaded ? Number(loaded[1]) : null,
    /** After the pages: the policy files pass and the rest of the search index, side by side. */
    afterPagesSeconds: afterPages ? Number(afterPages[1]) : null,
    pages: stats.htmlPages,
    pagesPerSecond: round(stats.htmlPages / build.seconds, 1),
    // The index is written inside the build process, so one peak covers both.
    peakRssMB: { build: round(build.peakRssBytes / MB, 0), pagefind: round(build.peakRssBytes / MB, 0) },
    distMB: round(stats.distBytes / MB),
    toolPages: stats.toolPageBytes.length,
    toolPageBytes: {
      median: median(stats.toolPageBytes),
      p95: sortedTool[Math.floor(sortedTool.length * 0.95)] ?? 0,
      max: sortedTool.at(-1) ?? 0,
    },
  };
}

/** A throwaway Astro project with `pages` near-empty pages, built and then indexed by the Pagefind CLI. */
async function trivialRun(pages: number, run = 1) {
  const dir = join(work, `trivial-${pages}-${run}`);
  await mkdir(join(dir, 'src/pages/p'), { recursive: true });
  await writeFile(join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  await writeFile(
    join(dir, 'astro.config.mjs'),
    "export default { output: 'static', trailingSlash: 'always', outDir: './dist', cacheDir: './cache' };\n",
  );
  await writeFile(
    join(dir, 'src/pages/p/[n].astro'),
    `---\nexport function getStaticPaths() {\n  return Array.from({ length: ${pages} }, (_, i) => ({ params: { n: String(i) } }));\n}\nconst { n } = Astro.params;\n---\n<html lang="en"><head><meta charset="utf-8"><title>Page {n}</title></head><body><main data-pagefind-body><h1>Page {n}</h1><p>Trivial page number {n}.</p></main></body></html>\n`,
  );
  settleDisk();
  say(`trivial baseline: astro build (${pages} pages, run ${run})`);
  const build = await measure(process.execPath, [ASTRO, 'build', '--root', dir], { cwd: dir, env: env({}), logFile });
  say(`trivial baseline: pagefind, build took ${round(build.seconds)} s`);
  const pagefind = await measure(process.execPath, [PAGEFIND, '--site', join(dir, 'dist')], {
    cwd: dir,
    env: env({}),
    logFile,
  });
  const stats = await siteStats(join(dir, 'dist'));
  return {
    pages: stats.htmlPages,
    buildSeconds: round(build.seconds),
    pagefindSeconds: round(pagefind.seconds),
    totalSeconds: round(build.seconds + pagefind.seconds),
    pagesPerSecond: round(stats.htmlPages / build.seconds, 1),
    peakRssMB: round(Math.max(build.peakRssBytes, pagefind.peakRssBytes) / MB, 0),
  };
}

function spread(values: number[]): { min: number; median: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const med = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { min: round(sorted[0]!), median: round(med), max: round(sorted.at(-1)!) };
}

async function main(): Promise<void> {
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  say(`work folder ${work}; child output goes to ${logFile}`);
  try {
    const half = values['no-linearity']
      ? undefined
      : await catalogueRun(Math.max(1, Math.floor(servers / 2)), Math.floor(tools / 2));
    // Catalogue and baseline alternate, so a change in the machine's load hits both sides of each ratio alike.
    const pairs: Array<{
      full: Awaited<ReturnType<typeof catalogueRun>>;
      baseline?: Awaited<ReturnType<typeof trivialRun>>;
    }> = [];
    for (let run = 1; run <= runs; run += 1) {
      const full = await catalogueRun(servers, tools, run);
      const baseline = values['no-baseline'] ? undefined : await trivialRun(full.pages, run);
      if (baseline)
        say(
          `run ${run}: ${full.totalSeconds} s vs ${baseline.totalSeconds} s trivial, ratio ${round(full.totalSeconds / baseline.totalSeconds)}`,
        );
      // Only the last build's site is kept for the search measurement; earlier ones are removed to spare the disk.
      const previous = pairs.at(-1);
      if (previous) await rm(previous.full.outDir, { recursive: true, force: true });
      pairs.push({ full, ...(baseline ? { baseline } : {}) });
    }
    const { full, baseline } = pairs.at(-1)!;
    say('search latency in Chromium');
    // Queries a person would type: tool-name words, description words, server-ish names; each in a fresh page, as a
    // visitor arriving at /search/ would.
    // A failed latency run (a browser that cannot keep up on a loaded machine) must not lose the build figures above.
    const search = values['no-search']
      ? undefined
      : await searchLatency(full.outDir, SEARCH_QUERIES).catch((error: unknown) => ({
          error: error instanceof Error ? error.message.split('\n')[0] : String(error),
          queries: [],
          medianMs: 0,
          p95Ms: 0,
          maxMs: Number.POSITIVE_INFINITY,
        }));
    // Linearity against the median full build, so one disturbed run does not decide it.
    const typical = [...pairs].sort((a, b) => a.full.totalSeconds - b.full.totalSeconds)[
      Math.floor((pairs.length - 1) / 2)
    ]!.full;
    const peakRssMB = Math.max(...pairs.map((p) => Math.max(p.full.peakRssMB.build, p.full.peakRssMB.pagefind)));
    const linearity = half && {
      half: {
        tools: half.tools,
        totalSeconds: half.totalSeconds,
        msPerTool: round((half.totalSeconds * 1000) / half.tools),
      },
      full: {
        tools: typical.tools,
        totalSeconds: typical.totalSeconds,
        msPerTool: round((typical.totalSeconds * 1000) / typical.tools),
      },
      // 1.0 is perfectly linear; above 1 the per-tool cost grows with catalogue size.
      perToolCostRatio: round(typical.totalSeconds / typical.tools / (half.totalSeconds / half.tools)),
    };
    const ratios = pairs.flatMap((p) => (p.baseline ? [p.full.totalSeconds / p.baseline.totalSeconds] : []));
    const ratio = ratios.length > 0 ? spread(ratios) : undefined;
    const { outDir: _outDir, ...fullFigures } = full;
    const report = {
      ...fullFigures,
      baseline,
      searchLatency: search,
      ratioToTrivial: baseline &&
        ratio && {
          buildAndIndex: round(full.totalSeconds / baseline.totalSeconds),
          buildOnly: round(full.buildSeconds / baseline.buildSeconds),
          // Build and index over trivial build and index, once per run (catalogue and baseline alternate).
          runs: pairs.map((p) => ({
            catalogueSeconds: p.full.totalSeconds,
            trivialSeconds: p.baseline!.totalSeconds,
            ratio: round(p.full.totalSeconds / p.baseline!.totalSeconds),
          })),
          ...ratio,
        },
      linearity,
      targets: {
        linearInTools: linearity ? linearity.perToolCostRatio <= 1.25 : null,
        within2xTrivial: ratio ? ratio.median <= 2 : null,
        within1_5xTrivial: ratio ? ratio.median <= 1.5 : null,
        // Issue 14's target: the median query's first result within 300 ms of typing stopping (p95 is printed beside
        // it).
        firstSearchResultWithin300ms: search ? !('error' in search) && search.medianMs <= 300 : null,
        peakRssAtMost1_5GB: peakRssMB <= 1536,
        medianToolPageAtMost25KB: full.toolPageBytes.median <= 25 * 1024,
      },
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    const latency =
      search && 'error' in search
        ? `search latency failed: ${search.error}`
        : search
          ? `first search result ${search.medianMs} ms median, ${search.p95Ms} ms p95 (${search.queries.length} queries)`
          : 'search latency not measured';
    say(
      `${tools} tools: ${ratio ? `${ratio.median}× the trivial build (min ${ratio.min}, max ${ratio.max}, ${ratios.length} runs)` : 'no baseline'}; ${latency}`,
    );
  } finally {
    if (!values.keep) await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? error.message : String(error)}\n(the work folder is removed unless --keep is given)\n`,
  );
  process.exit(1);
});
