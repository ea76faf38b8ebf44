// Test helpers: run the real scan CLI as a child process, and locate fixture servers.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { onTestFinished } from 'vitest';

export const repoRoot = resolve(import.meta.dirname, '..', '..');
export const fixturesDir = join(repoRoot, 'tests', 'fixtures', 'servers');
export const sharedDir = resolve(process.env.TOOLGATE_SHARED_DIR ?? join(repoRoot, '..', 'shared'));

/** A --stdio command line that starts a fixture server with this Node. */
export function fixtureCommand(name: string): string {
  return `"${process.execPath}" "${join(fixturesDir, `${name}.ts`)}"`;
}

/** A fresh temporary folder, removed when the current test finishes. */
export async function tempDir(prefix = 'toolgate-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'src', 'cli', 'scan.ts'), ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolvePromise({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

export async function readJson<T = Record<string, any>>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T;
}

/** Every file under a folder, with its text (to search for leaked secrets). */
export async function readTree(dir: string): Promise<Array<{ path: string; text: string }>> {
  const out: Array<{ path: string; text: string }> = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      out.push({ path, text: await readFile(path, 'utf8') });
    }
  }
  return out;
}

/** Whether a process still runs; a zombie (killed, waiting for its new parent to reap it) counts as gone. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Polls until the process is gone or `ms` pass; returns whether it is still alive. */
export async function aliveAfter(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (isAlive(pid) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
  return isAlive(pid);
}

/** Live (non-zombie) processes whose command line or environment holds `marker`: how tests find what a server started. */
export function processesWith(marker: string): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'latin1');
      let environ = '';
      try {
        environ = readFileSync(`/proc/${name}/environ`, 'latin1');
      } catch {
        // Not readable: the command line decides.
      }
      if ((cmdline.includes(marker) || environ.includes(marker)) && isAlive(Number(name))) found.push(Number(name));
    } catch {
      // Gone.
    }
  }
  return found;
}

/** Polls until no process holds `marker` or `ms` pass; returns those still alive (SIGKILLed afterwards so a failing test leaves none). */
export async function survivorsAfter(marker: string, ms: number): Promise<number[]> {
  const until = Date.now() + ms;
  let alive = processesWith(marker);
  while (alive.length > 0 && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    alive = processesWith(marker);
  }
  for (const pid of alive) {
    try {
      process.kill(pid, 'SIGCONT');
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone.
    }
  }
  return alive;
}
