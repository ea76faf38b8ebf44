// Turns every source the CLI accepts (catalogue, config files, --url, --stdio) into scan targets with a prepare step.
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { delimiter, dirname, join, resolve } from 'node:path';
import { getDefaultEnvironment } from '@modelcontextprotocol/sdk/client/stdio.js';
import { CatalogSchema } from '../core/schemas/catalog.ts';
import type { CatalogEntry } from '../core/schemas/catalog.ts';
import { McpServersConfigSchema, RegistryServerSchema, VsCodeConfigSchema } from '../core/schemas/config-files.ts';
import type { ConfigServer, RegistryServer } from '../core/schemas/config-files.ts';
import type { ServerSource } from '../core/schemas/snapshot.ts';
import { installPackage, npmView } from './install.ts';
import { packageCommand } from '../core/package-command.ts';
import type { PackageCommand } from '../core/package-command.ts';
import { installPypi, pythonBinds } from './install-pypi.ts';
import { checkBinName, checkNpmPackage, checkPypiPackage, describeRefusal, isBinName } from '../core/paths.ts';
import { refuse, resolveInside } from './paths.ts';
import { makeRuntime } from './runtime.ts';
import { commandSandbox } from './sandbox.ts';
import { checkDepth } from './bounds.ts';
import { loadRecording, startReplayServer } from './replay-server.ts';
import type { Launch } from './scan-server.ts';
import { slugify } from '../core/names.ts';
import { argSecrets, headerSecrets, urlSecrets } from '../core/redact.ts';

export { slugify };

export interface PrepareContext {
  /** Where npm packages are installed (git-ignored). */
  cacheDir: string;
  /** The shared folder holding fixtures (../shared beside the repository by default). */
  sharedDir: string;
  /** An npm registry to install from instead of the configured one (a mirror; a local one in tests). */
  npmRegistry?: string;
  /** A PyPI index (simple API) to install from instead of the default. */
  pypiIndex?: string;
  /** Epoch milliseconds by which an install must have finished (discovery's per-candidate deadline). */
  installDeadline?: number;
  /** Use cached package metadata without asking the registry again (discovery installs many packages sharing dependencies). */
  preferOffline?: boolean;
  /** Epoch milliseconds: the server's one deadline, covering install, start, initialize and listing. */
  deadline?: number;
}

export interface Prepared {
  launch: Launch;
  cleanup(): Promise<void>;
  /** Machine-specific paths to write back as their placeholders ($SANDBOX, $HOME) wherever a server echoes them. */
  placeholders?: Array<[path: string, placeholder: string]>;
}

export interface ScanTarget {
  id: string;
  name: string;
  homepage?: string;
  source: ServerSource;
  provenance?: string;
  /** Values that must never reach content or output (env values and headers from user configs). */
  secrets: string[];
  /** Set on targets read from a catalogue file: only they may write over a catalogue server's files. */
  fromCatalogue?: boolean;
  prepare(context: PrepareContext): Promise<Prepared>;
}

/** Servers one config file may list; a bigger file is refused rather than started server by server. */
export const MAX_CONFIG_SERVERS = 10_000;
/** Bytes of a config or catalogue file. */
export const MAX_INPUT_FILE_BYTES = 64 * 1024 * 1024;

/**
 * Refuses a config, --url or --stdio server whose id is a catalogue server's when the output folder already holds that
 * server's snapshot or failure record: a person's own scan never replaces a curated snapshot.
 */
export function refuseCatalogueCollisions(
  targets: ScanTarget[],
  catalogueIds: ReadonlySet<string>,
  outDir: string,
): void {
  for (const target of targets) {
    if (target.fromCatalogue || !catalogueIds.has(target.id)) continue;
    const taken = [join(outDir, 'servers', `${target.id}.json`), join(outDir, 'failures', `${target.id}.json`)].find(
      (path) => existsSync(path),
    );
    if (!taken) continue;
    throw new InputError(
      `server "${target.id}" has the id of a catalogue server, and scanning it would overwrite ${taken}. Give it another id (rename its key in the config, or pass another --id), or write elsewhere with --out DIR.`,
    );
  }
}

export class InputError extends Error {}

const noCleanup = async (): Promise<void> => undefined;

/** The allow-listed environment: the SDK's safe defaults plus only what the server declares. */
export function childEnv(
  declared: Record<string, string>,
  overrides: Record<string, string> = {},
): Record<string, string> {
  return { ...getDefaultEnvironment(), ...overrides, ...declared };
}

