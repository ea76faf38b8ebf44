// The audit CLI's narrowing, empty and error paths, run as a child process against fake homes.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, tempDir } from '../scanner/helpers.ts';
import { runAudit } from './helpers.ts';

const homes = resolve(import.meta.dirname, '..', 'fixtures', 'homes');

describe('audit CLI', () => {
  it('with no servers anywhere, says so and lists every place it looked', async () => {
    const home = await tempDir('toolgate-audit-empty-');
    const result = await runAudit(['--no-lock'], { home, cwd: home });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No MCP servers are configured in any of the');
    expect(result.stdout).toContain(`· claude-code    ${join(home, '.claude.json')}  not there`);
    expect(result.stdout).toContain(`· codex          ${join(home, '.codex', 'config.toml')}  not there`);
    expect(result.stdout).toContain(`· continue       ${join(home, '.continue', 'config.yaml')}  not there`);
    expect(result.stdout).not.toMatch(/0 servers/);
  }, 180_000);

  it("a malformed config is reported clearly and the other clients' servers are still scanned", async () => {
    const home = await tempDir('toolgate-audit-bad-');
    await mkdir(join(home, '.cursor'), { recursive: true });
    await writeFile(join(home, '.cursor', 'mcp.json'), '{ "mcpServers": { "half": ');
    await mkdir(join(home, '.codex'), { recursive: true });
    await writeFile(
      join(home, '.codex', 'config.toml'),
      `[mcp_servers.echo]\ncommand = ${JSON.stringify(process.execPath)}\nargs = [${JSON.stringify(join(fixturesDir, 'garbage-stdout.ts'))}]\n`,
    );
    const result = await runAudit(['--no-lock'], { home, cwd: home });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(
        `✗ cursor +${join(home, '.cursor', 'mcp.json').replaceAll('.', '\\.')}  invalid: not valid JSON: .*fix the file \\(the other files are still audited\\)`,
      ),
    );
    expect(result.stdout).toMatch(/^echo\s+codex\s+scanned\s+1\s/m);
    expect(result.stdout).toContain('MEDIUM   CONFIG_FILE_INVALID');
  }, 180_000);

  it('--client and --config narrow the search; remote servers are skipped and said so', async () => {
    const home = join(homes, 'claude-code');
    const cwd = await tempDir('toolgate-audit-narrow-');
    const byClient = await runAudit(['--client', 'windsurf', '--no-lock', '--format', 'json'], { home, cwd });
    expect(JSON.parse(byClient.stdout).configs.map((config: { client: string }) => config.client)).toEqual([
      'windsurf',
      'windsurf',
    ]);
    const byConfig = await runAudit(
      ['--config', join(home, 'project', '.mcp.json'), '--no-lock', '--format', 'json', '--timeout', '5'],
      { home, cwd },
    );
    const report = JSON.parse(byConfig.stdout);
    expect(report.configs).toEqual([
      {
        client: 'claude-code',
        path: join(home, 'project', '.mcp.json'),
        scope: 'project',
        status: 'parsed',
        servers: 2,
      },
    ]);
    expect(report.servers.find((server: { id: string }) => server.id === 'local-tools').launch).toMatchObject({
      command: './bin/tools',
      cwd: join(home, 'project'),
    });
    const sentry = report.servers.find((server: { id: string }) => server.id === 'sentry');
    expect(sentry).toMatchObject({ status: 'skipped', launch: { kind: 'remote', url: 'https://mcp.sentry.dev/sse' } });
    expect(sentry.reason).toMatch(/not contacted: nothing leaves this machine unless you pass --remote/);
    expect(report.remote).toBe(false);
  }, 180_000);

  it('bad input exits 2 with what to do', async () => {
    const home = await tempDir('toolgate-audit-input-');
    const unknown = await runAudit(['--client', 'notepad'], { home, cwd: home });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /--client "notepad" is not a client the audit knows; use one of: claude-desktop, claude-code/,
    );
    const failOn = await runAudit(['--fail-on', 'medium'], { home, cwd: home });
    expect(failOn.code).toBe(2);
    expect(failOn.stderr).toContain('--fail-on takes "high" or "critical", got "medium".');
    await mkdir(join(home, 'docs'));
    await writeFile(join(home, 'docs', 'notes.txt'), 'keep me');
    const html = await runAudit(['--html', join(home, 'docs')], { home, cwd: home });
    expect(html.code).toBe(2);
    expect(html.stderr).toContain(
      'holds other files, and the site build would replace them; give a new or empty folder',
    );
    await writeFile(join(home, 'toolgate.lock'), '{"lockfileVersion": 7}');
    const lock = await runAudit([], { home, cwd: home });
    expect(lock.code).toBe(2);
    expect(lock.stderr).toMatch(
      /the lock file .*toolgate\.lock is not a toolgate\.lock \(lockfileVersion: .*\); restore it or delete it to pin again\./,
    );
  }, 180_000);
});

