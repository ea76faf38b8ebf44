// Builds a catalogue into its own out/cache folders (astro build, which also writes the Pagefind index), so test builds
// never collide with dist/ or each other.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** Repository root (this file is tests/helpers/site-build.ts). */
export const ROOT = resolve(import.meta.dirname, '..', '..');

export interface BuiltSite {
  /** Absolute path of the built site (astro outDir, with pagefind/ inside). */
  outDir: string;
  /** Where the build and pagefind output went. */
  logFile: string;
  /** Wall seconds of astro build (search index included). */
  seconds: { build: number };
}

// Vitest marks its environment as a test run; a site build must see a normal production environment.
function buildEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra, NODE_ENV: 'production' };
  for (const key of Object.keys(env))
    if (key === 'TEST' || key === 'VITEST' || key.startsWith('VITEST_')) delete env[key];
  return env;
}

async function run(args: string[], env: NodeJS.ProcessEnv, logFile: string, what: string): Promise<number> {
  const started = performance.now();
  const log = createWriteStream(logFile, { flags: 'a' });
  log.write(`\n$ ${args.join(' ')}\n`);
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.on('error', fail);
    child.on('close', done);
  });
  await new Promise<void>((done) => log.end(done));
  if (code !== 0) {
    const tail = (await readFile(logFile, 'utf8')).split('\n').slice(-40).join('\n');
    throw new Error(
      `${what} failed with exit code ${code}. Last lines of ${logFile}:\n${tail}\nFix the build error above; the full log is kept in that file.`,
    );
  }
  return (performance.now() - started) / 1000;
}

/**
 * Build the site from `contentDir` (undefined: the committed content/) into `workDir`/dist, search index included.
 * Each call gets its own TOOLGATE_OUT_DIR and TOOLGATE_CACHE_DIR under workDir.
 */
export async function buildSite(dir: string, contentDir?: string): Promise<BuiltSite> {
  const workDir = resolve(dir);
  await mkdir(workDir, { recursive: true });
  const outDir = join(workDir, 'dist');
  const logFile = join(workDir, 'build.log');
  const env = buildEnv({
    TOOLGATE_OUT_DIR: outDir,
    TOOLGATE_CACHE_DIR: join(workDir, 'cache'),
    ...(contentDir ? { TOOLGATE_CONTENT_DIR: resolve(contentDir) } : {}),
  });
  // The build writes the Pagefind index itself (the toolgate-build-outputs integration), as `npm run build` does.
  const build = await run([join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], env, logFile, 'astro build');
  return { outDir, logFile, seconds: { build } };
}
