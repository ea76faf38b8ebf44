// Astro build settings for the static catalogue. Env overrides let tests and benchmarks build other catalogues side by
// side.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SITE } from './src/site/routes.ts';

// One data layer per build: the pages' bundle leaves src/site and src/core out (Node loads them from disk, as the CLI
// does) and the integration below imports the same files, so pages and integration share one module instance: the
// catalogue is read and classified once per build, and everything derived from it is computed once and looked up.
const SRC = fileURLToPath(new URL('./src/', import.meta.url));
const DATA_LAYER = new RegExp(`^${SRC.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:site|core)/.+\\.ts$`);

const seconds = (since) => ((performance.now() - since) / 1000).toFixed(2);

/**
 * The build's start classifies the catalogue on two threads (content.ts's loadCatalog), while the tool-files workers
 * load their modules. The build's outputs that are not Astro pages, from the data layer, made while Astro renders the
 * other pages: the search index (its records go to Pagefind when the build starts, so Pagefind's process indexes them
 * and writes all but the first bundle meanwhile), and every tool page, every tool's and server's policy files and every
 * server's open-data file /api/servers/<id>.json (tool-files.ts: worker threads write them). After the pages, the few
 * HTML-indexed pages join the first bundle and the build waits for both.
 */
let outDir;
let site;
let searchRun;
let toolFilesRun;

/**
 * Empties the output folder (all but .git, as Astro would) before anything is written into it. Astro's own emptying runs
 * after build:start, when the tool-files workers and Pagefind may already be writing there, and would delete their
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

const buildOutputs = {
  name: 'toolgate-build-outputs',
  hooks: {
    'astro:config:done': ({ config }) => {
      outDir = fileURLToPath(config.outDir);
      site = new URL(config.site ?? DEFAULT_SITE);
    },
    'astro:build:start': async ({ logger }) => {
      const started = performance.now();
      emptyOutDir();
      const { startToolFiles } = await import('./src/site/tool-files-run.ts');
      const threads = process.env.TOOLGATE_BUILD_WORKERS;
      const toolFiles = startToolFiles(outDir, threads === undefined ? undefined : Number(threads));
      let catalog;
      try {
        const { loadCatalog } = await import('./src/site/content.ts');
        const { bundleRecords, searchBundles } = await import('./src/site/search-records.ts');
        const { startSearchIndex } = await import('./src/site/search-index.ts');
        const { recordedChanges, toolFilesWork } = await import('./src/site/tool-files.ts');
        catalog = await loadCatalog();
        searchRun = await startSearchIndex(bundleRecords(catalog), searchBundles(catalog), outDir);
        const filesStarted = performance.now();
        toolFilesRun = toolFiles.write(toolFilesWork(catalog, site, recordedChanges())).then((tools) => {
          logger.info(
            `tool pages and files: ${tools} tools in ${seconds(filesStarted)} s on ${toolFiles.threads} threads, beside Astro's pages`,
          );
          return tools;
        });
      } catch (error) {
        await toolFiles.stop();
        await searchRun?.abort();
        throw error;
      }
      // Until build:done awaits it, a failure must not end the process as an unhandled rejection.
      toolFilesRun.catch(() => undefined);
      logger.info(
        `catalogue of ${catalog.counts.servers} servers and ${catalog.counts.tools} tools loaded and classified, its search records handed to Pagefind, in ${seconds(started)} s`,
      );
    },
    'astro:build:done': async ({ dir, logger }) => {
      const started = performance.now();
      const run = searchRun;
      searchRun = undefined;
      const [tools] = await Promise.all([
        toolFilesRun.catch(async (error) => {
          await run.abort();
          throw error;
        }),
        run
          .finish(fileURLToPath(dir))
          .then((index) =>
            logger.info(`search index: ${index.records} records and ${index.html} HTML pages in ${seconds(started)} s`),
          ),
      ]);
      logger.info(
        `after the pages: the pages and files of ${tools} tools and the search index in ${seconds(started)} s`,
      );
    },
  },
};

export default defineConfig({
  site: process.env.SITE_URL ?? DEFAULT_SITE,
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
