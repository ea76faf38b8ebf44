// npm installs of a hostile package (a local tarball made by `npm pack`, served on 127.0.0.1): scripts off by default,
// an allow-listed environment when an entry turns them on, inside the server's deadline, and no daemon left behind.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { npmFolderName } from '../../src/core/paths.ts';
import { readJson, readTree, runCli, survivorsAfter, tempDir } from './helpers.ts';
import { serveFromLocalRegistry } from './packages.ts';

const CANARY = `canary-aws-${randomUUID()}`;

async function scanCanaryPackage(mode: 'run' | 'hang', entry: Record<string, unknown>, timeoutS = 60) {
  const marker = `toolgate-install-daemon-${randomUUID()}`;
  const { npmrc, manifest } = await serveFromLocalRegistry('canary-install', {
    'install-mode.txt': `${mode} ${marker}\n`,
  });
  const dir = await tempDir();
  const cache = join(dir, 'cache');
  const out = join(dir, 'content');
  const catalog = {
    schemaVersion: 1,
    servers: [
      {
        id: 'canary-install',
        name: 'Canary install',
        npm: { package: manifest.name, version: manifest.version, bin: 'canary-install', runWithNode: true, ...entry },
      },
    ],
  };
  await writeFile(join(dir, 'servers.json'), JSON.stringify(catalog));
  const result = await runCli(
    ['--catalog', join(dir, 'servers.json'), '--cache', cache, '--out', out, '--timeout', String(timeoutS), '--json'],
    {
      npm_config_userconfig: npmrc,
      AWS_SECRET_ACCESS_KEY: CANARY,
    },
  );
  const installed = join(cache, npmFolderName(manifest.name, manifest.version), 'node_modules', manifest.name);
  return { result, out, cache, installed, marker };
}

describe('npm installs', () => {
  it('run without lifecycle scripts unless the entry says why it needs them', async () => {
    const { result, installed, marker } = await scanCanaryPackage('run', {});
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(existsSync(join(installed, 'server.js'))).toBe(true);
    expect(existsSync(join(installed, 'install-env.json'))).toBe(false);
    expect(await survivorsAfter(marker, 500)).toEqual([]);
  });

  it('give install scripts and the server only an allow-listed environment, and no install daemon survives', async () => {
    const { result, out, cache, installed, marker } = await scanCanaryPackage('run', {
      installScripts: 'the fixture records what its install script sees',
    });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const seen = JSON.parse(await readFile(join(installed, 'install-env.json'), 'utf8')) as Record<string, string>;
    expect(seen.AWS_SECRET_ACCESS_KEY).toBeUndefined();
    expect(Object.values(seen).join('\n')).not.toContain(CANARY);
    expect(seen.HOME).not.toBe(homedir());
    expect(await survivorsAfter(marker, 2000)).toEqual([]);
    const snapshot = await readJson(join(out, 'servers', 'canary-install.json'));
    expect(snapshot.tools.find((tool: { name: string }) => tool.name === 'env_names').description).not.toContain(
      'AWS_SECRET_ACCESS_KEY',
    );
    for (const { path, text } of [
      ...(await readTree(out)),
      ...(await readTree(cache)).filter((file) => !file.path.endsWith('.tgz')),
    ]) {
      expect(text.includes(CANARY), path).toBe(false);
    }
    expect(result.stdout + result.stderr).not.toContain(CANARY);
  });

  it('run inside the server deadline: an install script that never ends is a TIMEOUT, and leaves nothing running', async () => {
    const started = Date.now();
    const { result, out, marker } = await scanCanaryPackage(
      'hang',
      { installScripts: 'the fixture hangs in its install script' },
      6,
    );
    expect(result.code).toBe(1);
    expect(Date.now() - started).toBeLessThan(30_000);
    const report = JSON.parse(result.stdout);
    expect(report.servers[0]).toMatchObject({ status: 'failed', error: { code: 'TIMEOUT' } });
    expect(report.servers[0].durationMs).toBeLessThanOrEqual(9_000);
    expect((await readJson(join(out, 'failures', 'canary-install.json'))).code).toBe('TIMEOUT');
    expect(await survivorsAfter(marker, 2000)).toEqual([]);
  });
});
