// The sitemap index: one entry per sitemap-N.xml file.
import type { APIRoute } from 'astro';
import { sitemapIndexXml } from '../site/sitemap.ts';
import { sitemapChunks } from '../site/site-paths.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(sitemapIndexXml(site ?? new URL('https://toolgate.dev'), sitemapChunks().length), { headers: { 'content-type': 'application/xml; charset=utf-8' } });
