// The JSON Schema of policy.json, generated from the policy zod schema.
import type { APIRoute } from 'astro';
import { policyJsonSchema } from '../../core/policy/index.ts';

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(policyJsonSchema(), null, 2)}\n`, {
    headers: { 'content-type': 'application/schema+json; charset=utf-8' },
  });
