// Real installs and real servers: generous per-test timeouts, since a busy 2-core machine can take minutes.
// catalog:discover end to end over local fixture packages (npm tarballs and wheels served on 127.0.0.1, plus recorded
// MCP Registry pages): outcomes per candidate, learning from errors, shards that merge to exactly the unsharded run.
import { spawn } from 'node:child_process';
import { cp, mkdir, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogSchema } from '../../src/core/schemas/catalog.ts';
import { OutcomeSchema } from '../../src/core/schemas/outcome.ts';
import type { Outcome } from '../../src/core/schemas/outcome.ts';
import { SnapshotSchema } from '../../src/core/schemas/snapshot.ts';
import { startHttpFixture } from '../fixtures/servers/http.ts';
import { startSseFixture } from '../fixtures/servers/sse.ts';
import { startPackageIndex } from '../fixtures/discover/package-index.ts';
import type { PackageIndex } from '../fixtures/discover/package-index.ts';
import { registryPages } from '../fixtures/discover/registry-pages.ts';
import { repoRoot } from './helpers.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';

const lists = ['npm.tsv', 'pypi.tsv'].map((name) =>
  join(repoRoot, 'tests', 'fixtures', 'discover', 'candidates', name),
);
let work: string;
let index: PackageIndex;
let remotes: Array<{ url: string; close(): Promise<void> }>;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'toolgate-discover-'));
  remotes = [await startHttpFixture(), await startSseFixture()];
  index = await startPackageIndex(join(work, 'index'), registryPages(remotes[0]!.url, remotes[1]!.url));
});

afterAll(async () => {
  await index?.close();
  await Promise.all((remotes ?? []).map((remote) => remote.close()));
  await rm(work, { recursive: true, force: true });
});

