// The search records of every tool and server page, for the indexing step after the build (which deletes this file).
import type { APIRoute } from 'astro';
import { getCatalog } from '../site/content.ts';
import { searchRecordsJsonl } from '../site/search-records.ts';

export const GET: APIRoute = () => new Response(searchRecordsJsonl(getCatalog()), { headers: { 'content-type': 'application/jsonl; charset=utf-8' } });
