// The bench's synthetic catalogue: valid snapshots, the exact requested size, and byte-identical output for the same
// flags.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSyntheticCatalog } from '../../scripts/bench-catalog.ts';
import { SnapshotSchema } from '../../src/core/schemas/snapshot.ts';
import { toolHash } from '../../src/core/hash.ts';

const dirs: string[] = [];
async function generate(servers: number, tools: number): Promise<Map<string, string>> {
  const dir = await mkdtemp(join(tmpdir(), 'toolgate-bench-'));
  dirs.push(dir);
  await writeSyntheticCatalog(dir, servers, tools);
  const files = new Map<string, string>();
  for (const name of (await readdir(join(dir, 'servers'))).sort())
    files.set(name, await readFile(join(dir, 'servers', name), 'utf8'));
  return files;
}
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('writeSyntheticCatalog', () => {
  it('writes valid snapshots with exactly the requested servers and tools', async () => {
    const files = await generate(37, 301);
    expect(files.size).toBe(37);
    let tools = 0;
    for (const [file, text] of files) {
      const snapshot = SnapshotSchema.parse(JSON.parse(text));
      expect(`${snapshot.id}.json`).toBe(file);
      expect(snapshot.tools.length).toBeGreaterThan(0);
      expect(snapshot.counts.tools).toBe(snapshot.tools.length);
      expect(new Set(snapshot.tools.map((t) => t.name)).size).toBe(snapshot.tools.length);
      for (const tool of snapshot.tools) {
        expect(tool.hash).toBe(toolHash(tool));
        expect(tool.description?.length ?? 0).toBeGreaterThan(20);
        expect((tool.inputSchema as { type: string }).type).toBe('object');
      }
      tools += snapshot.tools.length;
    }
    expect(tools).toBe(301);
  });

  it('is deterministic: same sizes, byte-identical files', async () => {
    const [a, b] = [await generate(12, 80), await generate(12, 80)];
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [name, text] of a) expect(b.get(name)).toBe(text);
  });

  it('refuses sizes it cannot honour, saying why', async () => {
    await expect(writeSyntheticCatalog(join(tmpdir(), 'unused-toolgate-bench'), 5, 3)).rejects.toThrow(
      /one tool per server/,
    );
  });
});
