// /api/tools.csv: every tool in one spreadsheet.
import type { APIRoute } from 'astro';
import { getCatalog } from '../../site/content.ts';
import { toolsCsv } from '../../site/open-data.ts';
import { siteUrl } from '../../site/routes.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(toolsCsv(getCatalog(), siteUrl(site)), {
    headers: { 'content-type': 'text/csv; charset=utf-8' },
  });
