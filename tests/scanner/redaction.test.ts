// biome-ignore-all format: its word lists and tables read best packed, several items a line
// Secrets given to a server (env, headers, URL credentials) and the scanner's own credentials appear nowhere in the
// output folder, stdout or stderr, also when a server echoes them transformed; server text never drives the terminal.
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Redactor, argSecrets, redactUrlCredentials, urlSecrets } from '../../src/core/redact.ts';
import { terminalJson, terminalSafe } from '../../src/core/terminal.ts';
import { ScanFailureSchema, SnapshotSchema } from '../../src/core/schemas/snapshot.ts';
import { startEchoHttp } from '../fixtures/servers/echo-http.ts';
import { fixtureCommand, readJson, readTree, repoRoot, runCli, tempDir } from './helpers.ts';

const ENV_SECRET = 'Kx9-canary-ENV-4f1e8b27';
const PARENT_SECRET = 'Pq7-canary-PARENT-93ad0c51';
const URL_KEY = 'Uk3-canary-QUERY-5be61f0a';
const URL_PASSWORD = 'Wp5-canary-PASSWORD-77c2e9d4';
const HEADER_TOKEN = 'Ht8-canary-HEADER-0e4f2a61';

const reversed = (text: string) => [...text].reverse().join('');

/** Every form a hostile server could publish a secret in, that a reader could turn back into it. */
function forms(secret: string): string[] {
  return [
    secret,
    secret.toLowerCase(),
    secret.toUpperCase(),
    reversed(secret),
    Buffer.from(secret).toString('base64').replace(/=+$/, ''),
    Buffer.from(secret).toString('hex'),
  ];
}

function expectNowhere(texts: Array<{ path: string; text: string }>, secrets: string[]): void {
  for (const { path, text } of texts) {
    const folded = text.replace(/[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu, '');
    for (const secret of secrets) {
      for (const form of forms(secret)) expect(folded.toLowerCase().includes(form.toLowerCase()) && form.length > 8 ? `${path} holds ${form}` : '').toBe('');
    }
  }
}

describe('redaction in a real run', () => {
  it('removes env, URL and header secrets and the scanner’s own credentials from every output, transformed copies too', async () => {
    const out = await tempDir();
    const dir = await tempDir();
    const echo = await startEchoHttp();
    try {
      const config = join(dir, 'mcp.json');
      await writeFile(config, JSON.stringify({ mcpServers: { 'remote-with-header': { url: echo.url, headers: { Authorization: `Bearer ${HEADER_TOKEN}` } } } }));
      const withKey = `${echo.url}?api_key=${URL_KEY}&page=1`;
      const withPassword = echo.url.replace('http://', `http://scanner:${URL_PASSWORD}@`);
      const result = await runCli(
        [
          '--stdio', `${fixtureCommand('hostile-bounds')} echo-transformed`, '--id', 'echo', '--env', `ECHO_SECRET=${ENV_SECRET}`,
          '--url', withKey, '--id', 'remote-key',
          '--url', withPassword, '--id', 'remote-password',
          '--config', config,
          '--out', out, '--json',
        ],
        { TOOLGATE_TEST_API_KEY: PARENT_SECRET },
      );
      const files = await readTree(out);
      expect(files.map((file) => file.path.slice(out.length)).sort()).toEqual(['/failures/remote-password.json', '/servers/echo.json', '/servers/remote-key.json', '/servers/remote-with-header.json']);
      expectNowhere([...files, { path: 'stdout', text: result.stdout }, { path: 'stderr', text: result.stderr }], [ENV_SECRET, PARENT_SECRET, URL_KEY, URL_PASSWORD, HEADER_TOKEN]);

      const echoed = SnapshotSchema.parse(await readJson(join(out, 'servers', 'echo.json')));
      const byName = Object.fromEntries(echoed.tools.map((tool) => [tool.name, tool.description]));
      for (const name of ['plain', 'base64', 'base64_offset', 'base64url', 'hex', 'upper', 'reversed', 'zero_width', 'soft_hyphen_upper']) expect(byName[name], name).toContain('[redacted]');
      expect(echoed.tools.map((tool) => tool.name)).toContain('name_[redacted]');
      expect(echoed.findings.map((finding) => finding.code)).toContain('ENV_VALUE_ECHOED');
      // No machine paths: the PATH and HOME the server saw are written as placeholders.
      expect(byName.path).toBe('PATH=$PATH HOME=$HOME');
      for (const file of files) {
        expect(file.text).not.toContain(process.env.PATH!);
        expect(file.text).not.toContain(`${process.env.HOME}/`);
      }

      const keyed = SnapshotSchema.parse(await readJson(join(out, 'servers', 'remote-key.json')));
      expect(keyed.source).toEqual({ kind: 'remote', url: `${echo.url}?api_key=[redacted]&page=1` });
      const failure = ScanFailureSchema.parse(await readJson(join(out, 'failures', 'remote-password.json')));
      expect(failure.source).toEqual({ kind: 'remote', url: echo.url.replace('http://', 'http://[redacted]@') });
    } finally {
      await echo.close();
    }
  }, 180_000);

  it('shows a server’s escape sequences as text in JSON output and on a terminal, never raw', async () => {
    const out = await tempDir();
    const json = await runCli(['--stdio', `${fixtureCommand('hostile-bounds')} terminal-escape`, '--id', 'escapes', '--out', out, '--json']);
    expect(json.code).toBe(1);
    expect(json.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.servers[0].lastStderrLine).toContain('\u009b31m');
    // A real pseudo-terminal: the scanner prints failures on stderr when it is a TTY.
    const command = `"${process.execPath}" "${join(repoRoot, 'src', 'cli', 'scan.ts')}" --stdio '${fixtureCommand('hostile-bounds')} terminal-escape' --id escapes --out "${out}"`;
    const tty = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: repoRoot, encoding: 'utf8', timeout: 90_000 });
    expect(tty.stdout).toContain('✗ escapes: PROCESS_EXITED');
    expect(tty.stdout).toContain('\\x1b]52;c;');
    expect(tty.stdout).toContain('\\x9b31m');
    expect(tty.stdout).not.toContain('\u001b]52');
    expect(tty.stdout).not.toContain('\u009b');
    expect(tty.stdout).not.toContain('\u202e');
  }, 180_000);
});

