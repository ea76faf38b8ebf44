// What a server page says about getting the server: package, registry and version, the command that installs and runs
// it, a client config entry, its https links, and how its starter policy treats its tools.
import { describePolicy } from '../core/policy/describe.ts';
import type { Policy } from '../core/schemas/policy.ts';
import type { ServerSource } from '../core/schemas/snapshot.ts';

export interface PackageFacts {
  /** "npm" or "PyPI". */
  registry: string;
  package: string;
  version: string;
}

export interface RunFacts {
  /** One shell line that installs (if needed) and starts the server, env placeholders first. */
  command?: string;
  /** The entry for an MCP client's "mcpServers" object, as pretty JSON. */
  config: string;
  /** What the placeholders in the command mean, when there are any. */
  notes: string[];
}

// Scan-time placeholders in recorded arguments, and what a reader should put there.
const PLACEHOLDERS: Array<[RegExp, string]> = [
  [/\$SANDBOX/g, '/path/to/workdir'],
  [/\$HOME/g, '~'],
];

function unplaceholder(arg: string): string {
  return PLACEHOLDERS.reduce((a, [re, to]) => a.replace(re, to), arg);
}

/** Quotes a word for a POSIX shell only when it needs it. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./~-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

function envPrefix(names: readonly string[]): string {
  return names.map((n) => `${n}=<your ${n.toLowerCase().replace(/_/g, ' ')}> `).join('');
}

/** Package, registry and version for npm and PyPI servers. */
export function packageFacts(source: ServerSource): PackageFacts | undefined {
  if (source.kind === 'npm') return { registry: 'npm', package: source.package, version: source.version };
  if (source.kind === 'pypi') return { registry: 'PyPI', package: source.package, version: source.version };
  return undefined;
}

/** How to run the server yourself: a shell line and a client config entry, from the source the scanner used. */
export function runFacts(id: string, source: ServerSource): RunFacts {
  const notes: string[] = [];
  const entry = (command: string, args: string[], envNames: readonly string[]) => {
    const env = Object.fromEntries(envNames.map((n) => [n, `<your ${n.toLowerCase().replace(/_/g, ' ')}>`]));
    return JSON.stringify({ [id]: { command, args, ...(envNames.length > 0 ? { env } : {}) } }, null, 2);
  };
  const argsOf = (s: { args: string[] }) => {
    const args = s.args.map(unplaceholder);
    if (s.args.some((a) => a.includes('$SANDBOX')))
      notes.push('/path/to/workdir: a folder the server may use (the scan gave it an empty one).');
    return args;
  };
  const envNote = (names: readonly string[]) => {
    if (names.length > 0)
      notes.push(`The scan started it with placeholder values for ${names.join(', ')}; put your own values there.`);
  };
  switch (source.kind) {
    case 'npm': {
      const args = argsOf(source);
      envNote(source.envNames);
      const npxArgs = ['-y', `--package=${source.package}@${source.version}`, source.bin, ...args];
      return {
        command: `${envPrefix(source.envNames)}npx ${npxArgs.map(shellWord).join(' ')}`,
        config: entry('npx', npxArgs, source.envNames),
        notes,
      };
    }
    case 'pypi': {
      const args = argsOf(source);
      envNote(source.envNames);
      const pinned = `${source.package}==${source.version}`;
      // A dependency bound the scan needed ("mcp<2") is one the user needs too.
      const bounds = (source.constraints ?? []).flatMap((bound) => ['--with', bound]);
      const uvxArgs =
        source.script !== undefined
          ? ['--from', pinned, ...bounds, source.script, ...args]
          : ['--from', pinned, ...bounds, 'python', '-m', source.module ?? source.package, ...args];
      return {
        command: `${envPrefix(source.envNames)}uvx ${uvxArgs.map(shellWord).join(' ')}`,
        config: entry('uvx', uvxArgs, source.envNames),
        notes,
      };
    }
    case 'remote':
      return {
        config: JSON.stringify({ [id]: { url: source.url } }, null, 2),
        notes: ['A remote server: clients connect to its URL; nothing to install.'],
      };
    case 'command': {
      envNote(source.envNames);
      const args = source.args.map(unplaceholder);
      return {
        command: `${envPrefix(source.envNames)}${[source.command, ...args].map(shellWord).join(' ')}`,
        config: entry(source.command, args, source.envNames),
        notes,
      };
    }
  }
}

/** The URL when it is an absolute https URL (the only links a page makes from catalogue data), else undefined. */
export function httpsUrl(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && url.username === '' && url.password === '' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export type PolicyCounts = Record<'allowed' | 'limited' | 'denied' | 'hidden', number>;

/** How many of the server's tools its starter policy allows, limits, denies and hides (read from the policy itself). */
export function policyCounts(policy: Policy, toolNames: readonly string[]): PolicyCounts {
  const counts: PolicyCounts = { allowed: 0, limited: 0, denied: 0, hidden: 0 };
  for (const name of toolNames) counts[describePolicy(policy, name).state] += 1;
  return counts;
}