/** Splits a command line on whitespace, honouring single and double quotes and backslash escapes. */
export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  let current = '';
  let quote: '"' | "'" | undefined;
  let started = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && i + 1 < line.length) current += line[++i];
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      started = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      current += line[++i];
      started = true;
    } else if (/\s/.test(ch)) {
      if (started) words.push(current);
      current = '';
      started = false;
    } else {
      current += ch;
      started = true;
    }
  }
  if (quote) throw new InputError(`unterminated ${quote} quote in --stdio "${line}"; close the quote.`);
  if (started) words.push(current);
  return words;
}

function stdioTarget(
  id: string,
  name: string,
  command: string,
  args: string[],
  env: Record<string, string>,
  cwd?: string,
): ScanTarget {
  return {
    id,
    name,
    source: { kind: 'command', command, args, envNames: Object.keys(env).sort() },
    secrets: [...Object.values(env), ...argSecrets(args)],
    prepare: async () => {
      // Never the scanner's folder: without a cwd of its own, the server starts in its private working folder.
      const runtime = await makeRuntime(id);
      const childEnvironment = childEnv(env, { HOME: runtime.home });
      const shown = commandSandbox(command, args, cwd, childEnvironment.PATH);
      const launch: Launch = {
        kind: 'stdio',
        command: shown.command,
        args: shown.args,
        env: childEnvironment,
        cwd: cwd ?? runtime.sandbox,
        sandbox: { binds: [...runtime.binds, ...shown.binds], scratch: runtime.root },
      };
      return { launch, cleanup: runtime.cleanup, placeholders: runtime.placeholders };
    },
  };
}

function urlTarget(
  id: string,
  name: string,
  url: string,
  transport?: 'streamable-http' | 'sse',
  headers?: Record<string, string>,
): ScanTarget {
  try {
    new URL(url);
  } catch {
    throw new InputError(`"${url}" (server "${id}") is not a valid URL; give a full http:// or https:// address.`);
  }
  return {
    id,
    name,
    source: { kind: 'remote', url },
    // Header values and the URL's own credentials (userinfo, ?api_key=…) are echoed nowhere, in any transformation.
    secrets: [...Object.values(headers ?? {}).flatMap(headerSecrets), ...urlSecrets(url)],
    prepare: async () => ({ launch: { kind: 'http', url, transport, headers }, cleanup: noCleanup }),
  };
}

/** A target for `--url URL --id ID`. */
export function targetFromUrl(url: string, id: string): ScanTarget {
  return urlTarget(checkId(id), id, url);
}

/** A target for `--stdio "CMD ARGS" --id ID [--env NAME=VALUE]`. */
export function targetFromStdio(commandLine: string, id: string, env: Record<string, string>): ScanTarget {
  const [command, ...args] = splitCommandLine(commandLine);
  if (!command) throw new InputError('--stdio needs a command, e.g. --stdio "node server.js".');
  return stdioTarget(checkId(id), id, command, args, env);
}

function checkId(id: string): string {
  const slug = slugify(id);
  if (slug !== id)
    throw new InputError(`--id "${id}" is not a valid id; use lower-case letters, digits and "-", e.g. "${slug}".`);
  return id;
}

// The earliest of the server's one deadline and discovery's install deadline.
function installDeadline(context: PrepareContext): number | undefined {
  const deadlines = [context.deadline, context.installDeadline].filter((value): value is number => value !== undefined);
  return deadlines.length ? Math.min(...deadlines) : undefined;
}

function expand(value: string, sandbox: string, home: string): string {
  return value.replaceAll('$SANDBOX', sandbox).replaceAll('$HOME', home);
}