describe('redaction helpers', () => {
  it('finds URL credentials and credential arguments', () => {
    expect(redactUrlCredentials('see https://u:p@h.io/x?api_key=a1&q=2#access_token=t and http://ok.io/?page=1')).toBe('see https://[redacted]@h.io/x?api_key=[redacted]&q=2#access_token=[redacted] and http://ok.io/?page=1');
    expect(urlSecrets('https://u:p%40ss@h.io/?sig=abc%3D')).toEqual(['u', 'p%40ss', 'p@ss', 'abc%3D', 'abc=']);
    expect(argSecrets(['--api-key=abc', '--token', 'tok', '--verbose', 'GITHUB_TOKEN=ghp_x'])).toEqual(['abc', 'tok', 'ghp_x']);
  });

  it('leaves ordinary text alone and redacts a secret in every simple transformation', () => {
    const redactor = new Redactor(['s3cr3t-Value-123'], [['/home/alice', '$HOME']]);
    expect(redactor.clean('Reads /home/alice/notes and nothing else.')).toBe('Reads $HOME/notes and nothing else.');
    expect(redactor.hits).toBe(0);
    for (const copy of ['s3cr3t-value-123', 'S3CR3T-VALUE-123', '321-eulaV-t3rc3s', Buffer.from('s3cr3t-Value-123').toString('hex'), Buffer.from('id:s3cr3t-Value-123').toString('base64'), 's3c\u200br3t-\u2060Value-123']) {
      expect(redactor.clean(`x ${copy} y`), copy).toMatch(/^x .*\[redacted\].* y$/);
    }
  });

  it('makes controls, escapes and bidi overrides visible for terminals', () => {
    expect(terminalSafe('a\u001b[2Jb\u0007c\u009bd\u202ee\nf')).toBe('a\\x1b[2Jb\\x07c\\x9bd\\u{202e}e\\x0af');
    expect(terminalSafe('line\nnext', { newlines: true })).toBe('line\nnext');
    const value = { text: '\u009b\u202e\u{e0041}\u2028' };
    expect(JSON.parse(terminalJson(value))).toEqual(value);
    expect(terminalJson(value)).not.toMatch(/[\u0080-\u009f\u202e\u2028]/);
  });
});
