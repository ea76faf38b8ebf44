// Discovery: one candidate package → install it, find its entry point, start it with no secrets, learn what it asks
// for, retry with obviously fake values, and record one outcome (plus a snapshot when it listed its tools).
import { spawn } from 'node:child_process';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Candidate } from '../core/discover/candidates.ts';
import { dependencyBound, envNamesInReadme, fakeEnvValue, learn } from '../core/discover/learn.ts';
import { keyLine, verdictFor } from '../core/discover/verdict.ts';
import type { AttemptFacts } from '../core/discover/verdict.ts';
import type { CatalogEntry } from '../core/schemas/catalog.ts';
import { OutcomeSchema } from '../core/schemas/outcome.ts';
import type { Outcome, OutcomeAttempt, OutcomeLaunch } from '../core/schemas/outcome.ts';
import type { Snapshot } from '../core/schemas/snapshot.ts';
import { InstallTimeoutError, installPackage, npmCacheFolder, npmView } from './install.ts';
import { PypiInstallError, installPypi, pypiInstallDir } from './install-pypi.ts';
import type { PypiInstall } from './install-pypi.ts';
import { redactorFor, rewriteStrings } from './run.ts';
import { scanServer } from './scan-server.ts';
import type { ScanLimits } from './scan-server.ts';
import { buildSnapshot, storeSnapshot, writeKeepingTime } from './store.ts';
import type { WriteResult } from './store.ts';
import { catalogTarget } from './targets.ts';
import type { PrepareContext } from './targets.ts';

export interface DiscoverOptions extends PrepareContext {
  /** Content folder: outcomes/ and servers/ are written here. */
  outDir: string;
  /** Everything for one candidate, install included. */
  deadlineMs: number;
  /** At most this long for one start attempt. */
  attemptTimeoutMs: number;
  /** Start attempts per candidate. */
  maxAttempts: number;
  /** Scan limits other than the timeout. */
  limits?: Partial<ScanLimits>;
}

/** Figures about one candidate that go to the run log, never into committed files (they vary run to run). */
export interface DiscoverStats {
  installMs: number;
  totalMs: number;
  /** Bytes the installed package took on disk before it was pruned. */
  installedBytes: number;
}

export interface DiscoverResult {
  outcome: Outcome;
  write: WriteResult;
  snapshot?: Snapshot;
  stats: DiscoverStats;
}

/** Everything needed to start a candidate that install and metadata told us. */
interface Installed {
  /** Entry points to try, best first (npm bins or PyPI console scripts; `-m module` for modules). */
  entries: Array<{ bin?: string; module?: string; runWithNode?: boolean }>;
  homepage?: string;
  repository?: string;
  readme: string;
  /** Arguments and env names a bundled server.json declares. */
  declared: { args: string[]; envNames: string[] };
  python?: string;
  excludeNewer?: string;
  /** PyPI: bounds on dependencies it was installed with ("mcp<2"). */
  constraints?: string[];
  /** The folder to prune afterwards. */
  folder: string;
}

class Stop extends Error {
  links: { homepage?: string; repository?: string } = {};
  readonly code: Outcome['code'];
  readonly detail: string;
  readonly stderr: string;
  constructor(code: Outcome['code'], detail: string, message: string, stderr = '') {
    super(message);
    this.code = code;
    this.detail = detail;
    this.stderr = stderr;
  }
}

class StopWithLinks extends Stop {
  constructor(
    code: Outcome['code'],
    detail: string,
    message: string,
    links: { homepage?: string; repository?: string },
  ) {
    super(code, detail, message);
    this.links = links;
  }
}

