// Search records for Pagefind, built from the catalogue the pages are rendered from (no HTML is re-read for tools and
// servers); the toolgate-build-outputs integration hands them to Pagefind while the pages render (search-index.ts).
import type { Catalog } from './catalog.ts';
import { routes } from './routes.ts';
import { packageFacts } from './server-facts.ts';
import { parameterTable } from './params.ts';
import { cut, escapeMarkup } from './text.ts';

/** One Pagefind custom record. */
export interface SearchRecord {
  url: string;
  content: string;
  language: 'en';
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

// Pagefind keeps a custom record's content as given and its UI inserts excerpts as HTML, so the text is escaped here
// (escapeMarkup), as Pagefind's own HTML reader leaves it (server text is hostile).

/** Parameter names and descriptions a search should find a tool by (bounded: a huge schema does not bloat the index). */
function parameterWords(schema: unknown): string {
  return cut(
    parameterTable(schema)
      .rows.slice(0, 30)
      .map((p) => `${p.name}: ${p.description}`)
      .join('. '),
    2_000,
  );
}

/**
 * Records for every tool page and server page. Filters are the small vocabularies (type, category, risk, capability): a
 * per-server filter would list every server in the search page's filter panel and make Pagefind count thousands of
 * values on every query; a tool is found by its server's name and id as words of its record instead.
 */
export function searchRecords(catalog: Catalog): SearchRecord[] {
  return catalog.servers.flatMap(serverRecords);
}

/** A server's record, then its tools' records. */
function serverRecords(s: Catalog['servers'][number]): SearchRecord[] {
  const pkg = packageFacts(s.snapshot.source);
  const records: SearchRecord[] = [
    {
      url: s.href,
      language: 'en',
      content: escapeMarkup(
        [
          s.name,
          s.id,
          pkg ? `${pkg.package} ${pkg.registry}` : '',
          `${s.tools.length} tools`,
          s.snapshot.serverInfo.name,
        ]
          .filter(Boolean)
          .join('. '),
      ),
      meta: { title: s.name },
      filters: { type: ['server'] },
    },
  ];
  for (const t of s.tools) {
    const v = t.verdict;
    records.push({
      url: t.href,
      language: 'en',
      // The name twice, once split into words, so "close session" finds close_session.
      content: escapeMarkup(
        [
          t.name,
          t.name.replace(/[_\-.]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2'),
          t.title ?? '',
          t.description,
          parameterWords(t.tool.inputSchema),
          `${s.name} MCP server`,
          s.id === s.name ? '' : s.id,
        ]
          .filter(Boolean)
          .join('. '),
      ),
      meta: { title: t.displayName, risk: v.risk, category: v.category },
      filters: { type: ['tool'], category: [v.category], risk: [v.risk], capability: [...v.capabilities] },
    });
  }
  return records;
}

/**
 * Records per search-index bundle. Pagefind 1.6 counts every filter value of every result with a linear scan of the
 * result list, so one query costs (results × filter entries): "delete" on 35,000 tools took half a second in one index.
 * Split into bundles of about this many records (merged by the search page, which sums their counts and sorts by
 * score), each query costs about 1/bundles of that.
 */
export const RECORDS_PER_BUNDLE = 5_000;

/** How many bundles a catalogue's search index is split into (1 for a small catalogue). */
export function searchBundleCount(catalog: Pick<Catalog, 'counts'>): number {
  return Math.max(1, Math.ceil((catalog.counts.servers + catalog.counts.tools) / RECORDS_PER_BUNDLE));
}

/** The folders of the search-index bundles, the primary (/pagefind/) first: the search page merges the rest into it. */
export function searchBundles(catalog: Pick<Catalog, 'counts'>): string[] {
  return Array.from({ length: searchBundleCount(catalog) }, (_, n) => routes.searchBundle(n));
}

/**
 * The records split into searchBundleCount bundles: a server's record and its tools' records stay together (a server
 * is found with its tools), each server going to the bundle with the fewest records so far, so bundles are even and the
 * split is the same for the same catalogue.
 */
export function bundleRecords(catalog: Catalog): SearchRecord[][] {
  const bundles: SearchRecord[][] = Array.from({ length: searchBundleCount(catalog) }, () => []);
  for (const s of catalog.servers) {
    const least = bundles.reduce((a, b) => (b.length < a.length ? b : a));
    for (const r of serverRecords(s)) least.push(r);
  }
  return bundles;
}
