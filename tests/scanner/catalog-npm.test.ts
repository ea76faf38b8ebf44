// A catalogue npm entry end to end, with the package cache pre-filled so the test needs no registry: sandbox, $HOME,
// dummy files.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SnapshotSchema } from '../../src/core/schemas/snapshot.ts';
import { readJson, runCli, tempDir } from './helpers.ts';
import { placeInCache } from './packages.ts';

describe('catalogue npm entries', () => {
  it('starts the cached bin with dummy env, a sandbox and an empty HOME, and records placeholders, not machine paths', async () => {
    const dir = await tempDir();
    const cache = join(dir, 'cache');
    await placeInCache(cache, 'sandbox-echo');
    const catalog = {
      schemaVersion: 1,
      servers: [
        {
          id: 'sandbox-echo',
          name: 'Sandbox echo',
          npm: {
            package: '@example/sandbox-echo',
            version: '1.2.3',
            bin: 'sandbox-echo',
            args: ['$SANDBOX/files'],
            env: { DUMMY_KEY: 'dummy-value' },
            runWithNode: true,
          },
          files: { '$HOME/.config/token.json': '{}' },
        },
      ],
    };
    await writeFile(join(dir, 'servers.json'), JSON.stringify(catalog));
    const out = join(dir, 'content');
    const result = await runCli(['--catalog', join(dir, 'servers.json'), '--cache', cache, '--out', out]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const snapshot = SnapshotSchema.parse(await readJson(join(out, 'servers', 'sandbox-echo.json')));
    expect(snapshot.source).toEqual({
      kind: 'npm',
      package: '@example/sandbox-echo',
      version: '1.2.3',
      bin: 'sandbox-echo',
      args: ['$SANDBOX/files'],
      envNames: ['DUMMY_KEY'],
    });
    expect(snapshot.tools.map((tool) => tool.description)).toEqual([
      'cwd=$SANDBOX home=$HOME args=$SANDBOX/files',
      'readme=true token=true dummy=dummy-value',
    ]);
  });
});