function httpsUrl(value: unknown): string | undefined {
  const raw =
    typeof value === 'string'
      ? value
      : value && typeof value === 'object'
        ? (value as { url?: unknown }).url
        : undefined;
  if (typeof raw !== 'string') return undefined;
  let text: string = raw;
  text = text
    .trim()
    .replace(/^git\+/, '')
    .replace(/\.git$/, '')
    .replace(/^git:\/\//, 'https://');
  const short = /^github:([\w.-]+\/[\w.-]+)$/.exec(text) ?? /^([\w.-]+\/[\w.-]+)$/.exec(text);
  if (short) text = `https://github.com/${short[1]}`;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && !url.username && !url.password ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The first day of the month after a YYYY-MM release month: dependencies are resolved as of then. */
export function excludeNewerFor(released: string | undefined): string | undefined {
  const match = released ? /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(released) : null;
  if (!match) return undefined;
  if (match[3]) {
    const next = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1));
    return next.toISOString().slice(0, 10);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

// du and rm are C: walking a 300 MB environment from JavaScript costs more CPU than the scan itself on a busy machine.
function runQuiet(command: string, args: string[]): Promise<string> {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.once('error', () => resolvePromise(''));
    child.once('close', () => resolvePromise(out));
  });
}

async function folderBytes(dir: string): Promise<number> {
  return Number.parseInt(await runQuiet('du', ['-sb', dir]), 10) || 0;
}

const pruning = new Set<Promise<void>>();

// Removal runs behind the next candidate (a large environment takes seconds to delete on a busy disk); at most a few
// wait.
async function prune(dir: string): Promise<void> {
  while (pruning.size >= 4) await Promise.race(pruning);
  const job = runQuiet('rm', ['-rf', '--one-file-system', dir])
    .then(() => rm(dir, { recursive: true, force: true }))
    .catch(() => undefined)
    .finally(() => pruning.delete(job));
  pruning.add(job);
}

/** Waits for every pending removal (the CLI calls it before it exits). */
export async function prunesDone(): Promise<void> {
  await Promise.all(pruning);
}

