// Config discovery: one fixture home per client format, read for real from disk; per-OS paths computed from the host's
// folders.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENTS, clientById } from '../../src/audit/clients/index.ts';
import type { HostPaths } from '../../src/audit/clients/index.ts';
import { discover, guessClient, hostFromEnv, plannedLocations, projectOfFile } from '../../src/audit/discover.ts';
import { parseJsonc } from '../../src/core/jsonc.ts';

const homes = resolve(import.meta.dirname, '..', 'fixtures', 'homes');
const hostFor = (name: string): HostPaths => ({
  platform: 'linux',
  home: join(homes, name),
  project: join(homes, name, 'project'),
});

async function found(name: string, client: string) {
  const result = await discover(hostFor(name), { clients: [client] });
  const byName = Object.fromEntries(
    result.servers.map((server) => [server.section ? `${server.section}/${server.name}` : server.name, server]),
  );
  return { result, byName, parsed: result.files.filter((file) => file.status === 'parsed') };
}

describe('config discovery per client', () => {
  it('Claude Desktop: mcpServers with env', async () => {
    const { byName, parsed } = await found('claude-desktop', 'claude-desktop');
    expect(parsed.map((file) => file.path)).toEqual([
      join(homes, 'claude-desktop', '.config', 'Claude', 'claude_desktop_config.json'),
    ]);
    expect(Object.keys(byName)).toEqual(['filesystem', 'notes']);
    expect(byName.notes!.entry).toEqual({
      command: 'node',
      args: ['/opt/notes/server.js'],
      env: { NOTES_TOKEN: 'secret-token-value' },
    });
  });

  it('Claude Code: ~/.claude.json user and per-project sections, project .mcp.json; a url without type is a clear problem', async () => {
    const { byName, parsed } = await found('claude-code', 'claude-code');
    expect(parsed.map((file) => [file.path.slice(homes.length), file.servers])).toEqual([
      ['/claude-code/.claude.json', 4],
      ['/claude-code/project/.mcp.json', 2],
    ]);
    expect(byName['user/memory']!.entry).toEqual({
      type: 'stdio',
      command: 'npx',
      args: ['-y', '@modelcontextprotocol/server-memory'],
    });
    expect(byName['user/linear']!.entry).toEqual({
      type: 'http',
      url: 'https://mcp.linear.app/mcp',
      headers: { Authorization: 'Bearer abc123' },
    });
    expect(byName['user/broken-remote']!.problem).toMatch(/no "type".*add "type": "http"/);
    expect(byName['project /home/me/app/postgres']!.entry?.command).toBe('uvx');
    expect(byName.sentry!.entry).toEqual({ type: 'sse', url: 'https://mcp.sentry.dev/sse' });
    expect(byName['local-tools']!.entry).toEqual({ command: './bin/tools', args: ['--stdio'] });
  });

  it('Cursor: user and project mcp.json', async () => {
    const { result } = await found('cursor', 'cursor');
    expect(result.servers.map((server) => [server.name, server.scope])).toEqual([
      ['github', 'user'],
      ['browser', 'project'],
    ]);
    expect(result.servers[1]!.entry).toEqual({ url: 'http://localhost:3000/mcp' });
  });

  it('VS Code: user mcp.json with comments and trailing commas, workspace .vscode/mcp.json', async () => {
    const { result } = await found('vscode', 'vscode');
    expect(result.servers.map((server) => [server.name, server.scope, server.entry?.type ?? null])).toEqual([
      ['fetch', 'user', 'stdio'],
      ['remote', 'user', 'http'],
      ['playwright', 'project', null],
    ]);
  });

  it('Windsurf: serverUrl is a remote, disabled entries are marked', async () => {
    const { byName } = await found('windsurf', 'windsurf');
    expect(byName.context7!.entry).toEqual({ url: 'https://mcp.context7.com/mcp' });
    expect(byName.time!.disabled).toBe(true);
    expect(byName.git!.disabled).toBeUndefined();
  });

  it('Zed: context_servers in both command shapes, remote, and extension-provided entries', async () => {
    const { byName, result } = await found('zed', 'zed');
    expect(byName.sqlite!.entry).toEqual({ command: 'uvx', args: ['mcp-server-sqlite', '--db-path', '/tmp/x.db'] });
    expect(byName.legacy!.entry).toEqual({
      command: '/usr/local/bin/legacy-mcp',
      args: ['serve'],
      env: { MODE: 'ro' },
    });
    expect(byName.remote!.entry).toEqual({
      url: 'https://mcp.example.com/sse',
      headers: { Authorization: 'Bearer zzz' },
    });
    expect(byName['mcp-server-github']!.problem).toMatch(/Zed extension/);
    expect(result.files.find((file) => file.path.endsWith('.zed/settings.json'))).toMatchObject({
      status: 'parsed',
      servers: 0,
      message: 'no MCP servers in it',
    });
  });

  it('Codex: config.toml [mcp_servers.*] read with a TOML parser; enabled = false is disabled', async () => {
    const { byName } = await found('codex', 'codex');
    expect(byName.docs!.entry).toEqual({
      command: 'npx',
      args: ['-y', 'mcp-docs@1.2.3'],
      env: { DOCS_KEY: 'k-123456' },
    });
    expect(byName.figma!.entry).toEqual({ type: 'http', url: 'https://mcp.figma.com/mcp' });
    expect(byName.off!.disabled).toBe(true);
  });

  it('Gemini CLI: command with cwd, url (SSE) and httpUrl (streamable HTTP), user and project', async () => {
    const { byName } = await found('gemini', 'gemini');
    expect(byName.py!.entry).toEqual({ command: 'python', args: ['-m', 'my_server'], cwd: './srv' });
    expect(byName.events!.entry).toEqual({ type: 'sse', url: 'http://localhost:8080/sse' });
    expect(byName.stream!.entry).toEqual({ type: 'http', url: 'http://localhost:8081/mcp', headers: { 'X-Key': 'k' } });
    expect(byName.proj!.scope).toBe('project');
  });

  it('Cline: VS Code globalStorage and CLI settings; streamableHttp and disabled', async () => {
    const { byName, parsed } = await found('cline', 'cline');
    expect(parsed).toHaveLength(2);
    expect(byName.weather!.entry?.command).toBe('node');
    expect(byName.paused!.disabled).toBe(true);
    expect(byName.hosted!.entry).toEqual({ type: 'http', url: 'https://h.example.com/mcp' });
  });

  it('Continue: config.yaml list and a block folder with YAML and Claude-format JSON (other files ignored)', async () => {
    const { result } = await found('continue', 'continue');
    expect(result.servers.map((server) => [server.name, server.file.slice(homes.length)])).toEqual([
      ['SQLite', '/continue/.continue/config.yaml'],
      ['Remote search', '/continue/.continue/config.yaml'],
      ['everything', '/continue/project/.continue/mcpServers/from-claude.json'],
      ['Browser search', '/continue/project/.continue/mcpServers/playwright.yaml'],
    ]);
    expect(result.servers[1]!.entry).toEqual({ type: 'http', url: 'https://search.example.com/mcp' });
  });

  it('a malformed file is reported with a clear message and the other files are still read', async () => {
    const { files, servers } = await discover(hostFor('malformed'));
    const bad = files.find((file) => file.status === 'invalid')!;
    expect(bad.path).toBe(join(homes, 'malformed', '.cursor', 'mcp.json'));
    expect(bad.message).toMatch(/^not valid JSON: .*fix the file \(the other files are still audited\)$/);
    expect(servers.map((server) => server.name)).toEqual(['good']);
    expect(files.filter((file) => file.status === 'missing').length).toBeGreaterThan(20);
  });

  it('every client is covered by a fixture home', () => {
    expect(CLIENTS.map((client) => client.id).sort()).toEqual([
      'claude-code',
      'claude-desktop',
      'cline',
      'codex',
      'continue',
      'cursor',
      'gemini',
      'vscode',
      'windsurf',
      'zed',
    ]);
  });
});

