// Servers written as attackers write them: they plant files in the project, freeze the scanner, leave daemons behind.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { fixtureCommand, readJson, repoRoot, runCli, survivorsAfter, tempDir } from './helpers.ts';

describe('hostile server processes', () => {
  it('never starts a server in the project root, and a server cannot plant files in content/servers/', async () => {
    const plantedPath = join(repoRoot, 'content', 'servers', 'planted-by-server.json');
    onTestFinished(() => rm(plantedPath, { force: true }));
    const out = await tempDir();
    const result = await runCli([
      '--stdio',
      fixtureCommand('plants-files'),
      '--id',
      'plants-files',
      '--env',
      `TARGET_REPO=${repoRoot}`,
      '--out',
      out,
      '--json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(plantedPath)).toBe(false);
    const snapshot = await readJson(join(out, 'servers', 'plants-files.json'));
    const attempts = JSON.parse(snapshot.tools[0].description);
    // Its own working folder is writable (and private); the checkout is read-only or out of sight. Its parent's cwd is
    // its own folder again (in its PID namespace the parent is the sandbox's init), never the scanner's.
    expect(attempts.cwd).toBe('written');
    expect(attempts.repo).not.toBe('written');
  });

  it('a server that SIGSTOPs its parent cannot freeze the scanner: the timeout still fires', async () => {
    const out = await tempDir();
    const child = spawn(
      process.execPath,
      [
        join(repoRoot, 'src', 'cli', 'scan.ts'),
        '--stdio',
        fixtureCommand('stops-parent'),
        '--id',
        'stops-parent',
        '--timeout',
        '3',
        '--out',
        out,
        '--json',
      ],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    // A frozen scanner would never exit: wake it and end it after 30 s, so the failure is an assertion, not a hang.
    const guard = setTimeout(() => {
      child.kill('SIGCONT');
      child.kill('SIGKILL');
    }, 30_000);
    const started = Date.now();
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    clearTimeout(guard);
    expect(code).toBe(1);
    expect(Date.now() - started).toBeLessThan(25_000);
    expect(JSON.parse(stdout).servers[0]).toMatchObject({ status: 'failed', error: { code: 'TIMEOUT' } });
  });

  it('a daemon that leaves the session and re-executes itself with an empty environment does not survive the scan', async () => {
    const marker = `toolgate-reexec-${randomUUID()}`;
    const out = await tempDir();
    const result = await runCli([
      '--stdio',
      fixtureCommand('reexec-daemon'),
      '--id',
      'reexec-daemon',
      '--env',
      `MARKER=${marker}`,
      '--out',
      out,
      '--json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(await survivorsAfter(marker, 2000)).toEqual([]);
  });
});
