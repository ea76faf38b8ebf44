// biome-ignore-all format: its word lists and tables read best packed, several items a line
// Reads what a server said when it would not start (stderr, stdout noise, README) and learns what to try next:
// environment names, required flags, a subcommand, a placeholder config file. Values are always obviously fake.

/** What one failed start taught us. */
export interface Lesson {
  /** Environment variable names the server asked for. */
  envNames: string[];
  /** Arguments to add (a subcommand or flags with placeholder values). */
  args: string[];
  /** Placeholder files to create, relative to the working folder ($SANDBOX) or under $HOME. */
  files: Record<string, string>;
  /** An argument already passed to swap for a choice the server offers (a subcommand it listed). */
  replace?: [from: string, to: string];
}

// Words that say a name is configuration, not a random capitalised word.
const CONFIG_WORD = /(?:^|_)(?:API|KEY|KEYS|TOKEN|SECRET|PASSWORD|PASS|PWD|USER|USERNAME|EMAIL|URL|URI|HOST|HOSTNAME|PORT|ENDPOINT|DOMAIN|ACCOUNT|PROJECT|ORG|ORGANIZATION|WORKSPACE|TENANT|REGION|ID|CLIENT|APP|DSN|DATABASE|DB|AUTH|BASE|INSTANCE|SITE|SERVER|PATH|DIR|DIRECTORY|ROOT|FILE|CONFIG|BUCKET|ZONE|TEAM|SPACE|ENV|ENVIRONMENT|MODE|CREDENTIALS|LICENSE|SID|SUBDOMAIN|PROFILE)(?:_|$)/;
// Names that are never worth setting: the runtime's own, and words that only look like names.
const IGNORED_ENV = new Set([
  'PATH', 'HOME', 'NODE_ENV', 'NODE_OPTIONS', 'PYTHONPATH', 'PWD', 'USER', 'SHELL', 'TERM', 'LANG', 'TMPDIR', 'DEBUG', 'LOG_LEVEL',
  'ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND', 'ERR_REQUIRE_ESM', 'ENOENT', 'EACCES', 'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN',
  'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'UV_THREADPOOL_SIZE', 'PYTHONUNBUFFERED', 'VIRTUAL_ENV', 'XDG_CONFIG_HOME', 'API_KEY_HERE',
  'YOUR_API_KEY', 'CLAUDE_DESKTOP', 'MCP_SERVER', 'JSON_RPC', 'STDIO', 'SSE', 'HTTP', 'HTTPS', 'UTF_8', 'CLI', 'MCP',
]);

const ENV_TOKEN = /\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b/g;

/** Upper-snake names in a text that look like configuration variables. */
export function envNamesIn(text: string, limit = 8): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(ENV_TOKEN)) {
    const name = match[1]!;
    if (name.length > 60 || IGNORED_ENV.has(name) || /^E[A-Z]+$/.test(name) || /^(?:ERR|HTTP|SIG)_/.test(name)) continue;
    if (!CONFIG_WORD.test(name)) continue;
    names.add(name);
    if (names.size >= limit) break;
  }
  return [...names];
}