/** The scan target of one catalogue entry (npm, PyPI or remote). */
export function catalogTarget(entry: CatalogEntry, baseDir: string): ScanTarget {
  const homepage = entry.homepage ?? entry.repository;
  if (entry.remote) {
    const remote = entry.remote;
    if (entry.replay) {
      const replay = entry.replay;
      return {
        id: entry.id,
        name: entry.name,
        homepage,
        source: { kind: 'remote', url: remote.url },
        provenance: replay.provenance,
        secrets: [],
        prepare: async (context) => {
          const recording = await loadRecording(resolve(context.sharedDir, replay.fixture));
          const server = await startReplayServer(recording);
          return {
            launch: { kind: 'http', url: server.url, transport: 'streamable-http' },
            cleanup: () => server.close(),
          };
        },
      };
    }
    return { ...urlTarget(entry.id, entry.name, remote.url, remote.transport), homepage };
  }
  if (entry.pypi) return pypiTarget(entry, baseDir, homepage);
  const npm = entry.npm!;
  return {
    id: entry.id,
    name: entry.name,
    homepage,
    source: {
      kind: 'npm',
      package: npm.package,
      version: npm.version,
      bin: npm.bin,
      args: npm.args,
      envNames: Object.keys(npm.env).sort(),
    },
    // Catalogue env values are published dummies, not secrets.
    secrets: [],
    prepare: async (context) => {
      const dir = await installPackage(resolve(baseDir, context.cacheDir), npm.package, npm.version, {
        scripts: Boolean(npm.installScripts) && !npm.ignoreScripts,
        ...(context.npmRegistry ? { registry: context.npmRegistry } : {}),
        ...(installDeadline(context) ? { deadline: installDeadline(context) } : {}),
        ...(context.preferOffline ? { preferOffline: true } : {}),
      });
      refuse(checkBinName(npm.bin), 'Fix "bin" in the catalogue entry');
      const bin = resolveInside(dir, 'node_modules', '.bin', npm.bin);
      const runtime = await makeRuntime(entry.id, entry.files);
      const args = npm.args.map((arg) => expand(arg, runtime.sandbox, runtime.home));
      const env: Record<string, string> = {};
      for (const [name, value] of Object.entries(npm.env)) env[name] = expand(value, runtime.sandbox, runtime.home);
      // Shebang `env node` servers run on the scanner's Node too, whatever node the shell would find.
      const path = [dirname(process.execPath), process.env.PATH ?? ''].join(delimiter);
      const launch: Launch = {
        kind: 'stdio',
        command: npm.runWithNode ? process.execPath : bin,
        args: npm.runWithNode ? [bin, ...args] : args,
        env: childEnv(env, { HOME: runtime.home, PATH: path }),
        cwd: runtime.sandbox,
        // The installed package read-only; the network only for an entry that says why it needs it.
        sandbox: { binds: [...runtime.binds, { path: dir }], network: Boolean(entry.network), scratch: runtime.root },
      };
      return { launch, cleanup: runtime.cleanup, placeholders: runtime.placeholders };
    },
  };
}

function pypiTarget(entry: CatalogEntry, baseDir: string, homepage: string | undefined): ScanTarget {
  const pypi = entry.pypi!;
  return {
    id: entry.id,
    name: entry.name,
    homepage,
    source: {
      kind: 'pypi',
      package: pypi.package,
      version: pypi.version,
      ...(pypi.script ? { script: pypi.script } : { module: pypi.module }),
      args: pypi.args,
      envNames: Object.keys(pypi.env).sort(),
      ...(pypi.constraints?.length ? { constraints: pypi.constraints } : {}),
    },
    secrets: [],
    prepare: async (context) => {
      const install = await installPypi(resolve(baseDir, context.cacheDir), pypi.package, pypi.version, {
        python: pypi.python,
        excludeNewer: pypi.excludeNewer,
        ...(pypi.constraints?.length ? { constraints: pypi.constraints } : {}),
        ...(context.pypiIndex ? { index: context.pypiIndex } : {}),
        ...(installDeadline(context) ? { deadline: installDeadline(context) } : {}),
      });
      const runtime = await makeRuntime(entry.id, entry.files);
      const args = pypi.args.map((arg) => expand(arg, runtime.sandbox, runtime.home));
      const env: Record<string, string> = {};
      for (const [name, value] of Object.entries(pypi.env)) env[name] = expand(value, runtime.sandbox, runtime.home);
      const bin = join(install.venv, 'bin');
      if (pypi.script) refuse(checkBinName(pypi.script), 'Fix "script" in the catalogue entry');
      const launch: Launch = {
        kind: 'stdio',
        command: pypi.script ? resolveInside(bin, pypi.script) : join(bin, 'python'),
        args: pypi.script ? args : ['-m', pypi.module!, ...args],
        // Unbuffered, so a crash's traceback reaches stderr before the process is gone.
        env: childEnv(env, {
          HOME: runtime.home,
          PATH: [bin, process.env.PATH ?? ''].join(delimiter),
          VIRTUAL_ENV: install.venv,
          PYTHONUNBUFFERED: '1',
        }),
        cwd: runtime.sandbox,
        // The environment and its interpreter read-only; the network only for an entry that says why it needs it.
        sandbox: {
          binds: [...runtime.binds, ...venvBinds(install.venv)],
          network: Boolean(entry.network),
          scratch: runtime.root,
        },
      };
      return { launch, cleanup: runtime.cleanup, placeholders: [...runtime.placeholders, [install.venv, '$VENV']] };
    },
  };
}

