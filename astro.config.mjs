// Astro build settings for the static catalogue. Env overrides let tests and benchmarks build other catalogues side by
// side.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// One data layer per build: the pages' bundle leaves src/site and src/core out (Node loads them from disk, as the CLI
// does) and the integration below imports the same files, so pages and integration share one module instance: the
// catalogue is read and classified once per build, and everything derived from it is computed once and looked up.
const SRC = fileURLToPath(new URL('./src/', import.meta.url));
const DATA_LAYER = new RegExp(`^${SRC.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:site|core)/.+\\.ts$`);

const seconds = (since) => ((performance.now() - since) / 1000).toFixed(2);

/**
 * The build's start classifies the catalogue on two threads (content.ts's loadCatalog), while the policy-files worker
 * loads its modules. The build's outputs that are not pages, from the data layer, made while the pages render: the search index (its
 * records go to Pagefind when the build starts, so Pagefind's process indexes them and writes all but the first bundle
 * meanwhile), every tool's and server's policy files and every server's open-data file /api/servers/<id>.json (a
 * worker thread writes them on the other core). After the pages, the few
 * HTML-indexed pages join the first bundle and the build waits for both.
 */
let outDir;
let site;
let searchRun;
let policyRun;

/**
 * Empties the output folder (all but .git, as Astro would) before anything is written into it. Astro's own emptying runs
 * after build:start, when the policy-files worker and Pagefind may already be writing there, and would delete their
 * files; so the build empties it here and Astro's is turned off (vite.build.emptyOutDir below).
 */
function emptyOutDir() {
  const root = fileURLToPath(new URL('./', import.meta.url));
  if (root.startsWith(join(outDir, '/')))
    throw new Error(
      `The output folder ${outDir} holds the project itself and would be emptied; set TOOLGATE_OUT_DIR to a folder of its own.`,
    );
  mkdirSync(outDir, { recursive: true });
  for (const name of readdirSync(outDir))
    if (name !== '.git') rmSync(join(outDir, name), { recursive: true, force: true });
}

/**
 * Starts the policy-files worker thread at once, so it loads its modules while the catalogue is classified; the returned
 * `write` hands it the work and resolves with how many tools it wrote, or rejects with its error; `stop` ends it when the
 * build fails before handing it work.
 */
function startPolicyFiles() {
  const worker = new Worker(new URL('./src/site/policy-files-worker.ts', import.meta.url), {
    workerData: { outDir },
  });
  const finished = new Promise((done, fail) => {
    let written;
    worker.on('message', (m) => (written = m.tools));
    worker.on('error', fail);
    worker.on('exit', (code) =>
      written === undefined
        ? fail(
            new Error(
              `The policy-files worker stopped (exit code ${code}) before writing every tool's files; the build log above says why.`,
            ),
          )
        : done(written),
    );
  });
  // Until build:done awaits it, a failure must not end the process as an unhandled rejection.
  finished.catch(() => undefined);
  return {
    write(work) {
      worker.postMessage(work);
      return finished;
    },
    stop: () => worker.terminate(),
  };
}

const buildOutputs = {
  name: 'toolgate-build-outputs',
  hooks: {
    'astro:config:done': ({ config }) => {
      outDir = fileURLToPath(config.outDir);
      site = new URL(config.site ?? 'https://toolgate.dev');
    },
    'astro:build:start': async ({ logger }) => {
      const started = performance.now();
      emptyOutDir();
      const policyFiles = startPolicyFiles();
      const { loadCatalog } = await import('./src/site/content.ts');
      const { bundleRecords, searchBundles } = await import('./src/site/search-records.ts');
      const { startSearchIndex } = await import('./src/site/search-index.ts');
      const { policyWork } = await import('./src/site/policy-files.ts');
      const catalog = await loadCatalog().catch(async (error) => {
        await policyFiles.stop();
        throw error;
      });
      searchRun = await startSearchIndex(bundleRecords(catalog), searchBundles(catalog), outDir);
      const policyStarted = performance.now();
      policyRun = policyFiles.write(policyWork(catalog, site)).then((tools) => {
        logger.info(`policy files: ${tools} tools in ${seconds(policyStarted)} s, beside the page rendering`);
        return tools;
      });
      // Until build:done awaits it, a failure must not end the process as an unhandled rejection.
      policyRun.catch(() => undefined);
      logger.info(
        `catalogue of ${catalog.counts.servers} servers and ${catalog.counts.tools} tools loaded and classified, its search records handed to Pagefind, in ${seconds(started)} s`,
      );
    },
    'astro:build:done': async ({ dir, logger }) => {
      const started = performance.now();
      const run = searchRun;
      searchRun = undefined;
      const [tools] = await Promise.all([
        policyRun.catch(async (error) => {
          await run.abort();
          throw error;
        }),
        run
          .finish(fileURLToPath(dir))
          .then((index) =>
            logger.info(`search index: ${index.records} records and ${index.html} HTML pages in ${seconds(started)} s`),
          ),
      ]);
      logger.info(`after the pages: the policy files of ${tools} tools and the search index in ${seconds(started)} s`);
    },
  },
};

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://toolgate.dev',
  output: 'static',
  trailingSlash: 'always',
  // TOOLGATE_OUT_DIR / TOOLGATE_CACHE_DIR: separate builds (tests, bench) must not share dist/ or Astro's cache.
  outDir: process.env.TOOLGATE_OUT_DIR ?? './dist',
  cacheDir: process.env.TOOLGATE_CACHE_DIR ?? './node_modules/.astro',
  integrations: [mdx(), buildOutputs],
  // Absolute: the bundle runs from a folder inside outDir, which tests and the bench put anywhere.
  // emptyOutDir: false: the build:start hook empties the output folder itself, before its outputs start (see emptyOutDir).
  vite: {
    build: {
      emptyOutDir: false,
      rolldownOptions: { external: [DATA_LAYER], makeAbsoluteExternalsRelative: false },
    },
  },
  build: {
    // Pages render concurrently while earlier ones are written to disk; tens of thousands of small pages are I/O-bound.
    concurrency: Number(process.env.TOOLGATE_BUILD_CONCURRENCY ?? 4),
    // The one stylesheet lives in public/ (toolgate.css); nothing else should be inlined into every page.
    inlineStylesheets: 'never',
  },
});