/** Names a README shows being set: `"NAME": "…"` inside env blocks, `NAME=…`, `export NAME=…`, `-e NAME`. */
export function envNamesInReadme(readme: string, limit = 10): string[] {
  const names = new Set<string>();
  const patterns = [/"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)"\s*:\s*"/g, /(?:^|\s|`)(?:export\s+)?([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)=/gm, /-e\s+([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)/g];
  for (const pattern of patterns) {
    for (const match of readme.slice(0, 200_000).matchAll(pattern)) {
      const name = match[1]!;
      if (IGNORED_ENV.has(name) || !CONFIG_WORD.test(name) || name.length > 60 || /^(?:YOUR|MY|ANOTHER|EXAMPLE|SOME|OTHER|NEW|OLD)_/.test(name)) continue;
      names.add(name);
      if (names.size >= limit) return [...names];
    }
  }
  return [...names];
}

/** An obviously fake value for an environment variable, shaped by its name so simple format checks pass. */
export function fakeEnvValue(name: string): string {
  const n = name.toUpperCase();
  if (/(?:^|_)TRANSPORT(?:_|$)/.test(n)) return 'stdio';
  if (/(?:^|_)(?:URL|URI|ENDPOINT|BASE|DSN)(?:_|$)/.test(n)) {
    if (/DATABASE|POSTGRES|PG|DB|DSN/.test(n)) return 'postgresql://toolgate:fake@127.0.0.1:1/toolgate_fake';
    if (/REDIS/.test(n)) return 'redis://127.0.0.1:1';
    if (/MONGO/.test(n)) return 'mongodb://127.0.0.1:1/toolgate_fake';
    return 'https://example.invalid';
  }
  if (/(?:^|_)(?:HOST|HOSTNAME|DOMAIN|SERVER|INSTANCE|SITE|SUBDOMAIN)(?:_|$)/.test(n)) return 'example.invalid';
  if (/(?:^|_)PORT(?:_|$)/.test(n)) return '1';
  if (/EMAIL/.test(n)) return 'fake@example.invalid';
  if (/(?:^|_)(?:PATH|DIR|DIRECTORY|ROOT|FOLDER|WORKSPACE)(?:_|$)/.test(n)) return '$SANDBOX/files';
  if (/(?:^|_)(?:FILE|CONFIG)(?:_|$)/.test(n)) return '$SANDBOX/files/data.json';
  if (/REGION/.test(n)) return 'us-east-1';
  if (/(?:^|_)(?:USER|USERNAME|ACCOUNT|LOGIN)(?:_|$)/.test(n)) return 'toolgate-fake-user';
  if (/(?:^|_)(?:MODE|ENV|ENVIRONMENT|PROFILE)(?:_|$)/.test(n)) return 'default';
  if (/(?:^|_)(?:ID|SID|ORG|ORGANIZATION|PROJECT|TEAM|TENANT|SPACE|BUCKET|ZONE)(?:_|$)/.test(n)) return 'toolgate-fake-id';
  return 'toolgate-fake-0000000000000000000000000000';
}

/** A placeholder value for a command-line flag, by its name. */
export function fakeFlagValue(flag: string): string {
  const f = flag.toLowerCase();
  if (/toolset/.test(f)) return 'all';
  if (/transport/.test(f)) return 'stdio';
  if (/url|endpoint|uri|host/.test(f)) return /host/.test(f) && !/url/.test(f) ? 'example.invalid' : 'https://example.invalid';
  if (/port/.test(f)) return '1';
  if (/dir|path|root|folder|workspace|repo/.test(f)) return '$SANDBOX/files';
  if (/file|config/.test(f)) return '$SANDBOX/files/data.json';
  if (/email/.test(f)) return 'fake@example.invalid';
  return 'toolgate-fake';
}

const SUBCOMMANDS = ['stdio', 'mcp', 'serve', 'server', 'start', 'run'];

function flagArgs(flag: string, takesValue: boolean): string[] {
  return takesValue ? [flag, fakeFlagValue(flag)] : [flag];
}

/** Required flags, positional arguments and subcommands named by a usage error, in the order found. */
export function argsFromUsage(text: string, tried: string[]): string[] {
  const out: string[] = [];
  const have = new Set([...tried, ...out]);
  const add = (args: string[]) => {
    if (args.length && !have.has(args[0]!)) {
      out.push(...args);
      for (const arg of args) have.add(arg);
    }
  };
  // commander: error: required option '--orgs <orgs>' not specified
  for (const m of text.matchAll(/required option '(-{1,2}[\w-]+)(?:,\s*(-{1,2}[\w-]+))?\s*(<[^>]+>|\[[^\]]+\])?'/g)) {
    const flag = m[2] && m[2].startsWith('--') ? m[2] : m[1]!;
    add(flagArgs(flag, Boolean(m[3])));
  }
  // yargs: Missing required argument: api-key
  for (const m of text.matchAll(/Missing required arguments?: ([\w-]+(?:, [\w-]+)*)/g)) {
    for (const name of m[1]!.split(', ')) add(flagArgs(`--${name}`, true));
  }
  // argparse: error: the following arguments are required: --api-key, path
  for (const m of text.matchAll(/the following arguments are required: ([^\n]+)/g)) {
    for (const raw of m[1]!.split(',').map((part) => part.trim()).filter(Boolean)) {
      const name = raw.split('/')[0]!.trim();
      if (name.startsWith('-')) add(flagArgs(name, true));
      else add([fakeFlagValue(name)]);
    }
  }
  // click / typer: Error: Missing option '--api-key' / Missing argument 'PATH'
  for (const m of text.matchAll(/Missing option ['"‘]?(-{1,2}[\w-]+)/g)) add(flagArgs(m[1]!, true));
  for (const m of text.matchAll(/Missing argument ['"‘]?([\w-]+)/g)) add([fakeFlagValue(m[1]!)]);
  // commander: error: missing required argument 'path'
  for (const m of text.matchAll(/missing required argument ['"]([\w-]+)['"]/gi)) add([fakeFlagValue(m[1]!)]);
  // "requires the --read-write flag"
  for (const m of text.matchAll(/requires? (?:the |a )?(--[\w-]+) (?:flag|option)/gi)) add([m[1]!]);
  if (out.length) return out;
  // Help text listing a subcommand that sounds like "run the server".
  if (/usage|commands:|command required|unknown command|no command|subcommand/i.test(text)) {
    for (const sub of SUBCOMMANDS) {
      const listed = new RegExp(`(?:^|\\n)\\s{0,8}${sub}(?:\\s{2,}\\S|\\s*(?:\\n|$))|\\{[^}\\n]*\\b${sub}\\b[^}\\n]*\\}|\\|\\s*${sub}\\b|\\b${sub}\\s*\\|`, 'i');
      if (listed.test(text) && !tried.includes(sub)) return [sub];
    }
    if (/--stdio\b/.test(text) && !tried.includes('--stdio')) return ['--stdio'];
    if (/--transport\b/.test(text) && /\bstdio\b/.test(text) && !tried.includes('--transport')) return ['--transport', 'stdio'];
  }
  return out;
}

/** A config file the server failed to open in its working folder or home, as a placeholder file to create. */
export function filesFromErrors(text: string, workDir: string, homeDir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const patterns = [
    /ENOENT: no such file or directory, (?:open|stat|access|scandir) '([^']+)'/g,
    /No such file or directory: '([^']+)'/g,
    /(?:config(?:uration)? file|file) (?:not found|does not exist|missing)[^\n]*?['"`]?((?:[\w./-]+\/)?[\w.-]+\.(?:json|ya?ml|toml|ini|env))/gi,
  ];
  for (const pattern of patterns) {
    for (const m of text.matchAll(pattern)) {
      let path = m[1]!;
      let key: string | undefined;
      if (path.startsWith(workDir + '/')) key = '$SANDBOX/' + path.slice(workDir.length + 1);
      else if (path.startsWith(homeDir + '/')) key = '$HOME/' + path.slice(homeDir.length + 1);
      else if (!path.startsWith('/') && !path.includes('..')) key = '$SANDBOX/' + path.replace(/^\.\//, '');
      if (!key || key.split('/').includes('..')) continue;
      path = key;
      // A folder the server scans is made with a file in it; a file gets content its extension can parse.
      if (!/\.[A-Za-z0-9]{1,5}$/.test(path)) {
        files[`${path}/README.md`] = '# placeholder\n';
        continue;
      }
      files[path] = /\.json$/.test(path) ? '{}\n' : /\.env$/.test(path) ? '' : '';
      if (Object.keys(files).length >= 3) return files;
    }
  }
  return files;
}

/**
 * An argument we passed that the server rejects while naming the choices (argparse "invalid choice: 'x' (choose from
 * 'stdio', 'http')"), with the choice that starts a server instead; undefined when no choice sounds like one.
 */
export function replacementFor(text: string, tried: string[]): [from: string, to: string] | undefined {
  for (const m of text.matchAll(/invalid choice: '([^']*)' \(choose from ([^)]*)\)/g)) {
    const from = m[1]!;
    if (!tried.includes(from)) continue;
    const choices = [...m[2]!.matchAll(/'([^']+)'/g)].map((c) => c[1]!);
    const to = SUBCOMMANDS.find((sub) => choices.includes(sub) && !tried.includes(sub));
    if (to) return [from, to];
  }
  return undefined;
}

// Cloud SDKs that refuse to start without a region say so in words, not with a variable name.
function envFromPhrases(text: string): string[] {
  const names: string[] = [];
  if (/must specify a region|NoRegionError|region must be (?:set|specified)/i.test(text)) names.push('AWS_REGION', 'AWS_DEFAULT_REGION');
  return names;
}

/**
 * A bound on a dependency that a crash asks for, or undefined: mcp 2.x moved FastMCP (mcp.server.fastmcp became
 * mcp.server.mcpserver), so a server written for 1.x that imports it needs "mcp<2".
 */
export function dependencyBound(text: string): string | undefined {
  if (/No module named '?mcp\.server\.fastmcp|cannot import name '?FastMCP'? from '?mcp\.server\b|This is mcp 2\.x/.test(text))
    return 'mcp<2';
  return undefined;
}

/** Everything a failed start teaches, minus what was already tried. */
export function learn(text: string, tried: { envNames: string[]; args: string[]; files: string[] }, dirs: { work: string; home: string }): Lesson {
  const envNames = [...new Set([...envNamesIn(text), ...envFromPhrases(text)])].filter((name) => !tried.envNames.includes(name));
  const replace = replacementFor(text, tried.args);
  const args = replace ? [] : argsFromUsage(text, tried.args);
  const files = Object.fromEntries(Object.entries(filesFromErrors(text, dirs.work, dirs.home)).filter(([path]) => !tried.files.includes(path)));
  return { envNames, args, files, ...(replace ? { replace } : {}) };
}