// A virtual environment and the interpreter it was made from, read-only.
function venvBinds(venv: string) {
  return [{ path: venv }, ...pythonBinds(join(venv, 'bin', 'python'))];
}

async function readJsonFile(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error('not a regular file');
    if (info.size > MAX_INPUT_FILE_BYTES)
      throw new Error(`${info.size} bytes, over the ${MAX_INPUT_FILE_BYTES}-byte limit`);
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${what} ${path}: ${(error as Error).message}.`);
  }
  try {
    checkDepth(Buffer.from(text), 64);
  } catch (error) {
    throw new InputError(`${what} ${path} is not a usable JSON file: ${(error as Error).message}.`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${what} ${path} is not valid JSON (${(error as Error).message}); fix the file and retry.`);
  }
}

export function formatIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .slice(0, 8)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/** Reads and validates catalog/servers.json. */
export async function loadCatalog(path: string): Promise<{ entries: CatalogEntry[]; targets: ScanTarget[] }> {
  const parsed = CatalogSchema.safeParse(await readJsonFile(path, 'catalogue'));
  if (!parsed.success)
    throw new InputError(
      `catalogue ${path} does not match the catalogue schema: ${formatIssues(parsed.error.issues)}.`,
    );
  const baseDir = process.cwd();
  return {
    entries: parsed.data.servers,
    targets: parsed.data.servers.map((entry) => Object.assign(catalogTarget(entry, baseDir), { fromCatalogue: true })),
  };
}

function configServerTarget(key: string, server: ConfigServer, file: string): ScanTarget {
  return targetFromConfigEntry(slugify(key), key, server, file);
}

/** A target for one config-file entry under a given id (the audit picks ids itself, unique across clients). */
export function targetFromConfigEntry(id: string, key: string, server: ConfigServer, file: string): ScanTarget {
  const type = server.type;
  if (server.url && type !== 'stdio') {
    const transport = type === 'sse' ? 'sse' : type === undefined ? undefined : 'streamable-http';
    const headers = (server as { headers?: unknown }).headers;
    const headerMap =
      headers && typeof headers === 'object'
        ? (Object.fromEntries(Object.entries(headers).filter(([, v]) => typeof v === 'string')) as Record<
            string,
            string
          >)
        : undefined;
    return urlTarget(id, key, server.url, transport, headerMap);
  }
  if (!server.command)
    throw new InputError(`server "${key}" in ${file} has neither "command" nor "url"; add one of them.`);
  // npx/bunx/uvx/pipx/python -m: install the package pinned and sandboxed instead of letting the runner fetch the
  // newest.
  const runner = packageCommand(server.command, server.args ?? []);
  if (runner)
    return packageTarget({
      id,
      name: key,
      registry: runner.registry,
      package: runner.package,
      version: runner.version,
      bin: runner.bin,
      module: runner.module,
      args: runner.args,
      env: server.env ?? {},
    });
  return stdioTarget(id, key, server.command, server.args ?? [], server.env ?? {}, server.cwd);
}

/** Scan targets for an MCP Registry server.json: its npm and PyPI stdio packages and its remotes. */
export function registryTargets(server: RegistryServer): ScanTarget[] {
  const base = slugify(server.name);
  const name = server.title ?? server.name;
  const homepage = server.websiteUrl ?? server.repository?.url;
  const targets: ScanTarget[] = [];
  const nextId = (suffix: string) => {
    if (targets.length === 0) return base;
    let id = slugify(`${base}-${suffix}`);
    for (let n = 2; targets.some((t) => t.id === id); n++) id = slugify(`${base}-${suffix}-${n}`);
    return id;
  };
  for (const pkg of server.packages ?? []) {
    const registry = pkg.registryType ?? pkg.registry_name;
    const identifier = pkg.identifier ?? pkg.name;
    if ((registry !== 'npm' && registry !== 'pypi') || !identifier || !pkg.version) continue;
    if (pkg.transport && pkg.transport.type !== 'stdio') continue;
    const args: string[] = [];
    for (const arg of pkg.packageArguments ?? []) {
      const value = arg.value ?? arg.default;
      if (arg.type === 'named' && arg.name) {
        args.push(arg.name);
        if (value !== undefined) args.push(value);
      } else if (value !== undefined) args.push(value);
    }
    const env: Record<string, string> = {};
    for (const variable of pkg.environmentVariables ?? []) {
      const value = variable.value ?? variable.default;
      if (value !== undefined) env[variable.name] = value;
    }
    targets.push(
      packageTarget({
        id: nextId(registry),
        name,
        homepage,
        registry,
        package: identifier,
        version: pkg.version,
        args,
        env,
      }),
    );
  }
  for (const remote of server.remotes ?? []) {
    const transport = remote.type === 'sse' ? 'sse' : 'streamable-http';
    targets.push({ ...urlTarget(nextId('remote'), name, remote.url, transport), homepage });
  }
  return targets;
}

