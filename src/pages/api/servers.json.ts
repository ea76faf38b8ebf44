// /api/servers.json: every server with its counts.
import type { APIRoute } from 'astro';
import { getCatalog } from '../../site/content.ts';
import { apiServers } from '../../site/open-data.ts';
import { siteUrl } from '../../site/routes.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(apiServers(getCatalog(), siteUrl(site)), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
