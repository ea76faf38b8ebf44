// Search records built from the catalogue: one per tool and server page, filters as the search page expects, hostile
// text escaped.
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/site/catalog.ts';
import { bundleRecords, RECORDS_PER_BUNDLE, searchBundles, searchRecords } from '../../src/site/search-records.ts';
import { friendlySnapshot, hostileSnapshot } from './fixtures/hostile-snapshot.ts';
import type { Snapshot } from '../../src/core/schemas/snapshot.ts';

describe('searchRecords', () => {
  const catalog = buildCatalog([hostileSnapshot(), friendlySnapshot()]);
  const records = searchRecords(catalog);

  it('has one record per tool page and per server page, with the page filters', () => {
    expect(records).toHaveLength(catalog.tools.length + catalog.servers.length);
    expect(new Set(records.map((r) => r.url)).size).toBe(records.length);
    for (const t of catalog.tools) {
      const r = records.find((x) => x.url === t.href)!;
      expect(r.filters).toEqual({
        type: ['tool'],
        category: [t.verdict.category],
        risk: [t.verdict.risk],
        capability: t.verdict.capabilities,
      });
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

describe('search bundles', () => {
  it('keep a small catalogue in one bundle, /pagefind/', () => {
    const catalog = buildCatalog([hostileSnapshot(), friendlySnapshot()]);
    expect(searchBundles(catalog)).toEqual(['/pagefind/']);
    expect(bundleRecords(catalog)).toEqual([searchRecords(catalog)]);
  });

  it('split a big catalogue into even bundles, each server with its tools, the same way every time', () => {
    // The friendly server under many ids: enough records for several bundles.
    const perServer = friendlySnapshot().tools.length + 1;
    const servers = Math.ceil((RECORDS_PER_BUNDLE * 2.5) / perServer);
    const snapshots: Snapshot[] = Array.from({ length: servers }, (_, i) =>
      friendlySnapshot(`copy-${String(i).padStart(5, '0')}`),
    );
    const catalog = buildCatalog(snapshots);
    const bundles = bundleRecords(catalog);
    expect(searchBundles(catalog)).toEqual(['/pagefind/', '/pagefind-1/', '/pagefind-2/']);
    expect(bundles).toHaveLength(3);
    expect(
      bundles
        .flat()
        .map((r) => r.url)
        .sort(),
    ).toEqual(
      searchRecords(catalog)
        .map((r) => r.url)
        .sort(),
    );
    const sizes = bundles.map((b) => b.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(perServer);
    for (const s of catalog.servers) {
      const home = bundles.findIndex((b) => b.some((r) => r.url === s.href));
      for (const t of s.tools)
        expect(
          bundles[home]!.some((r) => r.url === t.href),
          t.href,
        ).toBe(true);
    }
    expect(bundleRecords(catalog)).toEqual(bundles);
  });
});