describe('audit against the public catalogue', () => {
  it("installs an npx entry's package (pinned, sandboxed, here from a local registry) and says where its tools differ from the catalogue's snapshot of that package@version", async () => {
    const { toolHash } = await import('../../src/core/hash.ts');
    const { startPackageIndex } = await import('../fixtures/discover/package-index.ts');
    const home = await tempDir('toolgate-audit-catalogue-');
    const index = await startPackageIndex(join(home, 'index'));
    try {
      await writeFile(
        join(home, '.claude.json'),
        JSON.stringify({ mcpServers: { ok: { command: 'npx', args: ['-y', 'fixture-ok-server@1.0.0'] } } }),
      );
      const schema = { type: 'object', properties: { text: { type: 'string' } } };
      const tools = [
        { name: 'echo', description: 'Echo the text back.', inputSchema: schema },
        { name: 'delete_note', description: 'Delete a note.', inputSchema: schema },
        { name: 'archive_note', description: 'Archive a note.', inputSchema: schema },
      ].map((tool) => ({ ...tool, hash: toolHash(tool) }));
      const catalogue = join(home, 'catalogue');
      await mkdir(catalogue);
      await writeFile(
        join(catalogue, 'fixture-ok-server.json'),
        JSON.stringify({
          schemaVersion: 1,
          id: 'fixture-ok-server',
          name: 'Fixture',
          source: {
            kind: 'npm',
            package: 'fixture-ok-server',
            version: '1.0.0',
            bin: 'fixture-ok-server',
            args: [],
            envNames: [],
          },
          transport: 'stdio',
          scannedAt: '2026-12-01T00:00:00.000Z',
          serverInfo: { name: 'fixture-ok-server', version: '1.0.0' },
          protocolVersion: '2025-06-18',
          capabilities: { tools: {} },
          counts: { tools: 3 },
          tools,
          findings: [],
        }),
      );
      const args = [
        '--client',
        'claude-code',
        '--no-lock',
        '--catalogue',
        catalogue,
        '--cache',
        join(home, 'cache'),
        '--npm-registry',
        index.npmRegistry,
        '--timeout',
        '120',
      ];
      const result = await runAudit([...args, '--format', 'json'], { home, cwd: home });
      expect(result.code, result.stderr).toBe(0);
      const report = JSON.parse(result.stdout);
      expect(report.servers[0]).toMatchObject({
        status: 'scanned',
        package: { registry: 'npm', name: 'fixture-ok-server', version: '1.0.0' },
      });
      expect(report.servers[0].catalogue).toEqual({
        id: 'fixture-ok-server',
        package: 'fixture-ok-server@1.0.0',
        same: 1,
        differ: ['delete_note'],
        onlyHere: [],
        onlyCatalogue: ['archive_note'],
      });
      expect(report.issues.find((issue: { code: string }) => issue.code === 'CATALOGUE_DIFFERS').message).toBe(
        "ok: tools differ from the public catalogue's fixture-ok-server@1.0.0 (fixture-ok-server): 1 differ (delete_note), 1 only in the catalogue",
      );
      // --offline installs nothing and says why the server was skipped.
      const before = index.requests.length;
      const offline = await runAudit([...args, '--offline'], { home, cwd: home });
      expect(offline.code).toBe(0);
      expect(offline.stdout).toMatch(
        /PACKAGE_NOT_FETCHED +ok: it runs a package through npx\/uvx\/pipx, which the scanner installs from its registry; --offline forbids that/,
      );
      expect(index.requests.length).toBe(before);
    } finally {
      await index.close();
    }
  }, 300_000);
});

describe('remote servers', () => {
  it('are contacted only with --remote', async () => {
    const { createServer } = await import('node:http');
    const { startHttpFixture } = await import('../fixtures/servers/http.ts');
    let requests = 0;
    const counter = createServer((_req, res) => {
      requests++;
      res.writeHead(404).end();
    });
    await new Promise<void>((done) => counter.listen(0, '127.0.0.1', done));
    const port = (counter.address() as { port: number }).port;
    const http = await startHttpFixture();
    try {
      const home = await tempDir('toolgate-audit-remote-');
      await mkdir(join(home, '.cursor'), { recursive: true });
      await writeFile(
        join(home, '.cursor', 'mcp.json'),
        JSON.stringify({ mcpServers: { quiet: { url: `http://127.0.0.1:${port}/mcp` }, web: { url: http.url } } }),
      );
      const offline = await runAudit(['--client', 'cursor', '--no-lock', '--format', 'json'], { home, cwd: home });
      expect(JSON.parse(offline.stdout).servers.map((server: { status: string }) => server.status)).toEqual([
        'skipped',
        'skipped',
      ]);
      expect(requests).toBe(0);
      const online = await runAudit(
        ['--client', 'cursor', '--no-lock', '--remote', '--format', 'json', '--timeout', '10'],
        { home, cwd: home },
      );
      const report = JSON.parse(online.stdout);
      expect(report.remote).toBe(true);
      expect(report.servers.map((server: { id: string; status: string }) => [server.id, server.status])).toEqual([
        ['quiet', 'failed'],
        ['web', 'scanned'],
      ]);
      expect(report.servers[1].counts.tools).toBe(2);
      expect(requests).toBeGreaterThan(0);
    } finally {
      counter.closeAllConnections();
      await new Promise((done) => counter.close(done));
      await http.close();
    }
  }, 180_000);
});
