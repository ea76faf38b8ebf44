// biome-ignore-all format: its word lists and tables read best packed, several items a line
// Values that become paths are proven, not assumed: the grammar, containment, and an attacker's server.json.
import { existsSync } from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNpmPackage, checkPypiPackage, isBinName, isExactSemver, isNpmName, isPypiVersion } from '../../src/core/paths.ts';
import { PathError, resolveInside } from '../../src/scanner/paths.ts';
import { runCli, tempDir } from './helpers.ts';

describe('path grammar', () => {
  it('accepts real npm names and exact versions, and refuses traversal, ranges and separators', () => {
    for (const name of ['express', '@modelcontextprotocol/server-memory', 'JSONStream', 'lodash.merge', 'a~b']) expect(isNpmName(name), name).toBe(true);
    for (const name of ['', '..', '.hidden', '_private', '@scope/../x', 'a/b', '@scope/a/b', '../../content', 'a b', 'a\0b', '@/x']) expect(isNpmName(name), name).toBe(false);
    for (const version of ['1.2.3', '0.0.0-beta.1', '2026.8.31', '1.0.0+build.5']) expect(isExactSemver(version), version).toBe(true);
    for (const version of ['../../../content/servers', '1.2.3/../../x', '^1.2.3', 'latest', '1.2', 'v1.2.3', '1.2.3-..', '01.2.3', '1.2.3 ']) {
      expect(isExactSemver(version), version).toBe(false);
    }
    expect(checkNpmPackage('x', '0.0.0/../../victim')).toMatchObject({ what: 'version of x' });
  });

  it('accepts PyPI names and exact PEP 440 versions, bin names as plain file names', () => {
    expect(checkPypiPackage('mcp-server-fetch', '2025.4.7')).toBeUndefined();
    expect(checkPypiPackage('zope.interface', '1.0rc1')).toBeUndefined();
    for (const version of ['1.0.post1', '1!2.0', '1.0.dev3', '2.0b2']) expect(isPypiVersion(version), version).toBe(true);
    for (const version of ['>=1.0', '1.0+local', '../1.0', '1.0 ', '']) expect(isPypiVersion(version), version).toBe(false);
    expect(checkPypiPackage('../evil', '1.0')).toMatchObject({ what: 'PyPI project name' });
    for (const bin of ['mcp-server-redis', 'server.js', 'x@y']) expect(isBinName(bin), bin).toBe(true);
    for (const bin of ['..', '.', '../x', 'a/b', '', '.hidden']) expect(isBinName(bin), bin).toBe(false);
  });
});

describe('resolveInside', () => {
  it('returns paths inside the root and refuses ones that climb out, also through a planted symlink', async () => {
    const root = await tempDir();
    expect(resolveInside(root, 'a@1.0.0')).toBe(join(root, 'a@1.0.0'));
    expect(() => resolveInside(root, 'x@0.0.0/../../victim')).toThrow(PathError);
    expect(() => resolveInside(root, '/etc')).toThrow(PathError);
    expect(() => resolveInside(root, '')).toThrow(PathError);
    const outside = await tempDir();
    await symlink(outside, join(root, 'link'));
    expect(() => resolveInside(root, 'link', 'file')).toThrow(/outside/);
  });
});

describe('an attacker server.json', () => {
  it('whose npm version climbs out of the package cache is refused with a clear error, and nothing is removed', async () => {
    const dir = await tempDir();
    const cache = join(dir, 'a', 'b', 'cache');
    const victim = join(dir, 'victim');
    await mkdir(cache, { recursive: true });
    await mkdir(join(victim, 'servers'), { recursive: true });
    await writeFile(join(victim, 'servers', 'precious.json'), '{}\n');
    // join(cache, "x@0.0.0/../../../../victim") is dir/victim: the folder an install would rm -rf first.
    const serverJson = {
      name: 'io.github.attacker/traversal',
      packages: [{ registryType: 'npm', identifier: 'x', version: '0.0.0/../../../../victim', transport: { type: 'stdio' } }],
    };
    await writeFile(join(dir, 'server.json'), JSON.stringify(serverJson));
    const result = await runCli(['--config', join(dir, 'server.json'), '--cache', cache, '--out', join(dir, 'content'), '--json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/refusing version of x "0\.0\.0\/\.\.\/\.\.\/\.\.\/\.\.\/victim": expected one exact SemVer version/);
    expect(result.stderr).toContain('Nothing was installed or removed');
    expect(existsSync(join(victim, 'servers', 'precious.json'))).toBe(true);
  });

  it('whose package name climbs out is refused the same way', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'server.json'), JSON.stringify({ name: 'x', packages: [{ registryType: 'npm', identifier: '../../victim', version: '1.0.0' }] }));
    const result = await runCli(['--config', join(dir, 'server.json'), '--cache', join(dir, 'cache'), '--out', join(dir, 'content')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/refusing npm package name "\.\.\/\.\.\/victim"/);
  });

  it('--cache overlapping --out is refused before anything runs', async () => {
    const dir = await tempDir();
    const result = await runCli(['--url', 'http://127.0.0.1:9/mcp', '--id', 'x', '--out', dir, '--cache', join(dir, 'servers')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--out .* and --cache .* overlap/);
  });
});
