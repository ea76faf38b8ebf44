// Astro build settings for the static catalogue. Env overrides let tests and benchmarks build other catalogues side by side.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';

/** Writes every tool's policy.json and policy.intercept.yaml beside its page once the pages are built (see src/site/policy-files.ts). */
const toolPolicyFiles = {
  name: 'toolgate-tool-policy-files',
  hooks: {
    'astro:build:done': async ({ dir, logger }) => {
      const started = performance.now();
      const { writePolicyFiles } = await import('./src/site/policy-files.ts');
      const count = await writePolicyFiles(fileURLToPath(dir));
      logger.info(`wrote policy.json and policy.intercept.yaml for ${count} tools in ${Math.round(performance.now() - started)} ms`);
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
  integrations: [mdx(), toolPolicyFiles],
  build: {
    // Pages render concurrently while earlier ones are written to disk; tens of thousands of small pages are I/O-bound.
    concurrency: Number(process.env.TOOLGATE_BUILD_CONCURRENCY ?? 4),
    // The one stylesheet lives in public/ (toolgate.css); nothing else should be inlined into every page.
    inlineStylesheets: 'never',
  },
});
