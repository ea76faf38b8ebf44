// One sitemap file of at most SITEMAP_CHUNK URLs.
import type { APIRoute } from 'astro';
import { urlsetXml } from '../site/sitemap.ts';
import { getSitemapChunks } from '../site/content.ts';

export function getStaticPaths() {
  return getSitemapChunks().map((paths, i) => ({ params: { n: String(i + 1) }, props: { paths } }));
}

export const GET: APIRoute = ({ site, props }) =>
  new Response(urlsetXml(site ?? new URL('https://toolgate.dev'), (props as { paths: string[] }).paths), {
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  });
