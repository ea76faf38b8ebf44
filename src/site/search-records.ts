// Search records for Pagefind, built from the catalogue the pages are rendered from (no HTML is re-read for tools and
// servers); the toolgate-build-outputs integration hands them to Pagefind while the pages render (search-index.ts).
import type { Catalog } from './catalog.ts';
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
  return cut(parameterTable(schema).rows.slice(0, 30).map((p) => `${p.name}: ${p.description}`).join('. '), 2_000);
}

/**
 * Records for every tool page and server page. Filters are the small vocabularies (type, category, risk, capability): a
 * per-server filter would list every server in the search page's filter panel and make Pagefind count thousands of values
 * on every query; a tool is found by its server's name and id as words of its record instead.
 */
export function searchRecords(catalog: Catalog): SearchRecord[] {
  const records: SearchRecord[] = [];
  for (const s of catalog.servers) {
    const pkg = packageFacts(s.snapshot.source);
    records.push({
      url: s.href,
      language: 'en',
      content: escapeMarkup([s.name, s.id, pkg ? `${pkg.package} ${pkg.registry}` : '', `${s.tools.length} tools`, s.snapshot.serverInfo.name].filter(Boolean).join('. ')),
      meta: { title: s.name },
      filters: { type: ['server'] },
    });
    for (const t of s.tools) {
      const v = t.verdict;
      records.push({
        url: t.href,
        language: 'en',
        // The name twice, once split into words, so "close session" finds close_session.
        content: escapeMarkup([t.name, t.name.replace(/[_\-.]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2'), t.title ?? '', t.description, parameterWords(t.tool.inputSchema), `${s.name} MCP server`, s.id === s.name ? '' : s.id].filter(Boolean).join('. ')),
        meta: { title: t.displayName, risk: v.risk, category: v.category },
        filters: { type: ['tool'], category: [v.category], risk: [v.risk], capability: [...v.capabilities] },
      });
    }
  }
  return records;
}
