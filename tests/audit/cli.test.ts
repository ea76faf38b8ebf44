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

  it('a malformed config is reported clearly and the other clients\' servers are still scanned', async () => {
    const home = await tempDir('toolgate-audit-bad-');
    await mkdir(join(home, '.cursor'), { recursive: true });
    await writeFile(join(home, '.cursor', 'mcp.json'), '{ "mcpServers": { "half": ');
    await mkdir(join(home, '.codex'), { recursive: true });
    await writeFile(join(home, '.codex', 'config.toml'), `[mcp_servers.echo]\ncommand = ${JSON.stringify(process.execPath)}\nargs = [${JSON.stringify(join(fixturesDir, 'garbage-stdout.ts'))}]\n`);
    const result = await runAudit(['--no-lock'], { home, cwd: home });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`✗ cursor +${join(home, '.cursor', 'mcp.json').replaceAll('.', '\\.')}  invalid: not valid JSON: .*fix the file \\(the other files are still audited\\)`));
    expect(result.stdout).toMatch(/^echo\s+codex\s+scanned\s+1\s/m);
    expect(result.stdout).toContain('MEDIUM   CONFIG_FILE_INVALID');
  }, 180_000);

  it('--client and --config narrow the search; remote servers are skipped and said so', async () => {
    const home = join(homes, 'claude-code');
    const cwd = await tempDir('toolgate-audit-narrow-');
    const byClient = await runAudit(['--client', 'windsurf', '--no-lock', '--format', 'json'], { home, cwd });
    expect(JSON.parse(byClient.stdout).configs.map((config: { client: string }) => config.client)).toEqual(['windsurf', 'windsurf']);
    const byConfig = await runAudit(['--config', join(home, 'project', '.mcp.json'), '--no-lock', '--format', 'json', '--timeout', '5'], { home, cwd });
    const report = JSON.parse(byConfig.stdout);
    expect(report.configs).toEqual([{ client: 'claude-code', path: join(home, 'project', '.mcp.json'), scope: 'project', status: 'parsed', servers: 2 }]);
    expect(report.servers.find((server: { id: string }) => server.id === 'local-tools').launch).toMatchObject({ command: './bin/tools', cwd: join(home, 'project') });
    const sentry = report.servers.find((server: { id: string }) => server.id === 'sentry');
    expect(sentry).toMatchObject({ status: 'skipped', launch: { kind: 'remote', url: 'https://mcp.sentry.dev/sse' } });
    expect(sentry.reason).toMatch(/not contacted: nothing leaves this machine unless you pass --remote/);
    expect(report.remote).toBe(false);
  }, 180_000);

  it('bad input exits 2 with what to do', async () => {
    const home = await tempDir('toolgate-audit-input-');
    const unknown = await runAudit(['--client', 'notepad'], { home, cwd: home });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--client "notepad" is not a client the audit knows; use one of: claude-desktop, claude-code/);
    const failOn = await runAudit(['--fail-on', 'medium'], { home, cwd: home });
    expect(failOn.code).toBe(2);
    expect(failOn.stderr).toContain('--fail-on takes "high" or "critical", got "medium".');
    await writeFile(join(home, 'toolgate.lock'), '{"lockfileVersion": 7}');
    const lock = await runAudit([], { home, cwd: home });
    expect(lock.code).toBe(2);
    expect(lock.stderr).toMatch(/the lock file .*toolgate\.lock is not a toolgate\.lock \(lockfileVersion: .*\); restore it or delete it to pin again\./);
  }, 180_000);
});

describe('audit against the public catalogue', () => {
  it('says where this machine\'s tools differ from the catalogue\'s snapshot of the same npm package@version', async () => {
    const { toolHash } = await import('../../src/core/hash.ts');
    const { chmod } = await import('node:fs/promises');
    const home = await tempDir('toolgate-audit-catalogue-');
    // A stand-in `npx` that starts the "normal" fixture, so `npx -y fixture-notes@1.0.0` runs with no registry.
    const npx = join(home, 'bin', 'npx');
    await mkdir(join(home, 'bin'), { recursive: true });
    await writeFile(npx, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(join(fixturesDir, 'normal.ts'))}\n`);
    await chmod(npx, 0o755);
    await writeFile(join(home, '.claude.json'), JSON.stringify({ mcpServers: { notes: { command: npx, args: ['-y', 'fixture-notes@1.0.0'] } } }));
    const schema = { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] };
    const tools = [
      { name: 'read_note', description: 'Read a note.', inputSchema: schema, annotations: { readOnlyHint: true, title: 'Read note' } },
      { name: 'write_note', description: 'Write a note to the notes folder.', inputSchema: schema },
      { name: 'archive_note', description: 'Archive a note.', inputSchema: schema },
    ].map((tool) => ({ ...tool, hash: toolHash(tool) }));
    const catalogue = join(home, 'catalogue');
    await mkdir(catalogue);
    await writeFile(
      join(catalogue, 'fixture-notes.json'),
      JSON.stringify({
        schemaVersion: 1, id: 'fixture-notes', name: 'Fixture notes', source: { kind: 'npm', package: 'fixture-notes', version: '1.0.0', bin: 'fixture-notes', args: [], envNames: [] },
        transport: 'stdio', scannedAt: '2026-12-01T00:00:00.000Z', serverInfo: { name: 'fixture-normal', version: '1.0.0' }, protocolVersion: '2025-06-18',
        capabilities: { tools: {} }, counts: { tools: 3 }, tools, findings: [],
      }),
    );
    // The stand-in npx is a script outside what the sandbox shows a command; run this one without it.
    const result = await runAudit(['--client', 'claude-code', '--no-lock', '--no-sandbox', '--catalogue', catalogue, '--format', 'json'], { home, cwd: home });
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.servers[0].catalogue).toEqual({ id: 'fixture-notes', package: 'fixture-notes@1.0.0', same: 1, differ: ['write_note'], onlyHere: ['delete_note'], onlyCatalogue: ['archive_note'] });
    expect(report.issues.find((issue: { code: string }) => issue.code === 'CATALOGUE_DIFFERS').message).toBe(
      "notes: tools differ from the public catalogue's fixture-notes@1.0.0 (fixture-notes): 1 differ (write_note), 1 only here, 1 only in the catalogue",
    );
  }, 180_000);
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
      await writeFile(join(home, '.cursor', 'mcp.json'), JSON.stringify({ mcpServers: { quiet: { url: `http://127.0.0.1:${port}/mcp` }, web: { url: http.url } } }));
      const offline = await runAudit(['--client', 'cursor', '--no-lock', '--format', 'json'], { home, cwd: home });
      expect(JSON.parse(offline.stdout).servers.map((server: { status: string }) => server.status)).toEqual(['skipped', 'skipped']);
      expect(requests).toBe(0);
      const online = await runAudit(['--client', 'cursor', '--no-lock', '--remote', '--format', 'json', '--timeout', '10'], { home, cwd: home });
      const report = JSON.parse(online.stdout);
      expect(report.remote).toBe(true);
      expect(report.servers.map((server: { id: string; status: string }) => [server.id, server.status])).toEqual([['quiet', 'failed'], ['web', 'scanned']]);
      expect(report.servers[1].counts.tools).toBe(2);
      expect(requests).toBeGreaterThan(0);
    } finally {
      counter.closeAllConnections();
      await new Promise((done) => counter.close(done));
      await http.close();
    }
  }, 180_000);
});
