// The discovery outcome and PyPI catalogue schemas accept what discovery writes and reject what it must never write.
import { describe, expect, it } from 'vitest';
import { CatalogEntrySchema } from '../../src/core/schemas/catalog.ts';
import { OUTCOME_CODES, OutcomeSchema } from '../../src/core/schemas/outcome.ts';
import { SnapshotSchema } from '../../src/core/schemas/snapshot.ts';

const ok = {
  schemaVersion: 1,
  id: 'mcp-server-time',
  name: 'mcp-server-time',
  registry: 'pypi',
  package: 'mcp-server-time',
  version: '2025.9.25',
  origin: 'pypi.tsv',
  code: 'OK',
  detail: 'TOOLS_LISTED',
  message: 'Started and listed 2 tools.',
  envNamesTried: [],
  attempts: [{ args: [], envNames: [], files: [], result: 'OK' }],
  launch: { bin: 'mcp-server-time', args: [], env: {}, python: '3.12', excludeNewer: '2025-09-26' },
  tools: 2,
  triedAt: '2026-12-01T23:00:00.000Z',
};

describe('OutcomeSchema', () => {
  it('accepts an OK outcome with its launch recipe and every permanent code', () => {
    expect(OutcomeSchema.parse(ok).launch?.python).toBe('3.12');
    for (const code of OUTCOME_CODES) expect(OutcomeSchema.safeParse({ ...ok, code }).success).toBe(true);
  });

  it('rejects unknown codes, bad ids and env names a shell would not accept', () => {
    expect(OutcomeSchema.safeParse({ ...ok, code: 'FAILED' }).success).toBe(false);
    expect(OutcomeSchema.safeParse({ ...ok, id: 'Has Space' }).success).toBe(false);
    expect(OutcomeSchema.safeParse({ ...ok, launch: { ...ok.launch, env: { 'A-B': 'x' } } }).success).toBe(false);
    expect(OutcomeSchema.safeParse({ ...ok, detail: 'lower case' }).success).toBe(false);
  });
});

describe('PyPI catalogue entries and snapshot sources', () => {
  it('needs exactly one of script or module, and exactly one source', () => {
    const entry = { id: 'x', name: 'x', pypi: { package: 'x', version: '1.0', script: 'x' } };
    expect(CatalogEntrySchema.parse(entry).pypi?.args).toEqual([]);
    expect(CatalogEntrySchema.safeParse({ ...entry, pypi: { package: 'x', version: '1.0' } }).success).toBe(false);
    expect(
      CatalogEntrySchema.safeParse({ ...entry, pypi: { package: 'x', version: '1.0', script: 'x', module: 'x' } })
        .success,
    ).toBe(false);
    expect(CatalogEntrySchema.safeParse({ ...entry, remote: { url: 'https://example.invalid/mcp' } }).success).toBe(
      false,
    );
  });

  it('snapshots record a PyPI source with its script or module', () => {
    const source = SnapshotSchema.shape.source.parse({
      kind: 'pypi',
      package: 'x',
      version: '1.0',
      module: 'x.server',
      args: [],
      envNames: [],
    });
    expect(source.kind).toBe('pypi');
  });
});
