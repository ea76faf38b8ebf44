// The sitemap: every indexable path from routes.ts, split into files of at most SITEMAP_CHUNK URLs.
import type { Catalog } from './catalog.ts';
import { CAPABILITIES, CATEGORIES, RISKS } from './catalog.ts';
import type { LoadedCase, LoadedPattern } from './attacks.ts';
import { indexablePaths, routes } from './routes.ts';
import { POLICY_FORMATS } from '../core/policy/formats/index.ts';
import type { CoverageModel } from './coverage.ts';
import { escapeMarkup } from './text.ts';

/** URLs per sitemap file (the protocol allows 50,000; smaller files stay quick to fetch). */
export const SITEMAP_CHUNK = 10_000;

/**
 * Paths of every page a search engine should index (starting and ending with "/"), in a stable order, then each
 * server's whole policy in every registered format (the downloads people look for by gateway or client name).
 */
export function sitemapPaths(
  catalog: Catalog,
  patterns: readonly LoadedPattern[],
  cases: readonly LoadedCase[],
  coverage?: CoverageModel,
): string[] {
  const pages = indexablePaths({
    servers: catalog.servers,
    counts: catalog.counts,
    categories: CATEGORIES,
    risks: RISKS,
    capabilities: CAPABILITIES,
    attackSlugs: [...patterns.map((p) => p.slug), ...cases.map((c) => c.slug)],
    attackKinds: [...new Set(cases.map((c) => c.data.kind))],
    attackYears: [...new Set(cases.map((c) => c.data.date.slice(0, 4)))],
    coverage: coverage ? [...coverage.failures].map(([code, rows]) => ({ code, total: rows.length })) : [],
  });
  const policyFiles = catalog.servers.flatMap((s) => POLICY_FORMATS.map((f) => routes.serverFile(s.id, f.fileName)));
  return [...pages, ...policyFiles];
}

/** Splits paths into sitemap files: each at most SITEMAP_CHUNK paths; at least one. */
export function sitemapChunks(paths: readonly string[]): string[][] {
  const chunks: string[][] = [];
  for (let i = 0; i < paths.length; i += SITEMAP_CHUNK) chunks.push(paths.slice(i, i + SITEMAP_CHUNK));
  if (chunks.length === 0) chunks.push([]);
  return chunks;
}

/** One sitemap file (urlset). */
export function urlsetXml(site: URL, paths: readonly string[]): string {
  const body = paths.map((p) => `<url><loc>${escapeMarkup(new URL(p, site).href)}</loc></url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
}

/** The sitemap index pointing at sitemap-1.xml … sitemap-N.xml. */
export function sitemapIndexXml(site: URL, files: readonly string[]): string {
  const body = files.map((f) => `<sitemap><loc>${escapeMarkup(new URL(f, site).href)}</loc></sitemap>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</sitemapindex>\n`;
}
