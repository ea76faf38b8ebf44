// Every config-file format people already have, scanned for real against fixture servers.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SnapshotSchema } from '../../src/core/schemas/snapshot.ts';
import { loadConfig } from '../../src/scanner/targets.ts';
import { startHttpFixture } from '../fixtures/servers/http.ts';
import { startSseFixture } from '../fixtures/servers/sse.ts';
import { fixturesDir, readJson, runCli, tempDir } from './helpers.ts';

let http: { url: string; close(): Promise<void> };
let sse: { url: string; close(): Promise<void> };
beforeAll(async () => {
  http = await startHttpFixture();
  sse = await startSseFixture();
});
afterAll(async () => {
  await Promise.all([http.close(), sse.close()]);
});

const stdioEntry = (name: string) => ({ command: process.execPath, args: [join(fixturesDir, `${name}.ts`)] });

async function scanConfig(config: unknown, fileName: string) {
  const dir = await tempDir();
  const file = join(dir, fileName);
  await writeFile(file, JSON.stringify(config, null, 2));
  const out = join(dir, 'content');
  const result = await runCli(['--config', file, '--out', out, '--json']);
  return { result, out, file };
}

async function snapshot(out: string, id: string) {
  return SnapshotSchema.parse(await readJson(join(out, 'servers', `${id}.json`)));
}

describe('config files', () => {
  it('Claude Desktop claude_desktop_config.json (mcpServers, stdio and url), ids slugified from the keys', async () => {
    const { result, out } = await scanConfig(
      {
        mcpServers: {
          'My Notes': { ...stdioEntry('normal'), env: { NOTES_TOKEN: 'value-not-recorded' } },
          remote: { url: http.url },
        },
        globalShortcut: '',
      },
      'claude_desktop_config.json',
    );
    expect(result.code).toBe(0);
    const notes = await snapshot(out, 'my-notes');
    expect(notes.name).toBe('My Notes');
    expect(notes.source).toEqual({
      kind: 'command',
      command: process.execPath,
      args: [join(fixturesDir, 'normal.ts')],
      envNames: ['NOTES_TOKEN'],
    });
    expect(JSON.stringify(notes)).not.toContain('value-not-recorded');
    expect((await snapshot(out, 'remote')).transport).toBe('streamable-http');
  });

  it('Cursor / project .mcp.json (mcpServers with type sse)', async () => {
    const { result, out } = await scanConfig(
      { mcpServers: { garbage: stdioEntry('garbage-stdout'), legacy: { type: 'sse', url: sse.url } } },
      '.mcp.json',
    );
    expect(result.code).toBe(0);
    expect((await snapshot(out, 'garbage')).tools.map((tool) => tool.name)).toEqual(['echo']);
    expect((await snapshot(out, 'legacy')).transport).toBe('sse');
  });

  it('VS Code .vscode/mcp.json (servers with type stdio, http, sse)', async () => {
    const { result, out } = await scanConfig(
      {
        inputs: [],
        servers: {
          local: { type: 'stdio', ...stdioEntry('normal') },
          web: { type: 'http', url: http.url },
          old: { type: 'sse', url: sse.url },
        },
      },
      'mcp.json',
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).servers.map((server: { id: string }) => server.id)).toEqual([
      'local',
      'web',
      'old',
    ]);
    expect((await snapshot(out, 'local')).transport).toBe('stdio');
    expect((await snapshot(out, 'web')).transport).toBe('streamable-http');
    expect((await snapshot(out, 'old')).transport).toBe('sse');
  });

  it('MCP Registry server.json: remotes are scanned, npm and PyPI packages resolve to exact-version installs', async () => {
    const config = {
      $schema: 'https://static.modelcontextprotocol.io/schemas/2025-09-29/server.schema.json',
      name: 'io.github.example/notes',
      title: 'Example Notes',
      version: '1.0.0',
      remotes: [
        { type: 'streamable-http', url: http.url },
        { type: 'sse', url: sse.url },
      ],
    };
    const { result, out } = await scanConfig(config, 'server.json');
    expect(result.code).toBe(0);
    const main = await snapshot(out, 'io-github-example-notes');
    expect(main.name).toBe('Example Notes');
    expect(main.transport).toBe('streamable-http');
    expect((await snapshot(out, 'io-github-example-notes-remote')).transport).toBe('sse');

    const dir = await tempDir();
    const file = join(dir, 'server.json');
    await writeFile(
      file,
      JSON.stringify({
        name: 'io.github.example/pkg',
        packages: [
          {
            registryType: 'npm',
            identifier: '@example/mcp',
            version: '2.1.0',
            transport: { type: 'stdio' },
            packageArguments: [
              { type: 'positional', value: 'serve' },
              { type: 'named', name: '--mode', value: 'ro' },
            ],
            environmentVariables: [{ name: 'EXAMPLE_TOKEN', default: 'x' }, { name: 'UNSET' }],
          },
          { registryType: 'pypi', identifier: 'example', version: '1.0.0' },
        ],
      }),
    );
    const targets = await loadConfig(file);
    expect(targets.map((target) => [target.id, target.source])).toEqual([
      [
        'io-github-example-pkg',
        {
          kind: 'npm',
          package: '@example/mcp',
          version: '2.1.0',
          bin: '',
          args: ['serve', '--mode', 'ro'],
          envNames: ['EXAMPLE_TOKEN'],
        },
      ],
      // PyPI packages are scanned too (installed with uv); the console script is picked after install.
      ['io-github-example-pkg-pypi', { kind: 'pypi', package: 'example', version: '1.0.0', args: [], envNames: [] }],
    ]);
  });
});
