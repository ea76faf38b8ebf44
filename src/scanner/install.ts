// Installs an npm package at an exact version into the git-ignored package cache, once, sandboxed, scripts off by
// default.
import { access, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { checkNpmPackage, npmFolderName } from '../core/paths.ts';
import { refuse, resolveInside, resolveStrictlyInside } from './paths.ts';
import { nodeBinds, runSandboxed } from './sandbox.ts';
import type { Bind, RunResult } from './sandbox.ts';

export interface InstallOptions {
  /** Run the packages' lifecycle scripts (an entry that needs them says why); still sandboxed, with the allow-listed env. */
  scripts?: boolean;
  /** Epoch milliseconds: the server's one deadline, which covers its install too. */
  deadline?: number;
  /** A registry to install from instead of the configured one (a mirror; a local one in tests). */
  registry?: string;
  /** Use cached package metadata without asking the registry again (discovery installs many packages sharing dependencies). */
  preferOffline?: boolean;
}

/** An install that did not finish by the server's deadline (failure code TIMEOUT). */
export class InstallTimeoutError extends Error {
  readonly code = 'TIMEOUT';
}

const inFlight = new Map<string, Promise<string>>();

/** The folder an npm package is installed in: name and version checked, and proven to lie inside the cache. */
export function npmCacheFolder(cacheDir: string, pkg: string, version: string): string {
  refuse(checkNpmPackage(pkg, version), 'Fix the package name or version in the catalogue or server.json');
  return resolveStrictlyInside(cacheDir, npmFolderName(pkg, version));
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Returns the folder holding node_modules for `pkg@version`, installing it first when needed. */
export function installPackage(
  cacheDir: string,
  pkg: string,
  version: string,
  options: InstallOptions = {},
): Promise<string> {
  const dir = npmCacheFolder(cacheDir, pkg, version);
  const key = `${dir}|${options.scripts ? 1 : 0}`;
  let job = inFlight.get(key);
  if (!job) {
    job = doInstall(cacheDir, dir, pkg, version, options);
    inFlight.set(key, job);
    job.then(
      () => inFlight.delete(key),
      () => inFlight.delete(key),
    );
  }
  return job;
}

// Only what npm needs: no credentials, tokens or cloud keys of the scanner's environment reach npm or a package script.
function installEnv(home: string, extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {
    PATH: [...nodeBinds().map((bind) => bind.path), '/usr/local/bin', '/usr/bin', '/bin'].join(':'),
    HOME: home,
    TMPDIR: join(home, 'tmp'),
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    PUPPETEER_SKIP_DOWNLOAD: '1',
    PUPPETEER_SKIP_CHROMIUM_DOWNLOAD: '1',
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
    ...extra,
  };
  // A corporate CA bundle is a public certificate, and TLS to the registry fails without it.
  const ca = process.env.NODE_EXTRA_CA_CERTS;
  if (ca && existsSync(ca)) env.NODE_EXTRA_CA_CERTS = ca;
  return env;
}

let nodedir: string | null | undefined;

// Native builds (node-gyp) need the Node headers the machine's npm is configured with; only that setting is passed on.
function buildSettings(): Record<string, string> {
  if (nodedir === undefined) {
    const result = spawnSync('npm', ['config', 'get', 'nodedir'], { encoding: 'utf8', timeout: 30_000 });
    const value = result.status === 0 ? result.stdout.trim() : '';
    nodedir =
      value && value !== 'undefined' && value !== 'null' && isAbsolute(value) && existsSync(value) ? value : null;
  }
  return nodedir ? { npm_config_nodedir: nodedir } : {};
}

function tail(result: RunResult): string {
  // URLs are dropped: failure records are committed, and host names of registries or CDNs do not belong there.
  return result.output
    .trim()
    .split('\n')
    .slice(-5)
    .join(' | ')
    .replace(/[a-z]+:\/\/\S+/gi, '<url>')
    .replace(/\/root\/\S+|\/home\/\S+|\/tmp\/\S+/g, '<path>');
}

async function doInstall(
  cacheDir: string,
  dir: string,
  pkg: string,
  version: string,
  options: InstallOptions,
): Promise<string> {
  const marker = resolveInside(dir, '.toolgate-installed');
  const spec = `${pkg}@${version}`;
  if ((await exists(marker)) && (await readFile(marker, 'utf8')).trim() === spec) return dir;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  // A package.json of its own keeps npm from walking up into the repository's.
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'toolgate-scan-cache', private: true }) + '\n');
  const npmCache = resolveInside(cacheDir, '.npm');
  await mkdir(npmCache, { recursive: true });
  const scratch = join(tmpdir(), 'toolgate-install', randomUUID());
  const home = join(scratch, 'home');
  await mkdir(join(home, 'tmp'), { recursive: true });
  const binds: Bind[] = [...nodeBinds(), { path: dir, writable: true }, { path: scratch, writable: true }];
  const ca = process.env.NODE_EXTRA_CA_CERTS;
  if (ca && existsSync(ca)) binds.push({ path: ca });
  try {
    // Step 1, npm alone (no package code runs): the user's npm config (registry, auth) is visible to npm, read-only.
    const userconfig = process.env.npm_config_userconfig ?? join(homedir(), '.npmrc');
    const npmEnv: Record<string, string> = {
      npm_config_cache: npmCache,
      ...(options.registry ? { npm_config_registry: options.registry } : {}),
    };
    const npmBinds = [...binds, { path: npmCache, writable: true }];
    if (existsSync(userconfig)) {
      npmEnv.npm_config_userconfig = userconfig;
      npmBinds.push({ path: userconfig });
    }
    const install = await runSandboxed({
      command: 'npm',
      args: [
        'install',
        '--prefix',
        dir,
        '--no-audit',
        '--no-fund',
        '--no-package-lock',
        '--loglevel=error',
        '--save-exact',
        '--ignore-scripts',
        ...(options.preferOffline ? ['--prefer-offline'] : []),
        spec,
      ],
      cwd: dir,
      env: installEnv(home, npmEnv),
      binds: npmBinds,
      network: true,
      deadline: options.deadline,
      scratch,
    });
    check(install, spec, 'npm install', options);
    // Step 2, only for entries that need them: the packages' lifecycle scripts, without the npm config or the shared
    // npm cache.
    if (options.scripts) {
      const rebuild = await runSandboxed({
        command: 'npm',
        args: ['rebuild', '--prefix', dir, '--loglevel=error'],
        cwd: dir,
        env: installEnv(home, { npm_config_cache: join(home, '.npm'), ...buildSettings() }),
        binds: [
          ...binds,
          ...Object.values(buildSettings())
            .filter((dir) => !dir.startsWith('/usr'))
            .map((dir) => ({ path: dir })),
        ],
        network: true,
        deadline: options.deadline,
        scratch,
      });
      check(rebuild, spec, 'npm rebuild (install scripts)', options);
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  await writeFile(marker, spec + '\n');
  return dir;
}

function check(result: RunResult, spec: string, step: string, options: InstallOptions): void {
  if (result.timedOut) {
    throw new InstallTimeoutError(
      `${step} ${spec} did not finish within the server's deadline (--timeout). Rerun with a larger --timeout; a finished install is cached and not repeated.`,
    );
  }
  if (result.code !== 0) {
    const scripts = options.scripts
      ? ''
      : ' Lifecycle scripts were off; an entry that needs them says so (npm.installScripts with the reason).';
    throw new Error(
      `${step} ${spec} failed (exit ${result.code ?? result.signal}): ${tail(result)}. Check the package name and exact version in the catalogue.${scripts}`,
    );
  }
}

/** Published metadata of `pkg@version` (bin, os, cpu, links) from `npm view`, sandboxed; undefined fields are absent. */
export async function npmView(
  cacheDir: string,
  pkg: string,
  version: string,
  options: { registry?: string; deadline?: number } = {},
): Promise<Record<string, unknown>> {
  // An exact version, or the dist-tag "latest" (config entries that do not pin one).
  refuse(checkNpmPackage(pkg, version === 'latest' ? '0.0.0' : version), 'Fix the package name or version');
  const npmCache = resolveInside(cacheDir, '.npm');
  await mkdir(npmCache, { recursive: true });
  const scratch = join(tmpdir(), 'toolgate-install', randomUUID());
  const home = join(scratch, 'home');
  await mkdir(join(home, 'tmp'), { recursive: true });
  const binds: Bind[] = [...nodeBinds(), { path: scratch, writable: true }, { path: npmCache, writable: true }];
  const ca = process.env.NODE_EXTRA_CA_CERTS;
  if (ca && existsSync(ca)) binds.push({ path: ca });
  const userconfig = process.env.npm_config_userconfig ?? join(homedir(), '.npmrc');
  const npmEnv: Record<string, string> = {
    npm_config_cache: npmCache,
    ...(options.registry ? { npm_config_registry: options.registry } : {}),
  };
  if (existsSync(userconfig)) {
    npmEnv.npm_config_userconfig = userconfig;
    binds.push({ path: userconfig });
  }
  try {
    const result = await runSandboxed({
      command: 'npm',
      args: [
        'view',
        '--json',
        '--loglevel=error',
        '--prefer-offline',
        `${pkg}@${version}`,
        'name',
        'version',
        'bin',
        'os',
        'cpu',
        'homepage',
        'repository',
      ],
      cwd: scratch,
      env: installEnv(home, npmEnv),
      binds,
      network: true,
      deadline: options.deadline,
      scratch,
      outputBytes: 256 * 1024,
    });
    if (result.timedOut)
      throw new InstallTimeoutError(`npm view ${pkg}@${version} did not finish within the deadline.`);
    if (result.code !== 0)
      throw new Error(`npm view ${pkg}@${version} failed (exit ${result.code ?? result.signal}): ${tail(result)}`);
    const text = result.output.trim();
    if (!text) return {};
    const parsed = JSON.parse(text.slice(text.indexOf('{'))) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
