// What a client definition is: where its config files live (computed from the host's folders, no disk access) and how
// to read one.
import { posix, win32 } from 'node:path';
import type { ConfigServer } from '../../core/schemas/config-files.ts';

export type Platform = 'linux' | 'darwin' | 'win32';

/** The folders client paths are computed from; the audit fills them from the environment, tests from a fake home. */
export interface HostPaths {
  platform: Platform;
  /** The user's home folder (HOME, or USERPROFILE on Windows). */
  home: string;
  /** The project folder whose project-scoped files (.mcp.json, .cursor/, .vscode/, ...) are read. */
  project: string;
  /** %APPDATA% on Windows (default HOME\AppData\Roaming). */
  appData?: string;
  /** $XDG_CONFIG_HOME (default HOME/.config). */
  xdgConfigHome?: string;
  /** $CODEX_HOME (default HOME/.codex). */
  codexHome?: string;
  /** $CLAUDE_CONFIG_DIR, when Claude Code keeps its files elsewhere. */
  claudeConfigDir?: string;
  /** %ProgramData% on Windows (default C:\ProgramData). */
  programData?: string;
}

/** Where one client keeps (or may keep) a config file, or a folder of config files. */
export interface ConfigLocation {
  /** Client id (the file name of its definition). */
  client: string;
  /** Absolute path. */
  path: string;
  /** user: the person's own settings; project: the project folder's; managed: set by an administrator. */
  scope: 'user' | 'project' | 'managed';
  /** Set when `path` is a folder whose files (with these extensions) are each a config file. */
  folderOf?: string[];
}

/** One server entry found in a config file, normalised to the scanner's entry shape. */
export interface FoundServer {
  /** The name the client knows it by (the config key or `name` field). */
  name: string;
  /** Where in the file it sits when that matters, e.g. `project /home/me/app` in ~/.claude.json. */
  section?: string;
  /** The launch entry; absent when the entry cannot be started (see `problem`). */
  entry?: ConfigServer & { headers?: Record<string, string> };
  /** The client will not start it (disabled / enabled = false). */
  disabled?: boolean;
  /** Why the entry is unusable, in words, with what to change. */
  problem?: string;
}

/** An MCP client: its config locations per OS and the parser of its config format. */
export interface McpClient {
  /** Permanent id, used by --client. */
  id: string;
  /** Display name. */
  label: string;
  /** Every place the client reads MCP servers from on this host. */
  locations(host: HostPaths): ConfigLocation[];
  /** Reads one config file's text; throws ConfigFormatError with a readable message when the file is unusable. */
  parse(text: string, path: string): FoundServer[];
  /** Further config files a file points at (Claude Code: every project in ~/.claude.json has its own .mcp.json). */
  relatedLocations?(text: string, path: string): Array<ConfigLocation & { projectDir: string }>;
}

/** A config file that cannot be read as its client's format; the message says what is wrong and what to do. */
export class ConfigFormatError extends Error {}

/** path.join for the host's platform (Windows paths on win32, POSIX elsewhere), whatever OS runs the code. */
export function joiner(host: HostPaths): (...parts: string[]) => string {
  return host.platform === 'win32' ? win32.join : posix.join;
}

/** %APPDATA% (Roaming). */
export function appData(host: HostPaths): string {
  return host.appData ?? win32.join(host.home, 'AppData', 'Roaming');
}

/** $XDG_CONFIG_HOME or ~/.config. */
export function xdgConfig(host: HostPaths): string {
  return host.xdgConfigHome ?? posix.join(host.home, '.config');
}

/** The user-settings folder of a VS Code-family editor ("Code", "Code - Insiders", "Cursor", "VSCodium"). */
export function editorUserDir(host: HostPaths, product: string): string {
  const join = joiner(host);
  if (host.platform === 'win32') return join(appData(host), product, 'User');
  if (host.platform === 'darwin') return join(host.home, 'Library', 'Application Support', product, 'User');
  return join(xdgConfig(host), product, 'User');
}
