// Installs a PyPI package at an exact version into an environment of its own with uv, once, and reads its entry points.
import { randomUUID } from 'node:crypto';
import { access, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync, openSync, readSync, closeSync, readdirSync, realpathSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { pickPython, pythonConstraint } from '../core/discover/python.ts';
import { checkPypiPackage } from '../core/paths.ts';
import { REQUIREMENT } from '../core/schemas/snapshot.ts';
import { refuse, resolveStrictlyInside } from './paths.ts';
import { runSandboxed } from './sandbox.ts';
import type { Bind } from './sandbox.ts';

export interface PypiInstallOptions {
  /** Python minor version to use ("3.12"); chosen from the package's Requires-Python when absent. */
  python?: string;
  /** Resolve dependencies as of this date (YYYY-MM-DD). */
  excludeNewer?: string;
  /** A package index to use instead of the default (a mirror, or a local one in tests). */
  index?: string;
  /** Bounds on dependencies installed with the package ("mcp<2"); each must be a plain requirement. */
  constraints?: readonly string[];
  /** Epoch milliseconds by which the install must have finished. */
  deadline?: number;
}

export interface PypiInstall {
  /** The environment folder (bin/python, bin/<scripts>). */
  venv: string;
  /** The version installed (the pinned one, or the newest when none was pinned). */
  version: string;
  /** The Python minor version the environment uses. */
  python: string;
  /** The package's own console scripts, sorted. */
  scripts: string[];
  /** Top-level modules of the package that can run as `python -m` (they have a __main__.py), sorted. */
  mainModules: string[];
  /** Requires-Python, homepage and repository from the package metadata. */
  requiresPython?: string;
  homepage?: string;
  repository?: string;
  /** The package's long description (its README), bounded. */
  readme: string;
}

export class PypiInstallError extends Error {
  readonly output: string;
  readonly platform: boolean;
  constructor(message: string, output: string, platform = false) {
    super(message);
    this.output = output;
    this.platform = platform;
  }
}

const inFlight = new Map<string, Promise<PypiInstall>>();

function isElf(path: string): boolean {
  try {
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(4);
      readSync(fd, head, 0, 4, 0);
      return head[0] === 0x7f && head.subarray(1, 4).toString() === 'ELF';
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

let uvPath: string | null | undefined;

/** The uv executable itself ($TOOLGATE_UV, PATH, pyenv versions, ~/.local/bin), never a shim script: it runs in the sandbox. */
export function findUv(): string | null {
  if (uvPath !== undefined) return uvPath;
  const places = [
    process.env.TOOLGATE_UV,
    ...(process.env.PATH ?? '').split(delimiter).map((dir) => dir && join(dir, 'uv')),
  ];
  const pyenv = join(process.env.PYENV_ROOT ?? join(homedir(), '.pyenv'), 'versions');
  try {
    for (const version of readdirSync(pyenv).sort().reverse()) places.push(join(pyenv, version, 'bin', 'uv'));
  } catch {
    // No pyenv.
  }
  places.push(join(homedir(), '.local', 'bin', 'uv'), join(homedir(), '.cargo', 'bin', 'uv'));
  uvPath = null;
  for (const place of places) {
    if (!place) continue;
    try {
      const real = realpathSync(place);
      if (isElf(real)) {
        uvPath = real;
        break;
      }
    } catch {
      // Not here.
    }
  }
  return uvPath;
}

/** Interpreters on this machine by minor version: pyenv versions first, then python3.X on PATH. */
export function findPythons(): Map<string, string> {
  const found = new Map<string, string>();
  const roots = [process.env.PYENV_ROOT, join(homedir(), '.pyenv'), '/root/.pyenv'].filter(Boolean) as string[];
  for (const root of roots) {
    let versions: string[] = [];
    try {
      versions = readdirSync(join(root, 'versions'));
    } catch {
      continue;
    }
    for (const version of versions.sort()) {
      const match = /^(\d+\.\d+)\.\d+$/.exec(version);
      const bin = join(root, 'versions', version, 'bin', 'python3');
      if (match && !found.has(match[1]!) && existsSync(bin)) found.set(match[1]!, bin);
    }
  }
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const match = /^python(3\.\d+)$/.exec(name);
      if (match && !found.has(match[1]!)) found.set(match[1]!, join(dir, name));
    }
  }
  return found;
}

function folderName(pkg: string, version: string): string {
  return `${pkg.toLowerCase().replace(/[^a-z0-9._-]+/g, '_')}@${version || 'latest'}`;
}

/** The folder `pkg==version` is installed in (its environment is venv/ inside). */
export function pypiInstallDir(cacheDir: string, pkg: string, version: string): string {
  refuse(checkPypiPackage(pkg, version || '0'), 'Fix the package name or version');
  return resolveStrictlyInside(join(cacheDir, 'pypi'), folderName(pkg, version));
}

/** Returns the environment holding `pkg==version` (the newest when version is ""), creating it first when needed. */
export function installPypi(
  cacheDir: string,
  pkg: string,
  version: string,
  options: PypiInstallOptions = {},
): Promise<PypiInstall> {
  const dir = pypiInstallDir(cacheDir, pkg, version);
  const key = `${dir}|${options.python ?? ''}|${options.excludeNewer ?? ''}|${(options.constraints ?? []).join(',')}`;
  let job = inFlight.get(key);
  if (!job) {
    job = doInstall(dir, pkg, version, options);
    inFlight.set(key, job);
    void job.then(
      () => inFlight.delete(key),
      () => inFlight.delete(key),
    );
  }
  return job;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

// Only what uv needs: no credentials or tokens of the scanner's environment reach uv or a build backend.
function uvEnv(cacheDir: string, home: string, options: PypiInstallOptions): Record<string, string> {
  return {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    HOME: home,
    TMPDIR: join(home, 'tmp'),
    UV_CACHE_DIR: join(cacheDir, 'uv-cache'),
    UV_PYTHON_DOWNLOADS: 'never',
    UV_NO_CONFIG: '1',
    UV_NO_PROGRESS: '1',
    ...(options.index ? { UV_DEFAULT_INDEX: options.index, UV_INDEX_URL: options.index } : {}),
    // A machine's CA bundle is public; TLS to the index fails without it where a proxy re-signs traffic.
    ...Object.fromEntries(
      ['SSL_CERT_FILE', 'SSL_CERT_DIR'].flatMap((name) =>
        process.env[name] && existsSync(process.env[name]!) ? [[name, process.env[name]!]] : [],
      ),
    ),
  };
}

// Machine paths and URLs never reach committed failure records.
function tail(output: string): string {
  return output
    .trim()
    .split('\n')
    .slice(-6)
    .join(' | ')
    .replace(/[a-z]+:\/\/\S+/gi, '<url>')
    .replace(/\/(?:root|home|tmp|work)\/\S+/g, '<path>');
}

async function doInstall(dir: string, pkg: string, version: string, options: PypiInstallOptions): Promise<PypiInstall> {
  const marker = join(dir, '.toolgate-installed');
  const spec = version ? `${pkg}==${version}` : pkg;
  // The marker names what was installed and on which Python; an install on the Python asked for (or any, when none
  // was asked for) is reused, so discovery's later start attempts (which name the Python) do not reinstall.
  const constraints = options.constraints ?? [];
  for (const constraint of constraints)
    if (!REQUIREMENT.test(constraint))
      throw new PypiInstallError(
        `the dependency bound ${JSON.stringify(constraint)} is not a plain requirement such as "mcp<2"; fix the catalogue entry's "constraints".`,
        '',
      );
  const wanted = `${spec} ${options.excludeNewer ?? ''}${constraints.length ? ` ${constraints.join(',')}` : ''}`;
  if (await exists(marker)) {
    const [installed, installedPython] = (await readFile(marker, 'utf8')).split('\n');
    if (installed === wanted && installedPython && (!options.python || options.python === installedPython))
      return readInstall(join(dir, 'venv'), pkg, installedPython);
  }
  const pythons = findPythons();
  if (pythons.size === 0)
    throw new PypiInstallError(
      'no Python 3 interpreter found (looked in pyenv versions and PATH); install python3.',
      '',
    );
  const uv = findUv();
  if (!uv)
    throw new PypiInstallError(
      'uv is not installed (looked on PATH, in pyenv versions and ~/.local/bin); install it with `pip install uv` or set TOOLGATE_UV.',
      '',
    );
  const cacheDir = join(dir, '..', '..');
  await mkdir(join(cacheDir, 'uv-cache'), { recursive: true });
  const deadline = options.deadline ?? Date.now() + 10 * 60_000;
  let python =
    options.python && pythons.has(options.python) ? options.python : pickPython(undefined, [...pythons.keys()]);
  if (!python)
    throw new PypiInstallError(
      `Python ${options.python} is not installed here; available: ${[...pythons.keys()].join(', ')}.`,
      '',
    );
  const tried = new Set<string>();
  for (;;) {
    tried.add(python);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const venv = join(dir, 'venv');
    const pythonBin = pythons.get(python)!;
    const run = (args: string[]) => runUv(uv, args, { dir, cacheDir, pythonBin, options, deadline });
    const made = await run(['venv', '--quiet', '--python', pythonBin, venv]);
    if (made.timedOut) throw new PypiInstallError(`installing ${spec} took longer than the deadline.`, made.output);
    if (made.code !== 0)
      throw new PypiInstallError(`uv venv (Python ${python}) failed: ${tail(made.output)}`, made.output);
    const args = ['pip', 'install', '--quiet', '--python', join(venv, 'bin', 'python')];
    if (options.excludeNewer) args.push('--exclude-newer', options.excludeNewer);
    // A bound is one more requirement: the package already depends on what it bounds.
    args.push(spec, ...constraints);
    const result = await run(args);
    if (result.timedOut) throw new PypiInstallError(`installing ${spec} took longer than the deadline.`, result.output);
    if (result.code === 0) {
      await writeFile(marker, `${wanted}\n${python}\n`);
      return readInstall(venv, pkg, python);
    }
    if (Date.now() >= deadline)
      throw new PypiInstallError(`installing ${spec} took longer than the deadline.`, result.output);
    // The package (or a dependency) wants another Python: pick one its Requires-Python allows and try once more.
    const constraint = pythonConstraint(result.output);
    const next = constraint
      ? pickPython(
          constraint,
          [...pythons.keys()].filter((v) => !tried.has(v)),
        )
      : undefined;
    if (!next) {
      const platform =
        /no (?:matching )?wheels? (?:with a matching|for the current)|platform|manylinux|not supported on|only has wheels/i.test(
          result.output,
        );
      throw new PypiInstallError(
        `uv pip install ${spec} failed (exit ${result.code}): ${tail(result.output)}`,
        result.output,
        platform,
      );
    }
    python = next;
  }
}

// uv in the sandbox: the environment folder and uv's cache writable, the interpreter and uv itself read-only, network
// on.
async function runUv(
  uv: string,
  args: string[],
  ctx: { dir: string; cacheDir: string; pythonBin: string; options: PypiInstallOptions; deadline: number },
) {
  const scratch = join(tmpdir(), 'toolgate-install', randomUUID());
  const home = join(scratch, 'home');
  await mkdir(join(home, 'tmp'), { recursive: true });
  const binds: Bind[] = [
    { path: dirname(uv) },
    ...pythonBinds(ctx.pythonBin),
    { path: ctx.dir, writable: true },
    { path: join(ctx.cacheDir, 'uv-cache'), writable: true },
    { path: scratch, writable: true },
    ...['SSL_CERT_FILE', 'SSL_CERT_DIR'].flatMap((name) =>
      process.env[name] && existsSync(process.env[name]!) && !process.env[name]!.startsWith('/etc/ssl')
        ? [{ path: process.env[name]! }]
        : [],
    ),
  ];
  try {
    return await runSandboxed({
      command: uv,
      args,
      cwd: ctx.dir,
      env: uvEnv(ctx.cacheDir, home, ctx.options),
      binds,
      network: true,
      deadline: ctx.deadline,
      scratch,
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** What a sandboxed process needs to see of an interpreter: its installation folder (pyenv) or nothing extra (/usr). */
export function pythonBinds(pythonBin: string): Bind[] {
  let real = pythonBin;
  try {
    real = realpathSync(pythonBin);
  } catch {
    // Keep the path as given.
  }
  const prefix = dirname(dirname(real));
  return prefix === '/usr' || prefix === '/' ? [] : [{ path: prefix }];
}

function normaliseDist(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '_');
}

function parseIni(text: string, section: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  let inSection = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('[')) {
      inSection = line === `[${section}]`;
      continue;
    }
    const eq = line.indexOf('=');
    if (inSection && eq > 0) out.push([line.slice(0, eq).trim(), line.slice(eq + 1).trim()]);
  }
  return out;
}

function httpsUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the installed package's metadata: console scripts, runnable modules, links, README. */
export async function readInstall(venv: string, pkg: string, python: string): Promise<PypiInstall> {
  const libs = await readdir(join(venv, 'lib')).catch(() => [] as string[]);
  const site = join(venv, 'lib', libs.find((name) => name.startsWith('python')) ?? `python${python}`, 'site-packages');
  const entries = await readdir(site).catch(() => [] as string[]);
  const want = normaliseDist(pkg);
  const distInfo = entries.find(
    (name) => name.endsWith('.dist-info') && normaliseDist(name.replace(/-[^-]+\.dist-info$/, '')) === want,
  );
  const result: PypiInstall = {
    venv,
    python,
    version: distInfo
      ? distInfo
          .replace(/\.dist-info$/, '')
          .split('-')
          .at(-1)!
      : '',
    scripts: [],
    mainModules: [],
    readme: '',
  };
  if (!distInfo) return result;
  const infoDir = join(site, distInfo);
  const entryPoints = await readFile(join(infoDir, 'entry_points.txt'), 'utf8').catch(() => '');
  result.scripts = parseIni(entryPoints, 'console_scripts')
    .map(([name]) => name)
    .filter((name) => /^[\w.-]+$/.test(name))
    .sort();
  const metadata = await readFile(join(infoDir, 'METADATA'), 'utf8').catch(() => '');
  const [head = '', ...body] = metadata.split(/\r?\n\r?\n/);
  const headers = head.split(/\r?\n/);
  const header = (name: string) =>
    headers
      .filter((line) => line.toLowerCase().startsWith(name.toLowerCase() + ':'))
      .map((line) => line.slice(name.length + 1).trim());
  result.requiresPython = header('Requires-Python')[0];
  const urls = header('Project-URL').map((line) => {
    const comma = line.indexOf(',');
    return [line.slice(0, comma).trim().toLowerCase(), line.slice(comma + 1).trim()] as const;
  });
  const repo = urls.find(([label]) => /source|repository|code|github/.test(label))?.[1];
  const home = header('Home-page')[0] ?? urls.find(([label]) => /home/.test(label))?.[1];
  const repository = httpsUrl(repo);
  const homepage = httpsUrl(home);
  if (repository) result.repository = repository;
  if (homepage) result.homepage = homepage;
  result.readme = body.join('\n\n').slice(0, 100_000);
  const record = await readFile(join(infoDir, 'RECORD'), 'utf8').catch(() => '');
  const modules = new Set<string>();
  for (const line of record.split('\n')) {
    const path = line.split(',')[0] ?? '';
    const match = /^([A-Za-z_][\w]*)\/__main__\.py$/.exec(path);
    if (match) modules.add(match[1]!);
  }
  result.mainModules = [...modules].sort();
  return result;
}
