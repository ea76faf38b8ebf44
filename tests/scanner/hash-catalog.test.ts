// Canonical JSON and tool hashes; the committed catalogue and snapshots are valid and consistent.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, toolHash } from '../../src/core/hash.ts';
import { CatalogSchema } from '../../src/core/schemas/catalog.ts';
import { SCAN_FINDING_INFO } from '../../src/core/schemas/scan-findings.ts';
import { ScanFailureSchema, SnapshotSchema } from '../../src/core/schemas/snapshot.ts';
import { readJson, repoRoot, sharedDir } from './helpers.ts';

function shuffleKeys(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((item) => shuffleKeys(item, seed));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (seed % 2) entries.reverse();
    return Object.fromEntries(entries.map(([key, item]) => [key, shuffleKeys(item, seed + 1)]));
  }
  return value;
}

describe('canonical JSON and tool hash', () => {
  it('does not depend on key order and round-trips', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), (value, seed) => {
        expect(canonicalJson(shuffleKeys(value, seed))).toBe(canonicalJson(value));
        expect(canonicalJson(JSON.parse(canonicalJson(value)))).toBe(canonicalJson(value));
      }),
      { numRuns: 200 },
    );
  });

  it('changes when any hashed field changes, not for other fields', () => {
    const tool = { name: 'a', description: 'd', inputSchema: { type: 'object' }, annotations: { readOnlyHint: true } };
    const base = toolHash(tool);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(toolHash({ ...tool, description: 'e' })).not.toBe(base);
    expect(toolHash({ ...tool, annotations: { readOnlyHint: false } })).not.toBe(base);
    expect(toolHash({ ...tool, title: 'T' })).not.toBe(base);
    expect(
      toolHash({ annotations: { readOnlyHint: true }, inputSchema: { type: 'object' }, description: 'd', name: 'a' }),
    ).toBe(base);
    expect(toolHash({ ...tool, hash: 'x', _meta: { a: 1 } } as typeof tool)).toBe(base);
  });
});

describe('committed catalogue and content', () => {
  it('catalog/servers.json validates and covers every corpus server plus delx', async () => {
    const catalog = CatalogSchema.parse(await readJson(join(repoRoot, 'catalog', 'servers.json')));
    const corpus = await readJson<Array<{ id: string; package: string; version: string }>>(
      join(sharedDir, 'corpus', 'servers.json'),
    );
    const byCorpusId = new Map(catalog.servers.map((entry) => [entry.corpusId ?? entry.id, entry]));
    for (const server of corpus) {
      const entry = byCorpusId.get(server.id);
      expect(entry, server.id).toBeDefined();
      expect(entry!.npm).toMatchObject({ package: server.package, version: server.version });
    }
    expect(catalog.servers).toHaveLength(corpus.length + 1);
    const delx = catalog.servers.find((entry) => entry.id === 'delx')!;
    expect(delx.remote?.url).toMatch(/^https:\/\//);
    expect(delx.replay?.fixture).toBe('fixtures/delx/tools.json');
  });

  it('every committed snapshot validates, matches its file name, and carries correct hashes', async () => {
    const dir = join(repoRoot, 'content', 'servers');
    const files = (await readdir(dir)).filter((file) => file.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) {
      const snapshot = SnapshotSchema.parse(await readJson(join(dir, file)));
      expect(`${snapshot.id}.json`).toBe(file);
      expect(snapshot.counts.tools).toBe(snapshot.tools.length);
      for (const tool of snapshot.tools) expect(tool.hash).toBe(toolHash(tool));
      // Every code the scanner writes has prose for the pages.
      for (const finding of snapshot.findings) expect(Object.keys(SCAN_FINDING_INFO), file).toContain(finding.code);
    }
    const delx = SnapshotSchema.parse(await readJson(join(dir, 'delx.json')));
    expect(delx.tools).toHaveLength(143);
    expect(delx.tools.map((tool) => tool.name)).toContain('close_session');
    expect(delx.source).toEqual({ kind: 'remote', url: 'https://api.delx.ai/v1/mcp' });
    expect(delx.provenance).toMatch(/replay/i);
    const failuresDir = join(repoRoot, 'content', 'failures');
    for (const file of (await readdir(failuresDir).catch(() => [])).filter((name) => name.endsWith('.json'))) {
      ScanFailureSchema.parse(await readJson(join(failuresDir, file)));
    }
  });
});
