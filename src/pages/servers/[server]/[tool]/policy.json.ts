// The one-tool starter policy as a static file beside the tool page.
import type { APIRoute } from 'astro';
import { getCatalog } from '../../../../site/catalog.ts';
import type { ToolView } from '../../../../site/catalog.ts';
import { toolPolicy } from '../../../../site/policies.ts';

export function getStaticPaths() {
  return getCatalog().tools.map((tool) => ({ params: { server: tool.serverId, tool: tool.slug }, props: { tool } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(toolPolicy((props as { tool: ToolView }).tool).json, { headers: { 'content-type': 'application/json; charset=utf-8' } });
