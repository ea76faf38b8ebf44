// Astro build settings for the static catalogue. Env overrides let tests and benchmarks build other catalogues side by side.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';

/**
 * Every tool's policy files (one per registered format): each tool page writes its own while the build renders it (the page has
 * just generated the documents; see src/site/policy-sink.ts). If the pages did not write them all, a full pass does.
 */
let outDir;
const toolPolicyFiles = {
  name: 'toolgate-tool-policy-files',
  hooks: {
    'astro:config:done': ({ config }) => {
      outDir = fileURLToPath(config.outDir);
    },
    'astro:build:start': async () => {
      const { openPolicyFileSink } = await import('./src/site/policy-sink.ts');
      openPolicyFileSink(outDir);
    },
    'astro:build:done': async ({ dir, logger }) => {
      const started = performance.now();
      const { closePolicyFileSink } = await import('./src/site/policy-sink.ts');
      let count = await closePolicyFileSink(fileURLToPath(dir));
      const how = count === undefined ? 'after the build' : 'from the pages';
      if (count === undefined) {
        const { writePolicyFiles } = await import('./src/site/policy-files.ts');
        count = await writePolicyFiles(fileURLToPath(dir));
      }
      logger.info(`wrote the policy files for ${count} tools ${how} (${Math.round(performance.now() - started)} ms to finish)`);
    },
  },
};

/** The search index, once per build, from the records the pages' data produced (src/site/search-index.ts). */
const searchIndex = {
  name: 'toolgate-search-index',
  hooks: {
    'astro:build:done': async ({ dir, logger }) => {
      const started = performance.now();
      const { writeSearchIndex } = await import('./src/site/search-index.ts');
      const { records, html } = await writeSearchIndex(fileURLToPath(dir));
      logger.info(`search index: ${records} records and ${html} HTML pages in ${((performance.now() - started) / 1000).toFixed(2)} s`);
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
  integrations: [mdx(), toolPolicyFiles, searchIndex],
  build: {
    // Pages render concurrently while earlier ones are written to disk; tens of thousands of small pages are I/O-bound.
    concurrency: Number(process.env.TOOLGATE_BUILD_CONCURRENCY ?? 4),
    // The one stylesheet lives in public/ (toolgate.css); nothing else should be inlined into every page.
    inlineStylesheets: 'never',
  },
});
