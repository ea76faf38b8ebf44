// The site's full path list, computed once per build from the catalogue and the attack database, for the sitemap files.
import { getCatalog } from './catalog.ts';
import { loadAttackCases, loadAttackPatterns } from './attacks.ts';
import { SITEMAP_CHUNK, sitemapPaths } from './sitemap.ts';

let memo: string[][] | undefined;

/** Sitemap chunks: each at most SITEMAP_CHUNK paths; at least one. */
export function sitemapChunks(): string[][] {
  if (!memo) {
    const slugs = [...loadAttackPatterns().map((p) => p.slug), ...loadAttackCases().map((c) => c.slug)];
    const paths = sitemapPaths(getCatalog(), slugs);
    memo = [];
    for (let i = 0; i < paths.length; i += SITEMAP_CHUNK) memo.push(paths.slice(i, i + SITEMAP_CHUNK));
    if (memo.length === 0) memo.push([]);
  }
  return memo;
}
