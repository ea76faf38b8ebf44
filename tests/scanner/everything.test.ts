// One official reference server from npm (the devDependency @modelcontextprotocol/server-everything), scanned for real.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SnapshotSchema } from '../../src/core/schemas/snapshot.ts';
import { readJson, repoRoot, runCli, tempDir } from './helpers.ts';

describe('server-everything from node_modules', () => {
  it('lists its tools, resources and prompts over stdio', async () => {
    const pkgDir = join(repoRoot, 'node_modules', '@modelcontextprotocol', 'server-everything');
    const manifest = JSON.parse(await readFile(join(pkgDir, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
    };
    const bin = join(pkgDir, Object.values(manifest.bin)[0]!);
    const out = await tempDir();
    const result = await runCli([
      '--stdio',
      `"${process.execPath}" "${bin}" stdio`,
      '--id',
      'everything',
      '--out',
      out,
    ]);
    expect(result.code, result.stderr).toBe(0);
    const snapshot = SnapshotSchema.parse(await readJson(join(out, 'servers', 'everything.json')));
    expect(snapshot.serverInfo.name).toMatch(/everything/i);
    const names = snapshot.tools.map((tool) => tool.name);
    expect(names).toEqual(expect.arrayContaining(['echo', 'get-sum']));
    expect(snapshot.counts.tools).toBe(names.length);
    expect(snapshot.counts.resources).toBeGreaterThan(0);
    expect(snapshot.counts.prompts).toBeGreaterThan(0);
    // The surface itself, not just counts: every listed prompt and resource is kept with its name.
    expect(snapshot.prompts?.length).toBe(snapshot.counts.prompts);
    expect(snapshot.resources?.length).toBe(snapshot.counts.resources);
    expect(snapshot.prompts?.every((p) => p.name.length > 0)).toBe(true);
    expect(snapshot.resources?.every((r) => r.uri.length > 0)).toBe(true);
    expect(snapshot.tools.every((tool) => tool.annotations !== undefined)).toBe(true);
  });
});
