// /llms.txt: the site and its data in a form language models read (llmstxt.org).
import type { APIRoute } from 'astro';
import { getCatalog } from '../site/content.ts';
import { llmsTxt } from '../site/open-data.ts';
import { SITE_NAME } from '../site/nav.ts';
import { siteUrl } from '../site/routes.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(llmsTxt(getCatalog(), siteUrl(site), SITE_NAME), {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
