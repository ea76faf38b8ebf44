// Finds the MCP config files of every known client on this machine, reads each one, and records what it found and why
// it skipped.
import { existsSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { CLIENTS, ConfigFormatError, clientById } from './clients/index.ts';
import type { ConfigLocation, FoundServer, HostPaths, McpClient } from './clients/index.ts';
import { isObject, readEntryMap, readJsonText } from './clients/parse-helpers.ts';

/** What happened to one place the audit looked. */
export interface ConfigFileReport {
  /** Client id. */
  client: string;
  /** Absolute path of the file (or of the folder, for a missing block folder). */
  path: string;
  scope: ConfigLocation['scope'];
  /** parsed: read (maybe with zero servers); missing: no such file; invalid: not the client's format; unreadable: permissions or a folder. */
  status: 'parsed' | 'missing' | 'invalid' | 'unreadable';
  /** Servers found in it. */
  servers: number;
  /** Why it was skipped, or a note. */
  message?: string;
}

/** One server entry and the file it came from. */
export interface DiscoveredServer extends FoundServer {
  client: string;
  file: string;
  scope: ConfigLocation['scope'];
  /** The project folder of a project file given with --config (else the audit's --project applies). */
  projectDir?: string;
}

export interface Discovery {
  files: ConfigFileReport[];
  servers: DiscoveredServer[];
}

/** Config files larger than this are not read (a settings file is kilobytes). */
const MAX_CONFIG_BYTES = 32 * 1024 * 1024;

/** A plain `mcpServers` file that no client's name or folder identifies. */
const genericClient: McpClient = {
  id: 'mcp-json',
  label: 'mcpServers file',
  locations: () => [],
  parse: (text) => readEntryMap(readJsonText(text), 'mcpServers'),
};

/** Picks the client of a file given with --config, by its name, its folder, then its content. */
export function guessClient(path: string, text: string): McpClient {
  const name = basename(path);
  const ext = extname(path).toLowerCase();
  const byName: Record<string, string> = {
    'config.toml': 'codex',
    '.claude.json': 'claude-code',
    '.mcp.json': 'claude-code',
    'managed-mcp.json': 'claude-code',
    'claude_desktop_config.json': 'claude-desktop',
    'mcp_config.json': 'windsurf',
    'cline_mcp_settings.json': 'cline',
  };
  if (byName[name]) return clientById(byName[name]!)!;
  if (ext === '.toml') return clientById('codex')!;
  if (ext === '.yaml' || ext === '.yml') return clientById('continue')!;
  const normalised = path.replaceAll('\\', '/');
  if (normalised.includes('/.cursor/')) return clientById('cursor')!;
  if (normalised.includes('/.gemini/')) return clientById('gemini')!;
  if (normalised.includes('/.continue/')) return clientById('continue')!;
  let data: unknown;
  try {
    data = readJsonText(text);
  } catch {
    return genericClient;
  }
  if (isObject(data)) {
    if ('context_servers' in data) return clientById('zed')!;
    if ('servers' in data || (isObject(data.mcp) && 'servers' in data.mcp)) return clientById('vscode')!;
  }
  return genericClient;
}

async function readText(
  path: string,
): Promise<{ text: string } | { status: 'missing' | 'unreadable'; message?: string }> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { status: 'unreadable', message: 'a folder where a file was expected' };
    if (info.size > MAX_CONFIG_BYTES)
      return { status: 'unreadable', message: `larger than ${MAX_CONFIG_BYTES / 1024 / 1024} MiB; not read` };
    return { text: await readFile(path, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { status: 'missing' };
    return {
      status: 'unreadable',
      message: `cannot read it (${code ?? (error as Error).message}); check its permissions`,
    };
  }
}

async function readOne(
  client: McpClient,
  path: string,
  scope: ConfigLocation['scope'],
  out: Discovery,
  projectDir?: string,
  related?: ConfigLocation[],
): Promise<void> {
  const read = await readText(path);
  if (!('text' in read)) {
    out.files.push({
      client: client.id,
      path,
      scope,
      status: read.status,
      servers: 0,
      ...(read.message ? { message: read.message } : {}),
    });
    return;
  }
  if (related && client.relatedLocations) related.push(...client.relatedLocations(read.text, path));
  let found: FoundServer[];
  try {
    found = client.parse(read.text, path);
  } catch (error) {
    const why = error instanceof ConfigFormatError ? error.message : `unexpected error: ${(error as Error).message}`;
    out.files.push({
      client: client.id,
      path,
      scope,
      status: 'invalid',
      servers: 0,
      message: `${why}; fix the file (the other files are still audited)`,
    });
    return;
  }
  out.files.push({
    client: client.id,
    path,
    scope,
    status: 'parsed',
    servers: found.length,
    ...(found.length === 0 ? { message: `no MCP servers in it` } : {}),
  });
  for (const server of found)
    out.servers.push({ ...server, client: client.id, file: path, scope, ...(projectDir ? { projectDir } : {}) });
}

async function readFolder(client: McpClient, location: ConfigLocation, out: Discovery): Promise<void> {
  let names: string[];
  try {
    names = (await readdir(location.path)).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const status = code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable';
    out.files.push({
      client: client.id,
      path: location.path,
      scope: location.scope,
      status,
      servers: 0,
      ...(status === 'unreadable' ? { message: `cannot list it (${code})` } : {}),
    });
    return;
  }
  const files = names.filter((name) => location.folderOf!.includes(extname(name).toLowerCase()));
  if (files.length === 0) {
    out.files.push({
      client: client.id,
      path: location.path,
      scope: location.scope,
      status: 'parsed',
      servers: 0,
      message: `folder holds no ${location.folderOf!.join('/')} files`,
    });
    return;
  }
  for (const name of files) await readOne(client, join(location.path, name), location.scope, out);
}

/**
 * The project a file given with --config belongs to: the folder of a .mcp.json, or the folder holding a project
 * dot-folder (.cursor/, .vscode/, .zed/, .gemini/, .codex/); undefined for the home folder's own files (user scope).
 */
export function projectOfFile(path: string, home: string): string | undefined {
  const folder = dirname(path);
  const project =
    basename(path) === '.mcp.json' ? folder : PROJECT_DOT_FOLDERS.has(basename(folder)) ? dirname(folder) : undefined;
  return project === undefined || project === home ? undefined : project;
}

const PROJECT_DOT_FOLDERS = new Set(['.cursor', '.vscode', '.zed', '.gemini', '.codex']);

export interface DiscoverOptions {
  /** Only these clients (ids). */
  clients?: string[];
  /** Only these files (--config), each read as the given client or as guessed from its name and content. */
  files?: string[];
}

/** Every config location of the chosen clients (deduplicated: the project folder may be the home folder). */
export function plannedLocations(
  host: HostPaths,
  clients: readonly McpClient[],
): Array<{ client: McpClient; location: ConfigLocation }> {
  const seen = new Set<string>();
  const out: Array<{ client: McpClient; location: ConfigLocation }> = [];
  for (const client of clients) {
    for (const location of client.locations(host)) {
      if (seen.has(location.path)) continue;
      seen.add(location.path);
      out.push({ client, location });
    }
  }
  return out;
}

/** Reads every config location (or only the given files) and returns what each held. */
export async function discover(host: HostPaths, options: DiscoverOptions = {}): Promise<Discovery> {
  const out: Discovery = { files: [], servers: [] };
  const chosen = options.clients?.length ? options.clients.map((id) => clientById(id)!) : [...CLIENTS];
  if (options.files?.length) {
    for (const path of options.files) {
      const read = await readText(path);
      const client = options.clients?.length === 1 ? chosen[0]! : guessClient(path, 'text' in read ? read.text : '');
      const project = projectOfFile(path, host.home);
      await readOne(client, path, project ? 'project' : 'user', out, project);
    }
    return out;
  }
  const planned = plannedLocations(host, chosen);
  const related: Array<ConfigLocation & { projectDir?: string }> = [];
  for (const { client, location } of planned) {
    if (location.folderOf) await readFolder(client, location, out);
    else await readOne(client, location.path, location.scope, out, undefined, related);
  }
  // Files the read files point at (other projects' .mcp.json); a missing one is not worth a line, only a count.
  const seen = new Set(planned.map(({ location }) => location.path));
  for (const location of related) {
    if (seen.has(location.path)) continue;
    seen.add(location.path);
    const client = chosen.find((candidate) => candidate.id === location.client);
    if (!client || !existsSync(location.path)) continue;
    await readOne(client, location.path, location.scope, out, location.projectDir);
  }
  return out;
}

/** The host's folders from an environment (process.env in the CLI, a fake home in tests). */
export function hostFromEnv(
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform,
  project: string,
): HostPaths {
  const os = platform === 'win32' ? 'win32' : platform === 'darwin' ? 'darwin' : 'linux';
  const home = (os === 'win32' ? (env.USERPROFILE ?? env.HOME) : (env.HOME ?? env.USERPROFILE)) ?? '';
  return {
    platform: os,
    home,
    project,
    ...(env.APPDATA ? { appData: env.APPDATA } : {}),
    ...(env.XDG_CONFIG_HOME ? { xdgConfigHome: env.XDG_CONFIG_HOME } : {}),
    ...(env.CODEX_HOME ? { codexHome: env.CODEX_HOME } : {}),
    ...(env.CLAUDE_CONFIG_DIR ? { claudeConfigDir: env.CLAUDE_CONFIG_DIR } : {}),
    ...((env.ProgramData ?? env.PROGRAMDATA) ? { programData: env.ProgramData ?? env.PROGRAMDATA } : {}),
  };
}