function discover(out: string, extra: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const args = [
    join(repoRoot, 'src', 'cli', 'discover.ts'),
    '--candidates',
    ...lists,
    '--registry',
    index.registry,
    '--out',
    join(out, 'content'),
    '--discovered',
    join(out, 'discovered.json'),
    '--cache',
    join(out, 'cache'),
    '--log',
    join(out, 'log.jsonl'),
    '--npm-registry',
    index.npmRegistry,
    '--pypi-index',
    index.pypiIndex,
    '--deadline',
    '90',
    '--attempt',
    '30',
    ...extra,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function files(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const sub of ['outcomes', 'servers']) {
    let names: string[] = [];
    try {
      names = await readdir(join(dir, sub));
    } catch {
      continue;
    }
    for (const name of names.sort()) out.set(`${sub}/${name}`, await readFile(join(dir, sub, name), 'utf8'));
  }
  return out;
}

// Times differ between runs by design; everything else must be identical.
function timeless(text: string): string {
  return text.replace(/"(triedAt|scannedAt)": "[^"]+"/g, '"$1": ""');
}

const outcomes = new Map<string, Outcome>();
let single: Map<string, string>;

describe('catalog:discover', () => {
  it('gives every candidate one outcome, learns env names and subcommands, and turns OK ones into catalogue entries and snapshots', async () => {
    const out = join(work, 'single');
    const result = await discover(out, ['--concurrency', '4']);
    expect(result.code, result.stderr).toBe(0);
    single = await files(join(out, 'content'));
    for (const [path, text] of single) {
      if (path.startsWith('outcomes/')) {
        const outcome = OutcomeSchema.parse(JSON.parse(text));
        outcomes.set(outcome.package, outcome);
      } else SnapshotSchema.parse(JSON.parse(text));
    }
    const codes = Object.fromEntries(
      [...outcomes].map(([name, outcome]) => [name, `${outcome.code}/${outcome.detail}`]),
    );
    expect(codes).toEqual({
      'fixture-ok-server': 'OK/TOOLS_LISTED',
      'fixture-needs-env': 'OK/TOOLS_LISTED',
      'fixture-subcommand': 'OK/TOOLS_LISTED',
      'fixture-crash': 'CRASHED/IMPORT_ERROR',
      'fixture-library': 'NOT_A_SERVER/NO_ENTRY_POINT',
      'fixture-missing': 'INSTALL_FAILED/NOT_FOUND',
      'fixture-py-server': 'OK/TOOLS_LISTED',
      'fixture_py.module': 'OK/TOOLS_LISTED',
      'fixture-registry-server': 'OK/TOOLS_LISTED',
    });
    const needsEnv = outcomes.get('fixture-needs-env')!;
    expect(needsEnv.envNamesTried).toEqual(['FIXTURE_API_KEY']);
    expect(needsEnv.attempts.map((attempt) => attempt.result)).toEqual(['PROCESS_EXITED', 'OK']);
    expect(needsEnv.launch?.env.FIXTURE_API_KEY).toMatch(/fake/);
    expect(outcomes.get('fixture-subcommand')!.launch?.args).toEqual(['stdio']);
    expect(outcomes.get('fixture-crash')!.stderr).toBe("Error: Cannot find module 'left-pad'");
    expect(outcomes.get('fixture_py.module')!.launch).toMatchObject({
      module: 'fixture_py_module',
      excludeNewer: '2025-02-01',
    });
    expect(outcomes.get('fixture-py-server')!.launch?.bin).toBe('fixture-py-server');
    // From the registry: its declared non-secret default is used, its publication times recorded.
    const fromRegistry = outcomes.get('fixture-registry-server')!;
    expect(fromRegistry.origin).toBe('mcp-registry');
    expect(fromRegistry.registryEntry).toEqual({
      name: 'io.github.example/registry-server',
      version: '1.0.0',
      publishedAt: '2025-06-01T10:00:00Z',
      updatedAt: '2025-06-02T11:00:00Z',
    });
    expect(fromRegistry.launch?.env).toEqual({ REGISTRY_MODE: 'read-only' });

    const catalog = CatalogSchema.parse(JSON.parse(await readFile(join(out, 'discovered.json'), 'utf8')));
    expect(catalog.servers.map((entry) => entry.id)).toEqual([
      'fixture-needs-env',
      'fixture-ok-server',
      'fixture-py-module',
      'fixture-py-server',
      'fixture-registry-server',
      'fixture-subcommand',
    ]);
    expect(catalog.servers.find((entry) => entry.id === 'fixture-py-module')?.pypi).toMatchObject({
      package: 'fixture_py.module',
      module: 'fixture_py_module',
    });
    const snapshot = SnapshotSchema.parse(JSON.parse(single.get('servers/fixture-py-server.json')!));
    expect(snapshot.source).toMatchObject({ kind: 'pypi', package: 'fixture-py-server', script: 'fixture-py-server' });
    expect(snapshot.tools.map((tool) => tool.name)).toEqual(['lookup', 'write_entry']);
    // The package cache is pruned after each candidate: nothing installed is left behind.
    const left = await readdir(join(out, 'cache', 'pypi')).catch(() => []);
    expect(left).toEqual([]);
  }, 300_000);

  it('three shard processes over the same lists are disjoint and complete, and merged equal the unsharded run', async () => {
    const shards = [1, 2, 3].map((i) => join(work, `shard-${i}`));
    const results = await Promise.all(
      shards.map((dir, i) => discover(dir, ['--shard', `${i + 1}/3`, '--concurrency', '2'])),
    );
    for (const result of results) expect(result.code, result.stderr).toBe(0);
    const merged = join(work, 'merged');
    const seen = new Map<string, number>();
    for (const dir of shards) {
      for (const [path] of await files(join(dir, 'content'))) seen.set(path, (seen.get(path) ?? 0) + 1);
      await mkdir(join(merged, 'content'), { recursive: true });
      await cp(join(dir, 'content'), join(merged, 'content'), { recursive: true });
      // A shard never writes the merged catalogue; the merge step does.
      await expect(readFile(join(dir, 'discovered.json'))).rejects.toThrow();
    }
    expect([...seen.values()].every((count) => count === 1)).toBe(true);
    const merge = await new Promise<number | null>((resolve) => {
      const child = spawn(
        process.execPath,
        [
          join(repoRoot, 'src', 'cli', 'discover.ts'),
          '--merge',
          '--out',
          join(merged, 'content'),
          '--discovered',
          join(merged, 'discovered.json'),
        ],
        { stdio: 'ignore' },
      );
      child.once('close', resolve);
    });
    expect(merge).toBe(0);
    const mergedFiles = await files(join(merged, 'content'));
    expect([...mergedFiles.keys()]).toEqual([...single.keys()]);
    for (const [path, text] of mergedFiles) expect(timeless(text), path).toBe(timeless(single.get(path)!));
    expect(await readFile(join(merged, 'discovered.json'), 'utf8')).toBe(
      await readFile(join(work, 'single', 'discovered.json'), 'utf8'),
    );
  }, 300_000);

  it('--resume skips every candidate that has an outcome for its pinned version and changes no byte', async () => {
    const out = join(work, 'single');
    const result = await discover(out, ['--resume']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/9 candidates, 0 to try/);
    expect(await files(join(out, 'content'))).toEqual(single);
  });
});