/** A package to install and start: from a registry server.json or a config entry that runs npx/uvx/pipx/python -m. */
export interface PackageSpec extends PackageCommand {
  id: string;
  name: string;
  homepage?: string;
  /** Values from a person's config are secrets: never recorded, redacted if echoed. */
  env: Record<string, string>;
}

/** A scan target that installs a package (pinned, sandboxed, cached) and starts its entry point. */
export function packageTarget(spec: PackageSpec): ScanTarget {
  // The name and version become a folder that is removed and reinstalled: refuse anything but the strict grammar now.
  const refusal =
    spec.registry === 'npm'
      ? checkNpmPackage(spec.package, spec.version ?? '0.0.0')
      : checkPypiPackage(spec.package, spec.version ?? '0');
  if (refusal)
    throw new InputError(
      `server "${spec.name}": ${describeRefusal(refusal)}. Nothing was installed or removed; fix the package entry.`,
    );
  if (spec.bin !== undefined && !isBinName(spec.bin))
    throw new InputError(`server "${spec.name}": ${describeRefusal(checkBinName(spec.bin)!)}.`);
  const envNames = Object.keys(spec.env).sort();
  const source: ServerSource =
    spec.registry === 'npm'
      ? {
          kind: 'npm',
          package: spec.package,
          version: spec.version ?? '',
          bin: spec.bin ?? '',
          args: spec.args,
          envNames,
        }
      : {
          kind: 'pypi',
          package: spec.package,
          version: spec.version ?? '',
          ...(spec.module ? { module: spec.module } : spec.bin ? { script: spec.bin } : {}),
          args: spec.args,
          envNames,
        };
  const target: ScanTarget = {
    id: spec.id,
    name: spec.name,
    ...(spec.homepage ? { homepage: spec.homepage } : {}),
    source,
    secrets: [...Object.values(spec.env), ...argSecrets(spec.args)],
    prepare: async (context) => {
      const cacheDir = resolve(context.cacheDir);
      let launch: Launch;
      let runtime;
      const placeholders: Array<[string, string]> = [];
      if (spec.registry === 'npm') {
        const version = spec.version ?? (await npmLatest(cacheDir, spec.package, context));
        const dir = await installPackage(cacheDir, spec.package, version, {
          ...(context.npmRegistry ? { registry: context.npmRegistry } : {}),
          deadline: installDeadline(context),
        });
        const bin = spec.bin ?? (await pickBin(dir, spec.package));
        if (target.source.kind === 'npm') Object.assign(target.source, { version, bin });
        runtime = await makeRuntime(spec.id);
        const path = [dirname(process.execPath), process.env.PATH ?? ''].join(delimiter);
        launch = {
          kind: 'stdio',
          command: resolveInside(dir, 'node_modules', '.bin', bin),
          args: spec.args,
          env: childEnv(spec.env, { HOME: runtime.home, PATH: path }),
          cwd: runtime.sandbox,
          sandbox: { binds: [...runtime.binds, { path: dir }], scratch: runtime.root },
        };
      } else {
        const install = await installPypi(cacheDir, spec.package, spec.version ?? '', {
          ...(context.pypiIndex ? { index: context.pypiIndex } : {}),
          deadline: installDeadline(context),
        });
        const script = spec.module
          ? undefined
          : spec.bin && install.scripts.includes(spec.bin)
            ? spec.bin
            : install.scripts[0];
        const module = spec.module ?? (script ? undefined : install.mainModules[0]);
        if (!script && !module)
          throw new Error(
            `${spec.package} has no console script and no runnable module; it cannot be started over stdio.`,
          );
        if (target.source.kind === 'pypi')
          Object.assign(target.source, { version: install.version, ...(script ? { script } : { module }) });
        const bin = join(install.venv, 'bin');
        runtime = await makeRuntime(spec.id);
        launch = {
          kind: 'stdio',
          command: script ? resolveInside(bin, script) : join(bin, 'python'),
          args: script ? spec.args : ['-m', module!, ...spec.args],
          env: childEnv(spec.env, {
            HOME: runtime.home,
            PATH: [bin, process.env.PATH ?? ''].join(delimiter),
            VIRTUAL_ENV: install.venv,
            PYTHONUNBUFFERED: '1',
          }),
          cwd: runtime.sandbox,
          sandbox: { binds: [...runtime.binds, ...venvBinds(install.venv)], scratch: runtime.root },
        };
        placeholders.push([install.venv, '$VENV']);
      }
      return { launch, cleanup: runtime.cleanup, placeholders: [...runtime.placeholders, ...placeholders] };
    },
  };
  return target;
}

