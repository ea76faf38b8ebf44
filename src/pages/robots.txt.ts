// robots.txt: everything may be crawled except search results; points at the sitemap index.
import type { APIRoute } from 'astro';
import { siteUrl } from '../site/routes.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nDisallow: /search/\n\nSitemap: ${new URL('/sitemap-index.xml', siteUrl(site)).href}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
