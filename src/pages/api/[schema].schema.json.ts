// The JSON Schemas of the open data files, generated from their zod schemas: /api/<name>.schema.json.
import type { APIRoute } from 'astro';
import { openDataJsonSchemas } from '../../core/schemas/open-data.ts';

export function getStaticPaths() {
  return Object.entries(openDataJsonSchemas()).map(([file, schema]) => ({
    params: { schema: file.replace(/\.schema\.json$/, '') },
    props: { schema },
  }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(`${JSON.stringify((props as { schema: unknown }).schema, null, 2)}\n`, {
    headers: { 'content-type': 'application/schema+json; charset=utf-8' },
  });
