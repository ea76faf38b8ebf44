// The whole-server starter policy as a static file: every tool accounted for.
import type { APIRoute } from 'astro';
import { getCatalog } from '../../../site/content.ts';
import type { ServerView } from '../../../site/catalog.ts';
import { serverPolicy } from '../../../site/policies.ts';

export function getStaticPaths() {
  return getCatalog().servers.map((server) => ({ params: { server: server.id }, props: { server } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(serverPolicy((props as { server: ServerView }).server).json, { headers: { 'content-type': 'application/json; charset=utf-8' } });
