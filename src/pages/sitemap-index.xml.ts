// The sitemap index: one entry per sitemap-N.xml file.
import type { APIRoute } from 'astro';
import { sitemapIndexXml } from '../site/sitemap.ts';
import { getSitemapChunks } from '../site/content.ts';
import { routes, siteUrl } from '../site/routes.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(
    sitemapIndexXml(
      siteUrl(site),
      getSitemapChunks().map((_, i) => routes.sitemap(i + 1)),
    ),
    {
      headers: { 'content-type': 'application/xml; charset=utf-8' },
    },
  );
