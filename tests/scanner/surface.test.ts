// The scanner keeps the whole server surface: instructions, prompts, resources and templates over all pages, dropping
// malformed entries.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SnapshotSchema } from '../../src/core/schemas/snapshot.ts';
import { fixtureCommand, readJson, runCli, tempDir } from './helpers.ts';

describe('prompts, resources and templates', () => {
  it('lists every page and keeps names, descriptions and arguments', async () => {
    const out = await tempDir();
    const result = await runCli(['--stdio', fixtureCommand('surface'), '--id', 'surface', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const snapshot = SnapshotSchema.parse(await readJson(join(out, 'servers', 'surface.json')));
    expect(snapshot.instructions).toBe('Use the summarise prompt for long documents.');
    expect(snapshot.counts).toEqual({ tools: 1, prompts: 4, resources: 3, resourceTemplates: 1 });
    expect(snapshot.prompts).toEqual([
      {
        name: 'summarise',
        title: 'Summarise',
        description: 'Summarises a document.',
        arguments: [{ name: 'text', description: 'The text to summarise.', required: true }],
      },
      { name: 'translate', description: 'Translates text.', arguments: [{ name: 'language', title: 'Language' }] },
      { name: 'review', description: 'Reviews code.' },
    ]);
    expect(snapshot.resources).toEqual([
      { uri: 'file:///readme.md', name: 'readme', description: 'The readme.', mimeType: 'text/markdown' },
      { uri: 'file:///notes.txt', name: 'notes', title: 'Notes' },
    ]);
    expect(snapshot.resourceTemplates).toEqual([
      { uriTemplate: 'file:///{path}', name: 'file', description: 'Any file by path.' },
    ]);
    const invalid = snapshot.findings.filter((f) => f.code === 'SURFACE_ENTRY_INVALID').map((f) => f.args);
    expect(invalid).toEqual([
      { method: 'resources/list', count: 1 },
      { method: 'prompts/list', count: 1 },
    ]);
  });

  it('caps each list at the tool limit and says so', async () => {
    const { scanServer } = await import('../../src/scanner/scan-server.ts');
    const [command, ...args] = fixtureCommand('surface')
      .split(' ')
      .map((part) => part.replace(/"/g, ''));
    const outcome = await scanServer(
      { kind: 'stdio', command: command!, args, env: { PATH: process.env.PATH ?? '' } },
      { maxTools: 2 },
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.data.prompts?.map((p) => p.name)).toEqual(['summarise', 'translate']);
    expect(outcome.data.counts.prompts).toBe(2);
    expect(
      outcome.data.findings.filter((f) => f.code === 'SURFACE_CAP_REACHED').map((f) => f.args?.['method']),
    ).toEqual(['resources/list', 'prompts/list']);
  });
});
