// Installs an npm package at an exact version into the git-ignored package cache, once, without browser downloads.
import { spawn } from 'node:child_process';
import { access, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const inFlight = new Map<string, Promise<string>>();

function cacheFolder(cacheDir: string, pkg: string, version: string): string {
  return join(cacheDir, `${pkg.replace(/^@/, '').replace(/[^A-Za-z0-9._-]+/g, '__')}@${version}`);
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-8000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** Returns the folder holding node_modules for `pkg@version`, installing it first when needed. */
export function installPackage(cacheDir: string, pkg: string, version: string, options: { ignoreScripts?: boolean } = {}): Promise<string> {
  const dir = cacheFolder(cacheDir, pkg, version);
  const key = `${dir}|${options.ignoreScripts ? 1 : 0}`;
  let job = inFlight.get(key);
  if (!job) {
    job = doInstall(dir, pkg, version, options);
    inFlight.set(key, job);
    job.catch(() => inFlight.delete(key));
  }
  return job;
}

async function doInstall(dir: string, pkg: string, version: string, options: { ignoreScripts?: boolean }): Promise<string> {
  const marker = join(dir, '.toolgate-installed');
  const spec = `${pkg}@${version}`;
  if ((await exists(marker)) && (await readFile(marker, 'utf8')).trim() === spec) return dir;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  // A package.json of its own keeps npm from walking up into the repository's.
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'toolgate-scan-cache', private: true }) + '\n');
  const args = ['install', '--prefix', dir, '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error', '--save-exact'];
  if (options.ignoreScripts) args.push('--ignore-scripts');
  args.push(spec);
  const env = { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1', PUPPETEER_SKIP_CHROMIUM_DOWNLOAD: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
  const { code, output } = await run('npm', args, env, 10 * 60_000);
  if (code !== 0) {
    // URLs are dropped: failure records are committed, and host names of registries or CDNs do not belong there.
    const tail = output.trim().split('\n').slice(-5).join(' | ').replace(/[a-z]+:\/\/\S+/gi, '<url>').replace(/\/root\/\S+|\/home\/\S+/g, '<path>');
    throw new Error(`npm install ${spec} failed (exit ${code}): ${tail}. Check the package name and exact version in the catalogue, and the notes on install scripts.`);
  }
  await writeFile(marker, spec + '\n');
  return dir;
}
