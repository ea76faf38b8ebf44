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
  });

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
  });

  it('--client and --config narrow the search; remote servers are skipped and said so', async () => {
    const home = join(homes, 'claude-code');
    const cwd = await tempDir('toolgate-audit-narrow-');
    const byClient = await runAudit(['--client', 'windsurf', '--no-lock', '--format', 'json'], { home, cwd });
    expect(JSON.parse(byClient.stdout).configs.map((config: { client: string }) => config.client)).toEqual(['windsurf', 'windsurf']);
    const byConfig = await runAudit(['--config', join(home, 'project', '.mcp.json'), '--no-lock', '--format', 'json', '--timeout', '5'], { home, cwd });
    const report = JSON.parse(byConfig.stdout);
    expect(report.configs).toEqual([{ client: 'claude-code', path: join(home, 'project', '.mcp.json'), scope: 'user', status: 'parsed', servers: 2 }]);
    const sentry = report.servers.find((server: { id: string }) => server.id === 'sentry');
    expect(sentry).toMatchObject({ status: 'skipped', launch: { kind: 'remote', url: 'https://mcp.sentry.dev/sse' } });
    expect(sentry.reason).toMatch(/not contacted: nothing leaves this machine unless you pass --remote/);
    expect(report.remote).toBe(false);
  });

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
  });
});
