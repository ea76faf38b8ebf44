// The Atom feed of recent changes.
import type { APIRoute } from 'astro';
import { getHistoryIndex } from '../../site/content.ts';
import { atomFeed } from '../../site/history.ts';
import { SITE_NAME } from '../../site/nav.ts';
import { siteUrl } from '../../site/routes.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(atomFeed(getHistoryIndex().recent, siteUrl(site), SITE_NAME), {
    headers: { 'content-type': 'application/atom+xml; charset=utf-8' },
  });