describe('per-OS paths', () => {
  const paths = (host: HostPaths, id: string) =>
    clientById(id)!
      .locations(host)
      .map((location) => location.path);
  const mac: HostPaths = { platform: 'darwin', home: '/Users/me', project: '/Users/me/app' };
  const win: HostPaths = {
    platform: 'win32',
    home: 'C:\\Users\\me',
    project: 'C:\\src\\app',
    appData: 'C:\\Users\\me\\AppData\\Roaming',
  };

  it('macOS', () => {
    expect(paths(mac, 'claude-desktop')).toEqual([
      '/Users/me/Library/Application Support/Claude/claude_desktop_config.json',
    ]);
    expect(paths(mac, 'vscode')[0]).toBe('/Users/me/Library/Application Support/Code/User/mcp.json');
    expect(paths(mac, 'zed')).toContain('/Users/me/.config/zed/settings.json');
    expect(paths(mac, 'claude-code')).toContain('/Library/Application Support/ClaudeCode/managed-mcp.json');
  });

  it('Windows', () => {
    expect(paths(win, 'claude-desktop')).toEqual([
      'C:\\Users\\me\\AppData\\Roaming\\Claude\\claude_desktop_config.json',
    ]);
    expect(paths(win, 'cursor')).toEqual(['C:\\Users\\me\\.cursor\\mcp.json', 'C:\\src\\app\\.cursor\\mcp.json']);
    expect(paths(win, 'zed')[0]).toBe('C:\\Users\\me\\AppData\\Roaming\\Zed\\settings.json');
    expect(paths(win, 'cline')[0]).toBe(
      'C:\\Users\\me\\AppData\\Roaming\\Code\\User\\globalStorage\\saoudrizwan.claude-dev\\settings\\cline_mcp_settings.json',
    );
    expect(paths(win, 'codex')[0]).toBe('C:\\Users\\me\\.codex\\config.toml');
  });

  it('Linux honours XDG_CONFIG_HOME, CODEX_HOME and CLAUDE_CONFIG_DIR from the environment', () => {
    const host = hostFromEnv(
      { HOME: '/home/me', XDG_CONFIG_HOME: '/cfg', CODEX_HOME: '/codex', CLAUDE_CONFIG_DIR: '/claude' },
      'linux',
      '/work/app',
    );
    expect(paths(host, 'claude-desktop')).toEqual(['/cfg/Claude/claude_desktop_config.json']);
    expect(paths(host, 'codex')[0]).toBe('/codex/config.toml');
    expect(paths(host, 'claude-code')[0]).toBe('/claude/.claude.json');
    expect(paths(host, 'vscode')[0]).toBe('/cfg/Code/User/mcp.json');
  });

  it('a project folder equal to the home folder is not read twice', () => {
    const host: HostPaths = { platform: 'linux', home: '/home/me', project: '/home/me' };
    const all = plannedLocations(host, CLIENTS).map(({ location }) => location.path);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('--config guesses the client', () => {
  it.each([
    ['/x/config.toml', '', 'codex'],
    ['/x/.mcp.json', '{}', 'claude-code'],
    ['/x/a.yaml', '', 'continue'],
    ['/x/settings.json', '{"context_servers":{}}', 'zed'],
    ['/x/mcp.json', '{"servers":{}}', 'vscode'],
    ['/x/.gemini/settings.json', '{"mcpServers":{}}', 'gemini'],
    ['/x/other.json', '{"mcpServers":{}}', 'mcp-json'],
  ])('%s → %s', (path, text, id) => {
    expect(guessClient(path, text).id).toBe(id);
  });
});

describe('JSONC', () => {
  it('keeps comment-like text inside strings and drops trailing commas', () => {
    expect(parseJsonc('{"a": "http://x/*y*/", // c\n "b": [1, 2,], /* d */ "c": "\\"//",}')).toEqual({
      a: 'http://x/*y*/',
      b: [1, 2],
      c: '"//',
    });
  });
  it('reports where a syntax error is', () => {
    expect(() => parseJsonc('{\n// one\n"a": 1 "b": 2}')).toThrow(/line 3 column 8/);
    expect(() => parseJsonc('{\n// one\n"a": }')).toThrow(/Unexpected token/);
  });
});

describe('--config files and their project', () => {
  it("a project file belongs to its project folder; the home folder's own files are user scope", () => {
    expect(projectOfFile('/src/app/.mcp.json', '/home/me')).toBe('/src/app');
    expect(projectOfFile('/src/app/.cursor/mcp.json', '/home/me')).toBe('/src/app');
    expect(projectOfFile('/home/me/.cursor/mcp.json', '/home/me')).toBeUndefined();
    expect(projectOfFile('/home/me/.codex/config.toml', '/home/me')).toBeUndefined();
    expect(projectOfFile('/etc/claude_desktop_config.json', '/home/me')).toBeUndefined();
  });
  it('servers of a project file given with --config start in that project', async () => {
    const home = join(homes, 'claude-code');
    const result = await discover(
      { platform: 'linux', home, project: '/elsewhere' },
      { files: [join(home, 'project', '.mcp.json')] },
    );
    expect(result.servers.map((server) => [server.name, server.scope, server.projectDir])).toEqual([
      ['sentry', 'project', join(home, 'project')],
      ['local-tools', 'project', join(home, 'project')],
    ]);
  });
});

describe('Claude Code projects', () => {
  it('reads the .mcp.json of every project ~/.claude.json knows, each starting in its own project', async () => {
    const { mkdtemp, mkdir, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const home = await mkdtemp(join(tmpdir(), 'toolgate-projects-'));
    try {
      const app = join(home, 'src', 'app');
      await mkdir(app, { recursive: true });
      await writeFile(join(app, '.mcp.json'), JSON.stringify({ mcpServers: { 'app-tools': { command: './serve' } } }));
      await writeFile(
        join(home, '.claude.json'),
        JSON.stringify({ projects: { [app]: { mcpServers: {} }, [join(home, 'gone')]: {}, 'relative/path': {} } }),
      );
      const result = await discover(
        { platform: 'linux', home, project: join(home, 'elsewhere') },
        { clients: ['claude-code'] },
      );
      expect(result.servers.map((server) => [server.name, server.scope, server.projectDir])).toEqual([
        ['app-tools', 'project', app],
      ]);
      expect(result.files.filter((file) => file.status === 'parsed').map((file) => file.path)).toEqual([
        join(home, '.claude.json'),
        join(app, '.mcp.json'),
      ]);
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});
