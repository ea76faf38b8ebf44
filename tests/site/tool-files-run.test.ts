// The build's tool-files pass on real worker threads: every tool page and file is written, the same as on one thread,
// including a server whose schema is nested too deep to copy to a thread (written on the calling thread), and a failed
// write ends the pass with the worker's error.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/core/schemas/snapshot.ts';
import { buildCatalog } from '../../src/site/catalog.ts';
import { toolFilesWork, writeToolFiles } from '../../src/site/tool-files.ts';
import { startToolFiles } from '../../src/site/tool-files-run.ts';
import { deepSnapshotText, friendlySnapshot, hostileSnapshot } from './fixtures/hostile-snapshot.ts';

const dirs: string[] = [];
const fresh = () => {
  const d = mkdtempSync(join(tmpdir(), 'toolgate-tool-files-run-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function files(root: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(root, { recursive: true, withFileTypes: true }))
    if (e.isFile())
      out.set(relative(root, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name), 'utf8'));
  return out;
}

describe('startToolFiles', () => {
  const site = new URL('https://toolgate.dev');
  const catalog = buildCatalog([hostileSnapshot(), JSON.parse(deepSnapshotText()) as Snapshot, friendlySnapshot()]);

  it('writes on worker threads exactly what one thread writes, the too-deep server included', async () => {
    const work = toolFilesWork(catalog, site);
    expect(() => structuredClone(work.servers.find((s) => s.id === 'deep'))).toThrow();
    const one = fresh();
    expect(writeToolFiles(one, work)).toBe(catalog.tools.length);
    const many = fresh();
    const run = startToolFiles(many, 2);
    expect(run.threads).toBe(2);
    expect(await run.write(work)).toBe(catalog.tools.length);
    const expected = files(one);
    const written = files(many);
    expect([...written.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [path, text] of expected) expect(written.get(path), path).toBe(text);
    expect(
      [...written.keys()].filter((p) => p.startsWith(join('servers', 'deep')) && p.endsWith('index.html')),
    ).not.toEqual([]);
  });

  it("ends with the worker's error when its files cannot be written", async () => {
    const out = fresh();
    // A file where the servers folder should be: every tool folder fails.
    writeFileSync(join(out, 'servers'), 'not a folder');
    const run = startToolFiles(out, 2);
    await expect(run.write(toolFilesWork(buildCatalog([friendlySnapshot()]), site))).rejects.toThrow(
      /tool pages, policy and open-data files into .* failed: .*writable/,
    );
  });

  it('stops its threads, having written nothing, when the build ends before handing them work', async () => {
    const out = fresh();
    const run = startToolFiles(out, 2);
    await run.stop();
    expect(readdirSync(out)).toEqual([]);
  });
});
