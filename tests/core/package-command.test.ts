// Package runners in config files read as the package they run (npx, bunx, pnpm/yarn dlx, npm exec, uvx, uv tool run,
// pipx run, python -m).
import { describe, expect, it } from 'vitest';
import { packageCommand, splitNpmSpec, splitPypiSpec } from '../../src/core/package-command.ts';

describe('package runners', () => {
  it('npx and friends map to npm packages, pinned when the spec is exact', () => {
    expect(packageCommand('npx', ['-y', '@modelcontextprotocol/server-memory@2026.8.31'])).toEqual({
      registry: 'npm',
      package: '@modelcontextprotocol/server-memory',
      version: '2026.8.31',
      args: [],
    });
    expect(packageCommand('/usr/local/bin/npx', ['--yes', 'mcp-server-x@latest', '--root', '/data'])).toEqual({
      registry: 'npm',
      package: 'mcp-server-x',
      args: ['--root', '/data'],
    });
    expect(packageCommand('bunx', ['figma-mcp@1.2.3', 'stdio'])).toEqual({
      registry: 'npm',
      package: 'figma-mcp',
      version: '1.2.3',
      args: ['stdio'],
    });
    expect(packageCommand('pnpm', ['dlx', 'tool@1.0.0'])).toMatchObject({ package: 'tool', version: '1.0.0' });
    expect(packageCommand('npx', ['-p', '@scope/pkg@2.0.0', 'pkg-bin', '--flag'])).toEqual({
      registry: 'npm',
      package: '@scope/pkg',
      version: '2.0.0',
      bin: 'pkg-bin',
      args: ['--flag'],
    });
    expect(packageCommand('npm', ['exec', '--', 'thing@0.1.0', 'a'])).toMatchObject({
      package: 'thing',
      version: '0.1.0',
      args: ['a'],
    });
  });

  it('uvx, uv tool run, pipx run and python -m map to PyPI packages', () => {
    expect(packageCommand('uvx', ['mcp-server-fetch==2025.4.7', '--ignore-robots-txt'])).toEqual({
      registry: 'pypi',
      package: 'mcp-server-fetch',
      version: '2025.4.7',
      bin: 'mcp-server-fetch',
      args: ['--ignore-robots-txt'],
    });
    expect(
      packageCommand('uvx', [
        '--from',
        'awslabs.aws-documentation-mcp-server@1.2.3',
        'awslabs.aws-documentation-mcp-server',
      ]),
    ).toMatchObject({
      package: 'awslabs.aws-documentation-mcp-server',
      version: '1.2.3',
      bin: 'awslabs.aws-documentation-mcp-server',
    });
    expect(packageCommand('uv', ['tool', 'run', '--python', '3.12', 'mcp-server-git'])).toEqual({
      registry: 'pypi',
      package: 'mcp-server-git',
      bin: 'mcp-server-git',
      args: [],
    });
    expect(packageCommand('pipx', ['run', '--spec', 'mcp-server-time==1.0', 'mcp-server-time', '--tz', 'UTC'])).toEqual(
      { registry: 'pypi', package: 'mcp-server-time', version: '1.0', bin: 'mcp-server-time', args: ['--tz', 'UTC'] },
    );
    expect(packageCommand('python3', ['-m', 'mcp_server_time', '--local-timezone', 'UTC'])).toEqual({
      registry: 'pypi',
      package: 'mcp-server-time',
      module: 'mcp_server_time',
      args: ['--local-timezone', 'UTC'],
    });
  });

  it('leaves local paths, other commands and malformed specs alone', () => {
    expect(packageCommand('npx', ['./local/server.js'])).toBeUndefined();
    expect(packageCommand('uvx', ['--from', 'git+https://example.invalid/x.git', 'x'])).toBeUndefined();
    expect(packageCommand('node', ['server.js'])).toBeUndefined();
    expect(packageCommand('python', ['server.py'])).toBeUndefined();
    expect(packageCommand('python', ['-m', '../evil'])).toBeUndefined();
    expect(packageCommand('npx', [])).toBeUndefined();
  });

  it('splits specs', () => {
    expect(splitNpmSpec('@a/b@1.0.0-rc.1')).toEqual({ name: '@a/b', version: '1.0.0-rc.1' });
    expect(splitNpmSpec('@a/b')).toEqual({ name: '@a/b' });
    expect(splitNpmSpec('b@^1.0.0')).toEqual({ name: 'b' });
    expect(splitPypiSpec('pkg[cli]==0.3.1')).toEqual({ name: 'pkg', version: '0.3.1' });
    expect(splitPypiSpec('pkg>=1')).toEqual({ name: 'pkg>=1' });
  });
});
