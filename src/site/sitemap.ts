// Every indexable path of the site, for the sitemap; split into files of at most SITEMAP_CHUNK URLs.
import type { Catalog } from './catalog.ts';
import { CAPABILITIES, CATEGORIES, LISTING_PAGE_SIZE, RISKS } from './catalog.ts';
import { serverListPages, serverListPath } from './server-list.ts';

/** URLs per sitemap file (the protocol allows 50,000; smaller files stay quick to fetch). */
export const SITEMAP_CHUNK = 10_000;

function listing(base: string, total: number): string[] {
  const pages = Math.max(1, Math.ceil(total / LISTING_PAGE_SIZE));
  return Array.from({ length: pages }, (_, i) => (i === 0 ? base : `${base}${i + 1}/`));
}

/** Paths (starting and ending with "/") in a stable order: hubs, listings, servers, tools, attacks. */
export function sitemapPaths(catalog: Catalog, attackSlugs: readonly string[]): string[] {
  const paths = ['/', '/categories/', '/risk/', '/capabilities/', '/attacks/'];
  for (let n = 1; n <= serverListPages(catalog.servers.length); n++) paths.push(serverListPath(n));
  for (const c of CATEGORIES) paths.push(...listing(`/categories/${c}/`, catalog.counts.byCategory[c]));
  for (const r of RISKS) paths.push(...listing(`/risk/${r}/`, catalog.counts.byRisk[r]));
  for (const c of CAPABILITIES) paths.push(...listing(`/capabilities/${c}/`, catalog.counts.byCapability[c]));
  for (const s of catalog.servers) {
    paths.push(s.href);
    for (const t of s.tools) paths.push(t.href);
  }
  for (const slug of [...attackSlugs].sort()) paths.push(`/attacks/${encodeURIComponent(slug)}/`);
  return paths;
}

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** One sitemap file (urlset). */
export function urlsetXml(site: URL, paths: readonly string[]): string {
  const body = paths.map((p) => `<url><loc>${xmlEscape(new URL(p, site).href)}</loc></url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
}

/** The sitemap index pointing at sitemap-1.xml … sitemap-N.xml. */
export function sitemapIndexXml(site: URL, files: number): string {
  const body = Array.from({ length: files }, (_, i) => `<sitemap><loc>${xmlEscape(new URL(`/sitemap-${i + 1}.xml`, site).href)}</loc></sitemap>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</sitemapindex>\n`;
}
