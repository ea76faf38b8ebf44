// Astro build settings for the static catalogue.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://toolgate.dev',
  output: 'static',
  trailingSlash: 'always',
  integrations: [mdx()],
});
