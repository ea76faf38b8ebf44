// /api/servers/<id>.json: one server and its tools with verdicts.
import type { APIRoute } from 'astro';
import { getCatalog } from '../../../site/content.ts';
import type { ServerView } from '../../../site/catalog.ts';
import { apiServerTools } from '../../../site/open-data.ts';

export function getStaticPaths() {
  return getCatalog().servers.map((server) => ({ params: { server: server.id }, props: { server } }));
}

export const GET: APIRoute = ({ site, props }) =>
  new Response(apiServerTools((props as { server: ServerView }).server, site ?? new URL('https://toolgate.dev')), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
