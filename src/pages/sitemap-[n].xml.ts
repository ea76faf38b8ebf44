// One sitemap file of at most SITEMAP_CHUNK URLs.
import type { APIRoute } from 'astro';
import { urlsetXml } from '../site/sitemap.ts';
import { getSitemapChunks } from '../site/content.ts';
import { siteUrl } from '../site/routes.ts';

export function getStaticPaths() {
  return getSitemapChunks().map((paths, i) => ({ params: { n: String(i + 1) }, props: { paths } }));
}

export const GET: APIRoute = ({ site, props }) =>
  new Response(urlsetXml(siteUrl(site), (props as { paths: string[] }).paths), {
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  });
