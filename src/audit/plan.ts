// Turns discovered config entries into the audit's server list: one server per distinct launch, ids unique, skips
// explained.
import { isAbsolute, resolve } from 'node:path';
import { canonicalJson } from '../core/hash.ts';
import { slugify } from '../core/names.ts';
import { packageCommand } from '../core/package-command.ts';
import { argSecrets, redact, redactUrlCredentials } from '../core/redact.ts';
import type { AuditServer } from '../core/schemas/audit.ts';
import type { DiscoveredServer } from './discover.ts';

export interface PlannedServer {
  id: string;
  name: string;
  uses: AuditServer['uses'];
  /** The entry to launch (the first use's). */
  entry?: DiscoveredServer['entry'];
  /** The first config file naming it (for error messages and SARIF locations). */
  file: string;
  launch: AuditServer['launch'];
  /** Set when the server is not scanned, with the reason in words. */
  skip?: {
    code: 'DISABLED_IN_CONFIG' | 'CONFIG_ENTRY_INVALID' | 'REMOTE_NOT_CONTACTED' | 'PACKAGE_NOT_FETCHED';
    reason: string;
  };
}

/** How the report shows a launch: credentials in arguments (--token V, KEY=V) and in URLs redacted, env as names only. */
function launchOf(entry: DiscoveredServer['entry']): AuditServer['launch'] {
  if (!entry) return { kind: 'none' };
  if (entry.url !== undefined && entry.type !== 'stdio')
    return { kind: 'remote', url: redactUrlCredentials(entry.url), ...(entry.type ? { transport: entry.type } : {}) };
  const secrets = argSecrets(entry.args ?? []);
  return {
    kind: 'stdio',
    command: entry.command ?? '',
    args: (entry.args ?? []).map((arg) => (secrets.length ? redact(arg, secrets) : redactUrlCredentials(arg))),
    envNames: Object.keys(entry.env ?? {}).sort(),
    ...(entry.cwd ? { cwd: entry.cwd } : {}),
  };
}

/**
 * The folder a stdio server starts in, as its client would start it: a project entry in its project (for
 * ~/.claude.json, the section's project), a relative `cwd` taken from there (user entries: the home folder). A user
 * entry that names no folder gets none, so the sandbox shows it nothing of the home (the scanner's private folder).
 */
function withCwd(server: DiscoveredServer, folders: { home: string; project: string }): DiscoveredServer['entry'] {
  const entry = server.entry;
  // A cwd with ${…} variables is expanded when the server is started (expand.ts), not resolved here.
  if (
    !entry ||
    entry.command === undefined ||
    (entry.cwd !== undefined && (isAbsolute(entry.cwd) || entry.cwd.startsWith('${')))
  )
    return entry;
  const section = server.section?.startsWith('project ') ? server.section.slice('project '.length) : undefined;
  const project = section ?? (server.scope === 'project' ? (server.projectDir ?? folders.project) : undefined);
  if (project !== undefined || entry.cwd !== undefined)
    return { ...entry, cwd: resolve(project ?? folders.home, entry.cwd ?? '.') };
  // A relative command of a user entry: resolved against the home folder, without showing the server the whole home.
  if (/^\.\.?[\\/]/.test(entry.command)) return { ...entry, command: resolve(folders.home, entry.command) };
  return entry;
}

/** Groups entries that launch the same thing under the same name, gives each group a unique id, and decides what to skip. */
export function planServers(
  found: DiscoveredServer[],
  options: { remote: boolean; home: string; project: string; offline?: boolean },
): PlannedServer[] {
  const planned: PlannedServer[] = [];
  const byKey = new Map<string, PlannedServer>();
  const ids = new Set<string>();
  for (const original of found) {
    // Identity is the entry as written: the same server in a user and a project file is one server (the first use
    // starts it).
    const identity = canonicalJson({
      name: original.name,
      entry: original.entry ?? null,
      disabled: original.disabled === true,
      problem: original.problem ?? null,
    });
    const server = { ...original, entry: withCwd(original, options) };
    const use = {
      client: server.client,
      file: server.file,
      name: server.name,
      scope: server.scope,
      ...(server.section ? { section: server.section } : {}),
    };
    const existing = byKey.get(identity);
    if (existing) {
      existing.uses.push(use);
      continue;
    }
    let id = slugify(server.name);
    if (ids.has(id)) id = slugify(`${server.name}-${server.client}`);
    for (let n = 2; ids.has(id); n++) id = slugify(`${server.name}-${server.client}-${n}`);
    ids.add(id);
    const plan: PlannedServer = {
      id,
      name: server.name,
      uses: [use],
      file: server.file,
      launch: launchOf(server.entry),
      ...(server.entry ? { entry: server.entry } : {}),
    };
    if (server.problem)
      plan.skip = { code: 'CONFIG_ENTRY_INVALID', reason: `the entry cannot be used: ${server.problem}` };
    else if (server.disabled)
      plan.skip = { code: 'DISABLED_IN_CONFIG', reason: 'disabled in the config, so the client does not start it' };
    else if (
      options.offline &&
      server.entry?.command !== undefined &&
      packageCommand(server.entry.command, server.entry.args ?? [])
    ) {
      plan.skip = {
        code: 'PACKAGE_NOT_FETCHED',
        reason:
          'it runs a package through npx/uvx/pipx, which the scanner installs from its registry; --offline forbids that',
      };
    } else if (plan.launch.kind === 'remote' && !options.remote) {
      plan.skip = {
        code: 'REMOTE_NOT_CONTACTED',
        reason: `remote server ${plan.launch.url} not contacted: nothing leaves this machine unless you pass --remote`,
      };
    }
    byKey.set(identity, plan);
    planned.push(plan);
  }
  return planned;
}
