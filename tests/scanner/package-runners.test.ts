// Config entries that run npx or uvx install that package pinned (from a local index here) and scan it, recording the
// package.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SnapshotSchema } from '../../src/core/schemas/snapshot.ts';
import { startPackageIndex } from '../fixtures/discover/package-index.ts';
import type { PackageIndex } from '../fixtures/discover/package-index.ts';
import { readJson, runCli } from './helpers.ts';

let index: PackageIndex;
let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'toolgate-runners-'));
  index = await startPackageIndex(join(work, 'index'));
});
afterAll(async () => {
  await index?.close();
  await rm(work, { recursive: true, force: true });
});

describe('package runners in config files', () => {
  it('scans npx, uvx and python -m entries as pinned npm and PyPI packages, never the runner fetching the newest', async () => {
    const config = {
      mcpServers: {
        node: { command: 'npx', args: ['-y', 'fixture-ok-server@1.0.0'] },
        python: { command: 'uvx', args: ['fixture-py-server==1.0.0'], env: { FIXTURE_TOKEN: 'value-not-recorded' } },
        module: { command: 'python3', args: ['-m', 'fixture_py_module'] },
      },
    };
    const file = join(work, 'claude_desktop_config.json');
    await writeFile(file, JSON.stringify(config));
    const out = join(work, 'content');
    const result = await runCli([
      '--config',
      file,
      '--out',
      out,
      '--cache',
      join(work, 'cache'),
      '--npm-registry',
      index.npmRegistry,
      '--pypi-index',
      index.pypiIndex,
      '--timeout',
      '120',
    ]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const node = SnapshotSchema.parse(await readJson(join(out, 'servers', 'node.json')));
    expect(node.source).toEqual({
      kind: 'npm',
      package: 'fixture-ok-server',
      version: '1.0.0',
      bin: 'fixture-ok-server',
      args: [],
      envNames: [],
    });
    expect(node.tools.map((tool) => tool.name)).toEqual(['echo', 'delete_note']);
    const python = SnapshotSchema.parse(await readJson(join(out, 'servers', 'python.json')));
    expect(python.source).toEqual({
      kind: 'pypi',
      package: 'fixture-py-server',
      version: '1.0.0',
      script: 'fixture-py-server',
      args: [],
      envNames: ['FIXTURE_TOKEN'],
    });
    expect(JSON.stringify(python)).not.toContain('value-not-recorded');
    // Unpinned: the newest version is installed and recorded.
    const module = SnapshotSchema.parse(await readJson(join(out, 'servers', 'module.json')));
    expect(module.source).toEqual({
      kind: 'pypi',
      package: 'fixture-py-module',
      version: '1.0.0',
      module: 'fixture_py_module',
      args: [],
      envNames: [],
    });
    expect(index.requests.some((path) => path.startsWith('/npm/fixture-ok-server'))).toBe(true);
  });
});
