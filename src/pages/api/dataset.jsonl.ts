// /api/dataset.jsonl: the labelled dataset, one tool per line.
import type { APIRoute } from 'astro';
import { getCatalog } from '../../site/content.ts';
import { datasetJsonl } from '../../site/open-data.ts';

export const GET: APIRoute = () =>
  new Response(datasetJsonl(getCatalog()), { headers: { 'content-type': 'application/jsonl; charset=utf-8' } });
