// Search records built from the catalogue: one per tool and server page, filters as the search page expects, hostile text escaped.
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/site/catalog.ts';
import { searchRecords } from '../../src/site/search-records.ts';
import { friendlySnapshot, hostileSnapshot } from './fixtures/hostile-snapshot.ts';

describe('searchRecords', () => {
  const catalog = buildCatalog([hostileSnapshot(), friendlySnapshot()]);
  const records = searchRecords(catalog);

  it('has one record per tool page and per server page, with the page filters', () => {
    expect(records).toHaveLength(catalog.tools.length + catalog.servers.length);
    expect(new Set(records.map((r) => r.url)).size).toBe(records.length);
    for (const t of catalog.tools) {
      const r = records.find((x) => x.url === t.href)!;
      expect(r.filters).toEqual({ type: ['tool'], category: [t.verdict.category], risk: [t.verdict.risk], capability: t.verdict.capabilities });
      // No per-server filter (thousands of values); the server's id is a word of the record instead.
      expect(r.content).toContain(t.serverId);
      expect(r.meta).toMatchObject({ risk: t.verdict.risk, category: t.verdict.category });
    }
  });

  it('never hands Pagefind raw markup: its UI inserts excerpts as HTML', () => {
    for (const r of records) expect(r.content, r.url).not.toMatch(/[<>"]/);
    expect(records.some((r) => r.content.includes('&lt;'))).toBe(true);
  });
});
