// The JSON Schema of the audit's JSON report (`toolgate audit --format json`), generated from its zod schema.
import type { APIRoute } from 'astro';
import { auditReportJsonSchema } from '../../core/schemas/audit.ts';

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(auditReportJsonSchema(), null, 2)}\n`, {
    headers: { 'content-type': 'application/schema+json; charset=utf-8' },
  });
