// The JSON Feed 1.1 of recent changes.
import type { APIRoute } from 'astro';
import { getHistoryIndex } from '../../site/content.ts';
import { jsonFeed } from '../../site/history.ts';
import { SITE_NAME } from '../../site/nav.ts';
import { siteUrl } from '../../site/routes.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(jsonFeed(getHistoryIndex().recent, siteUrl(site), SITE_NAME), {
    headers: { 'content-type': 'application/feed+json; charset=utf-8' },
  });
