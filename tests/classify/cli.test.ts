// The real classify CLI as a child process: output shape and order, --ignore-annotations, snapshots, and helpful
// errors.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const node = join(root, 'node_modules', '.bin', 'node');
const cli = join(root, 'src', 'cli', 'classify.ts');
const fixtures = join(root, 'tests', 'fixtures', 'poisoning');

async function classify(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(node, [cli, ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('classify CLI', () => {
  it('prints the verdicts of a raw tools/list result in input order, with exactly the documented keys', async () => {
    const r = await classify(join(fixtures, 'clean.json'));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.tools.map((t: { name: string }) => t.name)).toEqual(['get_weather', 'send_email']);
    for (const t of out.tools) {
      expect(Object.keys(t)).toEqual([
        'name',
        'category',
        'risk',
        'capabilities',
        'confidence',
        'confidenceWords',
        'evidence',
        'declared',
        'findings',
      ]);
    }
    expect(out.tools[1]).toMatchObject({ category: 'write', risk: 'high', capabilities: ['messaging'] });
  });

  it('is deterministic: the same input gives byte-identical output', async () => {
    const a = await classify(join(fixtures, 'hidden-instruction.json'));
    const b = await classify(join(fixtures, 'hidden-instruction.json'));
    expect(a.stdout).toBe(b.stdout);
  });

  it('--ignore-annotations classifies without the hints but still reports what was declared', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'toolgate-classify-'));
    const file = join(dir, 'tools.json');
    writeFileSync(
      file,
      JSON.stringify({ tools: [{ name: 'zorblax', annotations: { readOnlyHint: true } }], nextCursor: 'x' }),
    );
    const withHints = JSON.parse((await classify(file)).stdout).tools[0];
    const without = JSON.parse((await classify('--ignore-annotations', file)).stdout).tools[0];
    expect(withHints.category).toBe('read');
    expect(without.category).toBe('write');
    expect(without.declared.annotations).toEqual({ readOnlyHint: true });
  });

  it('accepts a snapshot file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'toolgate-classify-'));
    const file = join(dir, 'snap.json');
    const snapshot = {
      schemaVersion: 1,
      id: 'demo',
      name: 'Demo',
      tools: [
        {
          name: 'drop_table',
          description: 'Drops a table.',
          annotations: { readOnlyHint: true },
          hash: '0'.repeat(64),
        },
        { name: 'list_tables', hash: '1'.repeat(64) },
      ],
      findings: [],
    };
    writeFileSync(file, JSON.stringify(snapshot));
    const out = JSON.parse((await classify(file)).stdout);
    expect(out.tools.map((t: { category: string }) => t.category)).toEqual(['destructive', 'read']);
    expect(out.tools[0].findings.map((f: { code: string }) => f.code)).toContain('ANNOTATION_CONTRADICTED');
  });

  it.each([
    [['/no/such/file.json'], /Cannot read/],
    [[join(root, 'package.json')], /no "tools" array/],
    [[], /exactly one FILE/],
    [['--frobnicate', 'x.json'], /Unknown option/],
  ])('fails helpfully on %j', async (args, message) => {
    const r = await classify(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('rejects a tool without a name, saying which one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'toolgate-classify-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ tools: [{ name: 'ok' }, { description: 'no name' }] }));
    const r = await classify(file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Tool #1 has no string "name"/);
  });
});
