// Astro build settings for the static catalogue. Env overrides let tests and benchmarks build other catalogues side by side.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://toolgate.dev',
  output: 'static',
  trailingSlash: 'always',
  // TOOLGATE_OUT_DIR / TOOLGATE_CACHE_DIR: separate builds (tests, bench) must not share dist/ or Astro's cache.
  outDir: process.env.TOOLGATE_OUT_DIR ?? './dist',
  cacheDir: process.env.TOOLGATE_CACHE_DIR ?? './node_modules/.astro',
  integrations: [mdx()],
});
