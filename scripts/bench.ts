// `npm run bench`: builds a synthetic catalogue (default 5,000 servers / 35,000 tools) and a trivial-pages baseline, and prints the figures as JSON.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeSyntheticCatalog } from './bench-catalog.ts';
import { readFile } from 'node:fs/promises';
import { measure, median, siteStats } from './bench-measure.ts';
import { searchLatency } from './bench-search.ts';

const ROOT = resolve(import.meta.dirname, '..');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const PAGEFIND = join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs');
const MB = 1024 * 1024;

const USAGE = `usage: npm run bench -- [--servers N] [--tools M] [--no-baseline] [--no-linearity] [--keep]
  --servers N       servers in the synthetic catalogue (default 5000)
  --tools M         tools in all (default 7 per server)
  --no-baseline     skip the trivial-pages baseline build
  --no-linearity    skip the half-size build used to check that time grows linearly
  --no-search       skip the search-latency measurement in Chromium
  --keep            keep the work folder (.tmp/bench-<pid>) for inspection`;

const { values } = parseArgs({
  options: {
    servers: { type: 'string', default: '5000' },
    tools: { type: 'string' },
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
if (!Number.isInteger(servers) || !Number.isInteger(tools) || servers < 2 || tools < servers) {
  process.stderr.write(`bench: --servers must be an integer >= 2 and --tools an integer >= --servers (got ${values.servers}, ${values.tools}).\n${USAGE}\n`);
  process.exit(2);
}

const work = join(ROOT, '.tmp', `bench-${process.pid}`);
const logFile = join(work, 'bench.log');
const say = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, NODE_ENV: 'production', ...extra };
}

/** Generate, build and index one catalogue size. */
async function catalogueRun(nServers: number, nTools: number) {
  const dir = join(work, `catalogue-${nTools}`);
  say(`generating ${nServers} servers / ${nTools} tools`);
  const input = await writeSyntheticCatalog(join(dir, 'content'), nServers, nTools);
  const outDir = join(dir, 'dist');
  const vars = env({ TOOLGATE_CONTENT_DIR: join(dir, 'content'), TOOLGATE_OUT_DIR: outDir, TOOLGATE_CACHE_DIR: join(dir, 'cache') });
  say(`astro build with its search index (${nTools} tools)`);
  const logStart = (await readFile(logFile, 'utf8').catch(() => '')).length;
  const build = await measure(process.execPath, [ASTRO, 'build'], { cwd: ROOT, env: vars, logFile });
  // The build indexes search itself (toolgate-search-index integration) and logs how long that took.
  const indexed = /search index: \d+ records and \d+ HTML pages in ([\d.]+) s/.exec((await readFile(logFile, 'utf8')).slice(logStart));
  const pagefind = { seconds: indexed ? Number(indexed[1]) : 0, peakRssBytes: 0 };
  say(`build and index took ${round(build.seconds)} s (index ${round(pagefind.seconds)} s)`);
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

/** A throwaway Astro project with `pages` near-empty pages, built and indexed the same way. */
async function trivialRun(pages: number) {
  const dir = join(work, `trivial-${pages}`);
  await mkdir(join(dir, 'src/pages/p'), { recursive: true });
  await writeFile(join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  await writeFile(join(dir, 'astro.config.mjs'), "export default { output: 'static', trailingSlash: 'always', outDir: './dist', cacheDir: './cache' };\n");
  await writeFile(
    join(dir, 'src/pages/p/[n].astro'),
    `---\nexport function getStaticPaths() {\n  return Array.from({ length: ${pages} }, (_, i) => ({ params: { n: String(i) } }));\n}\nconst { n } = Astro.params;\n---\n<html lang="en"><head><meta charset="utf-8"><title>Page {n}</title></head><body><main data-pagefind-body><h1>Page {n}</h1><p>Trivial page number {n}.</p></main></body></html>\n`,
  );
  say(`trivial baseline: astro build (${pages} pages)`);
  const build = await measure(process.execPath, [ASTRO, 'build', '--root', dir], { cwd: dir, env: env({}), logFile });
  say(`trivial baseline: pagefind, build took ${round(build.seconds)} s`);
  const pagefind = await measure(process.execPath, [PAGEFIND, '--site', join(dir, 'dist')], { cwd: dir, env: env({}), logFile });
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

async function main(): Promise<void> {
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  say(`work folder ${work}; child output goes to ${logFile}`);
  try {
    const half = values['no-linearity'] ? undefined : await catalogueRun(Math.max(1, Math.floor(servers / 2)), Math.floor(tools / 2));
    const full = await catalogueRun(servers, tools);
    const baseline = values['no-baseline'] ? undefined : await trivialRun(full.pages);
    say('search latency in Chromium');
    // Queries a person would type: a tool-name word, two description words, a server-ish name.
    // A failed latency run (a browser that cannot keep up on a loaded machine) must not lose the build figures above.
    const search = values['no-search']
      ? undefined
      : await searchLatency(full.outDir, ['delete', 'create issue', 'send message', 'invoice', 'repository']).catch((error: unknown) => ({ error: error instanceof Error ? error.message.split('\n')[0] : String(error), queries: [], medianMs: 0, maxMs: Number.POSITIVE_INFINITY }));
    const peakRssMB = Math.max(full.peakRssMB.build, full.peakRssMB.pagefind);
    const linearity = half && {
      half: { tools: half.tools, totalSeconds: half.totalSeconds, msPerTool: round((half.totalSeconds * 1000) / half.tools) },
      full: { tools: full.tools, totalSeconds: full.totalSeconds, msPerTool: round((full.totalSeconds * 1000) / full.tools) },
      // 1.0 is perfectly linear; above 1 the per-tool cost grows with catalogue size.
      perToolCostRatio: round(full.totalSeconds / full.tools / (half.totalSeconds / half.tools)),
    };
    const { outDir: _outDir, ...fullFigures } = full;
    const report = {
      ...fullFigures,
      baseline,
      searchLatency: search,
      ratioToTrivial: baseline && {
        buildAndIndex: round(full.totalSeconds / baseline.totalSeconds),
        buildOnly: round(full.buildSeconds / baseline.buildSeconds),
      },
      linearity,
      targets: {
        linearInTools: linearity ? linearity.perToolCostRatio <= 1.25 : null,
        within2xTrivial: baseline ? full.totalSeconds <= 2 * baseline.totalSeconds : null,
        within1_5xTrivial: baseline ? full.totalSeconds <= 1.5 * baseline.totalSeconds : null,
        firstSearchResultWithin300ms: search ? search.maxMs <= 300 : null,
        peakRssAtMost1_5GB: peakRssMB <= 1536,
        medianToolPageAtMost25KB: full.toolPageBytes.median <= 25 * 1024,
      },
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    if (!values.keep) await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n(the work folder is removed unless --keep is given)\n`);
  process.exit(1);
});