async function npmLatest(cacheDir: string, pkg: string, context: PrepareContext): Promise<string> {
  const meta = await npmView(cacheDir, pkg, 'latest', {
    ...(context.npmRegistry ? { registry: context.npmRegistry } : {}),
  });
  if (typeof meta.version !== 'string')
    throw new Error(`${pkg} has no published "latest" version; pin one in the config (${pkg}@x.y.z).`);
  return meta.version;
}

async function pickBin(dir: string, identifier: string): Promise<string> {
  const manifest = JSON.parse(
    await readFile(resolveInside(dir, 'node_modules', identifier, 'package.json'), 'utf8'),
  ) as { bin?: string | Record<string, string>; name: string };
  const unscoped = identifier.replace(/^@[^/]+\//, '');
  if (typeof manifest.bin === 'string') return unscoped;
  // Bin names come from the package itself: only plain file names are started.
  const bins = Object.keys(manifest.bin ?? {})
    .filter(isBinName)
    .sort();
  if (bins.length === 0) throw new Error(`${identifier} declares no bin; it cannot be started over stdio.`);
  return bins.includes(unscoped) ? unscoped : bins[0]!;
}

/** Reads a Claude Desktop / Cursor / .mcp.json, VS Code mcp.json, or MCP Registry server.json. */
export async function loadConfig(path: string): Promise<ScanTarget[]> {
  const data = await readJsonFile(path, 'config file');
  const servers = (data as { mcpServers?: unknown; servers?: unknown; mcp?: { servers?: unknown } } | null) ?? {};
  for (const map of [servers.mcpServers, servers.servers, servers.mcp?.servers]) {
    const count = map && typeof map === 'object' ? Object.keys(map).length : 0;
    if (count > MAX_CONFIG_SERVERS)
      throw new InputError(
        `config file ${path} lists ${count} servers; the scanner takes at most ${MAX_CONFIG_SERVERS} from one file. Split it into smaller files.`,
      );
  }
  const mcpServers = McpServersConfigSchema.safeParse(data);
  if (mcpServers.success)
    return Object.entries(mcpServers.data.mcpServers).map(([key, server]) => configServerTarget(key, server, path));
  const vscode = VsCodeConfigSchema.safeParse(data);
  if (vscode.success)
    return Object.entries(vscode.data.servers).map(([key, server]) => configServerTarget(key, server, path));
  const settings =
    data && typeof data === 'object' ? VsCodeConfigSchema.safeParse((data as Record<string, unknown>).mcp) : undefined;
  if (settings?.success)
    return Object.entries(settings.data.servers).map(([key, server]) => configServerTarget(key, server, path));
  const registry = RegistryServerSchema.safeParse(data);
  if (registry.success && (registry.data.packages || registry.data.remotes)) {
    const targets = registryTargets(registry.data);
    if (targets.length === 0)
      throw new InputError(
        `${path} lists no npm or PyPI package or remote the scanner can use (only npm and PyPI packages over stdio, and HTTP remotes, are supported).`,
      );
    return targets;
  }
  throw new InputError(
    `${path} is not a config file the scanner knows: expected "mcpServers" (Claude Desktop, Cursor, .mcp.json), "servers" (VS Code mcp.json) or an MCP Registry server.json with "packages"/"remotes".`,
  );
}
