// The whole-server starter policy in the Intercept proxy's YAML.
import type { APIRoute } from 'astro';
import { getCatalog } from '../../../site/content.ts';
import type { ServerView } from '../../../site/catalog.ts';
import { serverPolicy } from '../../../site/policies.ts';

export function getStaticPaths() {
  return getCatalog().servers.map((server) => ({ params: { server: server.id }, props: { server } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(serverPolicy((props as { server: ServerView }).server).yaml, { headers: { 'content-type': 'text/yaml; charset=utf-8' } });