async function firstBytes(path: string, count: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(count);
    const { bytesRead } = await handle.read(buffer, 0, count, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

// A shebang naming node (or none at all on a .js file) runs on the scanner's Node; an ELF or other script runs as is.
async function runsWithNode(path: string): Promise<boolean> {
  let head: Buffer;
  try {
    head = await firstBytes(path, 256);
  } catch {
    return true;
  }
  if (head[0] === 0x7f && head.subarray(1, 4).toString() === 'ELF') return false;
  const text = head.toString('utf8');
  if (text.startsWith('#!')) return /\bnode\b|\bbun\b|\bdeno\b|\btsx\b/.test(text.split('\n')[0]!);
  return true;
}

function rankNames(names: string[], pkg: string): string[] {
  const unscoped = pkg.replace(/^@[^/]+\//, '').toLowerCase();
  const score = (name: string) => {
    const n = name.toLowerCase();
    if (n === unscoped) return 0;
    if (/mcp/.test(n) && /server/.test(n)) return 1;
    if (/mcp/.test(n)) return 2;
    if (/server|serve/.test(n)) return 3;
    return 4;
  };
  return [...names].sort((a, b) => score(a) - score(b) || a.localeCompare(b));
}

function declaredFromServerJson(
  text: string,
  registry: 'npm' | 'pypi',
  pkg: string,
): { args: string[]; envNames: string[] } {
  const out = { args: [] as string[], envNames: [] as string[] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return out;
  }
  const packages = (data as { packages?: unknown }).packages;
  if (!Array.isArray(packages)) return out;
  const match = packages.find(
    (p) =>
      p &&
      typeof p === 'object' &&
      ((p as Record<string, unknown>).registryType ?? (p as Record<string, unknown>).registry_name) === registry &&
      ((p as Record<string, unknown>).identifier ?? (p as Record<string, unknown>).name) === pkg,
  ) as Record<string, unknown> | undefined;
  if (!match) return out;
  for (const arg of Array.isArray(match.packageArguments) ? match.packageArguments : []) {
    if (!arg || typeof arg !== 'object') continue;
    const a = arg as Record<string, unknown>;
    const value = typeof a.value === 'string' ? a.value : typeof a.default === 'string' ? a.default : undefined;
    // Only documented, non-secret values: a required argument without a value cannot be guessed here.
    if (a.isSecret === true || value === undefined || /\{[^}]+\}/.test(value)) continue;
    if (a.type === 'named' && typeof a.name === 'string') out.args.push(a.name, value);
    else if (a.type !== 'named') out.args.push(value);
  }
  for (const variable of Array.isArray(match.environmentVariables) ? match.environmentVariables : []) {
    const name = variable && typeof variable === 'object' ? (variable as Record<string, unknown>).name : undefined;
    if (typeof name === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) out.envNames.push(name);
  }
  return out;
}

// The installer's most telling line (a dependency that is gone, a build that failed), without URLs or machine paths.
function installTail(message: string): string {
  const cleaned = message.replace(/[a-z]+:\/\/\S+/gi, '<url>').replace(/\/(?:root|home|tmp|work)\/\S+/g, '<path>');
  return (
    keyLine(
      cleaned
        .split(' | ')
        .join('\n')
        .replace(/^npm error (?:\d{3} )?/gm, ''),
    ) ?? cleaned
  ).slice(0, 300);
}

/** Whether an npm os/cpu list (["linux"], ["!win32"]) admits this machine's value. */
export function platformAllows(list: unknown, value: string): boolean {
  const items = Array.isArray(list)
    ? list.filter((item): item is string => typeof item === 'string')
    : typeof list === 'string'
      ? [list]
      : [];
  if (items.length === 0) return true;
  if (items.includes(`!${value}`)) return false;
  const positive = items.filter((item) => !item.startsWith('!'));
  return positive.length === 0 || positive.includes(value);
}

async function installNpm(candidate: Candidate, options: DiscoverOptions, deadline: number): Promise<Installed> {
  const cacheDir = resolve(options.cacheDir);
  const folder = npmCacheFolder(cacheDir, candidate.package, candidate.version);
  // Metadata first: a package without a bin, or built for another platform, is decided without installing it.
  let meta: Record<string, unknown>;
  try {
    meta = await npmView(cacheDir, candidate.package, candidate.version, {
      deadline,
      ...(options.npmRegistry ? { registry: options.npmRegistry } : {}),
    });
  } catch (error) {
    const message = (error as Error).message;
    if (error instanceof InstallTimeoutError)
      throw new Stop('INSTALL_FAILED', 'INSTALL_TIMEOUT', 'The registry did not answer before the deadline.', '');
    if (/E404|404 Not Found|is not in this registry|could not be found/i.test(message))
      throw new Stop(
        'INSTALL_FAILED',
        'NOT_FOUND',
        'The package could not be found in the registry.',
        installTail(message),
      );
    throw new Stop('INSTALL_FAILED', 'INSTALL_ERROR', 'npm could not read the package metadata.', installTail(message));
  }
  if (meta.version !== candidate.version)
    throw new Stop('INSTALL_FAILED', 'NOT_FOUND', 'The pinned version is not published (any more).');
  const links = {
    ...(httpsUrl(meta.homepage) ? { homepage: httpsUrl(meta.homepage)! } : {}),
    ...(httpsUrl(meta.repository) ? { repository: httpsUrl(meta.repository)! } : {}),
  };
  if (!platformAllows(meta.os, process.platform) || !platformAllows(meta.cpu, process.arch)) {
    throw new StopWithLinks(
      'NOT_A_SERVER',
      'OTHER_PLATFORM',
      `The package is built for another operating system or CPU (os ${JSON.stringify(meta.os ?? [])}, cpu ${JSON.stringify(meta.cpu ?? [])}).`,
      links,
    );
  }
  const declaredBin = meta.bin;
  if (!declaredBin || (typeof declaredBin === 'object' && Object.keys(declaredBin).length === 0)) {
    throw new StopWithLinks(
      'NOT_A_SERVER',
      'NO_ENTRY_POINT',
      'The package declares no bin: a library, SDK or plugin, not a server to start.',
      links,
    );
  }
  try {
    await installPackage(cacheDir, candidate.package, candidate.version, {
      deadline,
      preferOffline: true,
      ...(options.npmRegistry ? { registry: options.npmRegistry } : {}),
    });
  } catch (error) {
    const message = (error as Error).message;
    if (/EBADPLATFORM|Unsupported platform/i.test(message))
      throw new Stop(
        'NOT_A_SERVER',
        'OTHER_PLATFORM',
        'The package is built for another operating system or CPU.',
        installTail(message),
      );
    if (/ETARGET|E404|No matching version|notarget|404 Not Found|could not be found/i.test(message))
      throw new Stop(
        'INSTALL_FAILED',
        'DEPENDENCY_NOT_FOUND',
        'A dependency of the pinned version could not be found in the registry (unpublished or never published).',
        installTail(message),
      );
    if (error instanceof InstallTimeoutError)
      throw new Stop('INSTALL_FAILED', 'INSTALL_TIMEOUT', 'The install did not finish before the deadline.', '');
    throw new Stop(
      'INSTALL_FAILED',
      'INSTALL_ERROR',
      'npm could not install the pinned version.',
      installTail(message),
    );
  }
  const pkgDir = join(folder, 'node_modules', ...candidate.package.split('/'));
  let manifest: Record<string, unknown> = {};
  try {
    manifest = JSON.parse(await readFile(join(pkgDir, 'package.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    throw new Stop('INSTALL_FAILED', 'NO_MANIFEST', 'The installed package has no readable package.json.');
  }
  const bin = manifest.bin;
  const unscoped = candidate.package.replace(/^@[^/]+\//, '');
  const bins =
    typeof bin === 'string'
      ? [unscoped]
      : bin && typeof bin === 'object'
        ? Object.keys(bin).filter((name) => /^[\w.@-]+$/.test(name))
        : [];
  const entries: Installed['entries'] = [];
  for (const name of rankNames(bins, candidate.package)) {
    const path = join(folder, 'node_modules', '.bin', name);
    entries.push({ bin: name, runWithNode: await runsWithNode(path) });
  }
  const readme = await readFile(join(pkgDir, 'README.md'), 'utf8').catch(() =>
    readFile(join(pkgDir, 'readme.md'), 'utf8').catch(() => ''),
  );
  const serverJson = await readFile(join(pkgDir, 'server.json'), 'utf8').catch(() => '');
  const homepage = httpsUrl(manifest.homepage);
  const repository = httpsUrl(manifest.repository);
  return {
    entries,
    ...(homepage ? { homepage } : {}),
    ...(repository ? { repository } : {}),
    readme: readme.slice(0, 200_000),
    declared: serverJson ? declaredFromServerJson(serverJson, 'npm', candidate.package) : { args: [], envNames: [] },
    folder,
  };
}

async function installFromPypi(
  candidate: Candidate,
  options: DiscoverOptions,
  deadline: number,
  constraints: string[] = [],
): Promise<Installed> {
  const cacheDir = resolve(options.cacheDir);
  const excludeNewer = excludeNewerFor(candidate.released);
  let install: PypiInstall;
  try {
    install = await installPypi(cacheDir, candidate.package, candidate.version, {
      ...(excludeNewer ? { excludeNewer } : {}),
      ...(constraints.length ? { constraints } : {}),
      ...(options.pypiIndex ? { index: options.pypiIndex } : {}),
      deadline,
    });
  } catch (error) {
    const message = (error as Error).message;
    if (error instanceof PypiInstallError && error.platform)
      throw new Stop(
        'NOT_A_SERVER',
        'OTHER_PLATFORM',
        'The package has no build for this operating system, CPU or Python.',
        installTail(message),
      );
    if (/deadline/.test(message))
      throw new Stop('INSTALL_FAILED', 'INSTALL_TIMEOUT', 'The install did not finish before the deadline.', '');
    if (
      /not found in the package registry|no version of|was not found in the|Because there is no version/i.test(message)
    )
      throw new Stop('INSTALL_FAILED', 'NOT_FOUND', 'The pinned version could not be resolved.', installTail(message));
    throw new Stop(
      'INSTALL_FAILED',
      'INSTALL_ERROR',
      'uv could not install the pinned version with its dependencies as of its release.',
      installTail(message),
    );
  }
  const folder = resolve(install.venv, '..');
  const unscoped = candidate.package.toLowerCase().replace(/[-_.]+/g, '_');
  const modules = [...install.mainModules].sort(
    (a, b) => Number(b.toLowerCase() === unscoped) - Number(a.toLowerCase() === unscoped) || a.localeCompare(b),
  );
  return {
    entries: [
      ...rankNames(install.scripts, candidate.package).map((bin) => ({ bin })),
      ...modules.map((module) => ({ module })),
    ],
    ...(install.homepage ? { homepage: install.homepage } : {}),
    ...(install.repository ? { repository: install.repository } : {}),
    readme: install.readme,
    declared: { args: [], envNames: [] },
    python: install.python,
    ...(excludeNewer ? { excludeNewer } : {}),
    ...(constraints.length ? { constraints } : {}),
    folder,
  };
}

/** The catalogue entry a launch recipe stands for (also what an OK outcome becomes). */
export function catalogEntryFor(
  outcome: Pick<Outcome, 'id' | 'name' | 'registry' | 'package' | 'version' | 'homepage' | 'repository'>,
  launch: OutcomeLaunch,
): CatalogEntry {
  const base = {
    id: outcome.id,
    name: outcome.name,
    ...(outcome.homepage ? { homepage: outcome.homepage } : {}),
    ...(outcome.repository && outcome.repository !== outcome.homepage ? { repository: outcome.repository } : {}),
    notes: 'Found by discovery (npm run catalog:discover); env values and arguments are fakes that let it start.',
    ...(launch.files && Object.keys(launch.files).length ? { files: launch.files } : {}),
  };
  if (outcome.registry === 'npm') {
    return {
      ...base,
      npm: {
        package: outcome.package,
        version: outcome.version,
        bin: launch.bin!,
        args: launch.args,
        env: launch.env,
        ...(launch.runWithNode ? { runWithNode: true } : {}),
      },
    };
  }
  return {
    ...base,
    pypi: {
      package: outcome.package,
      version: outcome.version,
      ...(launch.bin ? { script: launch.bin } : { module: launch.module! }),
      args: launch.args,
      env: launch.env,
      ...(launch.python ? { python: launch.python } : {}),
      ...(launch.excludeNewer ? { excludeNewer: launch.excludeNewer } : {}),
      ...(launch.constraints?.length ? { constraints: launch.constraints } : {}),
    },
  };
}

// Evidence is committed: machine paths become placeholders and URLs lose their hosts' credentials and queries.
function cleanEvidence(text: string, placeholders: Array<[string, string]>): string {
  let out = text;
  for (const [path, placeholder] of placeholders) out = out.split(path).join(placeholder);
  return out
    .replace(/(https?:\/\/)[^/\s@]+@/g, '$1')
    .replace(/\b(?:sk|pk|ghp|gho|xox[abp]|glpat|AKIA)[-_A-Za-z0-9]{12,}\b/g, '[redacted]')
    .replace(/\/(?:root|home|work)\/[^\s'"]+/g, '<path>')
    .replace(/\/tmp\/[^\s'"]+/g, '<tmp>');
}

/** Tries one candidate within `options.deadlineMs` and stores its outcome (and snapshot when OK). Never throws for the candidate's faults. */
export async function discoverCandidate(
  candidate: Candidate,
  id: string,
  options: DiscoverOptions,
): Promise<DiscoverResult> {
  const started = Date.now();
  const deadline = started + options.deadlineMs;
  const name = candidate.package;
  const base = {
    schemaVersion: 1 as const,
    id,
    name,
    registry: candidate.registry,
    package: candidate.package,
    version: candidate.version,
    origin: candidate.origin,
    ...(candidate.summary ? { summary: candidate.summary.slice(0, 500) } : {}),
    ...(candidate.registryEntry ? { registryEntry: candidate.registryEntry } : {}),
  };
  const stats: DiscoverStats = { installMs: 0, totalMs: 0, installedBytes: 0 };
  const attempts: OutcomeAttempt[] = [];
  const envNamesTried = new Set<string>();
  let installed: Installed | undefined;
  let links: { homepage?: string; repository?: string } = {};
  let sizing: Promise<number> | undefined;
  let snapshot: Snapshot | undefined;
  let result: {
    code: Outcome['code'];
    detail: string;
    message: string;
    stderr?: string;
    launch?: OutcomeLaunch;
    tools?: number;
  };
  try {
    const installDeadline = started + Math.max(5_000, options.deadlineMs - 20_000);
    installed =
      candidate.registry === 'npm'
        ? await installNpm(candidate, options, installDeadline)
        : await installFromPypi(candidate, options, installDeadline);
    stats.installMs = Date.now() - started;
    // Measured while the server starts, not before.
    sizing = folderBytes(installed.folder);
    const entry = installed.entries[0];
    if (!entry)
      throw new Stop(
        'NOT_A_SERVER',
        'NO_ENTRY_POINT',
        candidate.registry === 'npm'
          ? 'The package declares no bin: a library, SDK or plugin, not a server to start.'
          : 'The package has no console script and no runnable module: a library, not a server to start.',
      );
    const start = (from: Installed, at: Installed['entries'][number]) =>
      attemptStarts(candidate, id, name, at, from, options, deadline, attempts, envNamesTried, (s) => (snapshot = s));
    result = await start(installed, entry);
    // Resolved as of the month after its release, a dependency's new major can break a server that worked with the
    // old one (mcp 2.x renamed FastMCP): when its crash says so, install it once more with that bound and start again.
    const bound =
      candidate.registry === 'pypi' && result.code === 'CRASHED' ? dependencyBound(result.stderr ?? '') : undefined;
    if (bound && !installed.constraints?.includes(bound) && deadline - Date.now() > 20_000) {
      // Should the bounded install fail, the crash stays the outcome.
      const bounded = await installFromPypi(candidate, options, deadline - 10_000, [
        ...(installed.constraints ?? []),
        bound,
      ]).catch(() => undefined);
      if (bounded) installed = bounded;
      const again =
        bounded?.entries.find((e) => e.bin === entry.bin && e.module === entry.module) ?? bounded?.entries[0];
      if (bounded && again) result = await start(bounded, again);
    }
  } catch (error) {
    if (error instanceof Stop) {
      result = {
        code: error.code,
        detail: error.detail,
        message: error.message,
        ...(error.stderr ? { stderr: error.stderr } : {}),
      };
      links = error.links;
    } else {
      // Still an outcome: every candidate gets one, and the message says it was the scanner's side.
      result = {
        code: 'CRASHED',
        detail: 'SCANNER_ERROR',
        message: `The scanner could not finish this candidate: ${installTail((error as Error)?.message ?? String(error))}`,
      };
    }
  } finally {
    if (sizing) stats.installedBytes = await sizing;
    if (installed) await prune(installed.folder);
    else {
      const cacheDir = resolve(options.cacheDir);
      const folder = await Promise.resolve()
        .then(() =>
          candidate.registry === 'npm'
            ? npmCacheFolder(cacheDir, candidate.package, candidate.version)
            : pypiInstallDir(cacheDir, candidate.package, candidate.version),
        )
        .catch(() => undefined);
      if (folder) await prune(folder);
    }
  }
  const outcome = OutcomeSchema.parse({
    ...base,
    ...((installed?.homepage ?? links.homepage) ? { homepage: installed?.homepage ?? links.homepage } : {}),
    ...((installed?.repository ?? links.repository) ? { repository: installed?.repository ?? links.repository } : {}),
    code: result.code,
    detail: result.detail,
    message: result.message,
    ...(result.stderr ? { stderr: result.stderr } : {}),
    envNamesTried: [...envNamesTried].sort(),
    attempts,
    ...(result.launch ? { launch: result.launch } : {}),
    ...(result.tools !== undefined ? { tools: result.tools } : {}),
    triedAt: new Date().toISOString(),
  });
  const write = await storeOutcome(options.outDir, outcome);
  if (snapshot) await storeSnapshot(options.outDir, snapshot);
  stats.totalMs = Date.now() - started;
  return { outcome, write, ...(snapshot ? { snapshot } : {}), stats };
}

async function attemptStarts(
  candidate: Candidate,
  id: string,
  name: string,
  entry: Installed['entries'][number],
  installed: Installed,
  options: DiscoverOptions,
  deadline: number,
  attempts: OutcomeAttempt[],
  envNamesTried: Set<string>,
  onSnapshot: (snapshot: Snapshot) => void,
): Promise<{
  code: Outcome['code'];
  detail: string;
  message: string;
  stderr?: string;
  launch?: OutcomeLaunch;
  tools?: number;
}> {
  const launch: OutcomeLaunch = {
    ...(entry.bin ? { bin: entry.bin } : { module: entry.module! }),
    args: [...(candidate.declared?.args ?? installed.declared.args)],
    env: { ...(candidate.declared?.env ?? {}) },
    ...(entry.runWithNode !== undefined ? { runWithNode: entry.runWithNode } : {}),
    ...(installed.python ? { python: installed.python } : {}),
    ...(installed.excludeNewer ? { excludeNewer: installed.excludeNewer } : {}),
    ...(installed.constraints ? { constraints: installed.constraints } : {}),
  };
  const files: Record<string, string> = {};
  const declaredEnv = [...new Set([...(candidate.declared?.envNames ?? []), ...installed.declared.envNames])];
  const readmeEnv = envNamesInReadme(installed.readme);
  let usedDocs = false;
  let last: AttemptFacts | undefined;
  let lastStderr: string | undefined;
  for (let attempt = 0; attempt < options.maxAttempts; attempt++) {
    const remaining = deadline - Date.now();
    if (remaining < 3_000) break;
    const current: OutcomeLaunch = {
      ...launch,
      args: [...launch.args],
      env: { ...launch.env },
      ...(Object.keys(files).length ? { files: { ...files } } : {}),
    };
    const entryForScan = catalogEntryFor(
      { ...candidate, id, name, homepage: installed.homepage, repository: installed.repository },
      current,
    );
    const target = catalogTarget(entryForScan, process.cwd());
    let prepared;
    try {
      prepared = await target.prepare(options);
    } catch (error) {
      attempts.push({
        args: current.args,
        envNames: Object.keys(current.env).sort(),
        files: Object.keys(files).sort(),
        result: 'PREPARE_FAILED',
      });
      last = { result: 'PREPARE_FAILED', message: installTail((error as Error).message), output: '', exited: true };
      break;
    }
    const dirs = { work: '', home: '' };
    for (const [path, placeholder] of prepared.placeholders ?? []) {
      if (placeholder === '$SANDBOX') dirs.work = path;
      if (placeholder === '$HOME') dirs.home = path;
    }
    let scan;
    try {
      scan = await scanServer(prepared.launch, {
        ...options.limits,
        timeoutMs: Math.min(options.attemptTimeoutMs, remaining),
      });
    } finally {
      await prepared.cleanup().catch(() => undefined);
    }
    attempts.push({
      args: current.args,
      envNames: Object.keys(current.env).sort(),
      files: Object.keys(files).sort(),
      result: scan.ok ? 'OK' : scan.error.code,
    });
    const placeholders = prepared.placeholders ?? [];
    if (scan.ok) {
      const redactor = redactorFor(
        target,
        prepared.launch.kind === 'stdio' ? prepared.launch.env : undefined,
        placeholders,
      );
      const data = rewriteStrings(scan.data, (text) => redactor.clean(text));
      const snapshot = buildSnapshot(target, data, new Date().toISOString());
      onSnapshot(snapshot);
      const verdict = verdictFor({ result: 'OK', message: '', output: '', exited: false }, data.tools.length);
      return { ...verdict, launch: current, tools: data.tools.length };
    }
    const output = cleanEvidence([scan.stderr, scan.noise ?? ''].filter(Boolean).join('\n'), placeholders);
    last = {
      result: scan.error.code,
      message: cleanEvidence(scan.error.message, placeholders),
      output,
      exited: Boolean(scan.exit),
      ...(scan.exit ? { exitCode: scan.exit.code } : {}),
    };
    lastStderr = keyLine(cleanEvidence(scan.stderr, placeholders)) ?? keyLine(output);
    const rawText = [scan.stderr, scan.noise ?? ''].join('\n');
    const lesson = learn(
      rawText,
      { envNames: Object.keys(current.env), args: current.args, files: Object.keys(files) },
      dirs,
    );
    // A server that hangs or speaks broken MCP will not be fixed by more configuration, unless it said what it misses.
    const learned =
      lesson.envNames.length + lesson.args.length + Object.keys(lesson.files).length > 0 || Boolean(lesson.replace);
    if (scan.error.code === 'TIMEOUT' && (!learned || deadline - Date.now() < 10_000)) break;
    if (scan.error.code !== 'TIMEOUT' && !scan.exit && scan.error.code !== 'SPAWN_FAILED') break;
    let envNames = lesson.envNames;
    const verdict = verdictFor(last);
    // Documentation is read once, when the server complained about configuration or said nothing we could use.
    if (
      !usedDocs &&
      (verdict.code === 'NEEDS_CREDENTIALS' ||
        (envNames.length === 0 &&
          lesson.args.length === 0 &&
          Object.keys(lesson.files).length === 0 &&
          verdict.code === 'CRASHED'))
    ) {
      usedDocs = true;
      envNames = [
        ...new Set([...envNames, ...declaredEnv, ...(verdict.code === 'NEEDS_CREDENTIALS' ? readmeEnv : [])]),
      ].filter((n) => !(n in current.env));
    }
    if (envNames.length === 0 && lesson.args.length === 0 && Object.keys(lesson.files).length === 0 && !lesson.replace)
      break;
    if (lesson.replace) {
      const at = launch.args.indexOf(lesson.replace[0]);
      if (at >= 0) launch.args[at] = lesson.replace[1];
    }
    for (const envName of envNames.slice(0, 12)) {
      launch.env[envName] = fakeEnvValue(envName);
      envNamesTried.add(envName);
    }
    launch.args.push(...lesson.args);
    Object.assign(files, lesson.files);
  }
  if (!last)
    return {
      code: 'TIMEOUT',
      detail: 'NO_TIME_LEFT',
      message: 'The install used up the time for this candidate; nothing was started.',
    };
  const verdict = verdictFor(last);
  const stderr = lastStderr;
  return {
    ...verdict,
    ...(stderr ? { stderr } : {}),
    launch: { ...launch, ...(Object.keys(files).length ? { files } : {}) },
  };
}

/** content/outcomes/<id>.json */
export function outcomePath(outDir: string, id: string): string {
  return join(outDir, 'outcomes', `${id}.json`);
}

/** Writes an outcome, keeping the previous triedAt when nothing else changed. */
export async function storeOutcome(outDir: string, outcome: Outcome): Promise<WriteResult> {
  await mkdir(join(outDir, 'outcomes'), { recursive: true });
  return writeKeepingTime(
    outcomePath(outDir, outcome.id),
    outcome as unknown as Record<string, unknown>,
    'triedAt',
    (value) => {
      const parsed = OutcomeSchema.safeParse(value);
      return parsed.success ? (parsed.data as unknown as Record<string, unknown>) : undefined;
    },
  );
}
