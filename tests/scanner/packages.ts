// Test helpers for npm fixture packages: place one in the package cache as npm would, or pack it and serve it from a
// local registry on 127.0.0.1 (the scanner's sandboxed npm reaches it through the npmrc the test points it at).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { onTestFinished } from 'vitest';
import { npmFolderName } from '../../src/core/paths.ts';
import { repoRoot, tempDir } from './helpers.ts';

const packagesDir = join(repoRoot, 'tests', 'fixtures', 'packages');

interface Manifest {
  name: string;
  version: string;
  bin: Record<string, string>;
}

/** Copies a fixture package (with the shared mini MCP server) to a fresh folder, plus extra files; returns the folder. */
export async function fixturePackage(
  name: string,
  extra: Record<string, string> = {},
): Promise<{ dir: string; manifest: Manifest }> {
  const dir = join(await tempDir(), name);
  await cp(join(packagesDir, name), dir, { recursive: true });
  await cp(join(packagesDir, 'mini-mcp.cjs'), join(dir, 'mini-mcp.cjs'));
  for (const [file, text] of Object.entries(extra)) await writeFile(join(dir, file), text);
  return { dir, manifest: JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as Manifest };
}

/** Puts a fixture package into a package cache exactly as a finished install leaves it (no registry needed). */
export async function placeInCache(cacheDir: string, name: string): Promise<Manifest> {
  const { dir, manifest } = await fixturePackage(name);
  const folder = join(cacheDir, npmFolderName(manifest.name, manifest.version));
  await mkdir(join(folder, 'node_modules', '.bin'), { recursive: true });
  await cp(dir, join(folder, 'node_modules', manifest.name), { recursive: true });
  for (const [bin, file] of Object.entries(manifest.bin))
    await symlink(join('..', manifest.name, file), join(folder, 'node_modules', '.bin', bin));
  await writeFile(join(folder, '.toolgate-installed'), `${manifest.name}@${manifest.version}\n`);
  return manifest;
}

/** `npm pack`s a fixture package and serves it from a one-package registry on 127.0.0.1; returns an npmrc pointing at it. */
export async function serveFromLocalRegistry(
  name: string,
  extra: Record<string, string> = {},
): Promise<{ npmrc: string; manifest: Manifest }> {
  const { dir, manifest } = await fixturePackage(name, extra);
  const out = await tempDir();
  const { stdout } = await promisify(execFile)('npm', ['pack', '--json', '--pack-destination', out], { cwd: dir });
  const filename = (JSON.parse(stdout) as Array<{ filename: string }>)[0]!.filename;
  const tarball = await readFile(join(out, filename));
  const integrity = `sha512-${createHash('sha512').update(tarball).digest('base64')}`;
  const server = createServer((request, response) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (
      request.url === `/${encodeURIComponent(manifest.name).replace('%40', '@')}` ||
      request.url === `/${manifest.name}`
    ) {
      const version = { ...JSON.parse(JSON.stringify(manifest)), dist: { tarball: `${base}/tarball.tgz`, integrity } };
      response.setHeader('content-type', 'application/json');
      response.end(
        JSON.stringify({
          name: manifest.name,
          'dist-tags': { latest: manifest.version },
          versions: { [manifest.version]: version },
        }),
      );
    } else if (request.url === '/tarball.tgz') {
      response.setHeader('content-type', 'application/octet-stream');
      response.end(tarball);
    } else {
      response.statusCode = 404;
      response.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const npmrc = join(out, 'npmrc');
  await writeFile(npmrc, `registry=http://127.0.0.1:${(server.address() as AddressInfo).port}/\n`);
  return { npmrc, manifest };
}
