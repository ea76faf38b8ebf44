// A hanging server is a timeout within timeout + 2 s while the others finish, and it leaves no process behind.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aliveAfter, fixtureCommand, isAlive, readJson, runCli, tempDir } from './helpers.ts';

describe('timeouts', () => {
  it('reports the hanging server as TIMEOUT, finishes the others, and kills the whole process group', async () => {
    const out = await tempDir();
    const pidFile = join(await tempDir(), 'pids.json');
    const timeoutS = 8;
    const result = await runCli(
      [
        '--stdio', fixtureCommand('hangs-on-initialize'), '--id', 'hang',
        '--stdio', fixtureCommand('normal'), '--id', 'ok-one',
        '--stdio', fixtureCommand('garbage-stdout'), '--id', 'ok-two',
        '--env', `PID_FILE=${pidFile}`,
        '--timeout', String(timeoutS), '--concurrency', '3', '--out', out, '--json',
      ],
    );
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    const byId = Object.fromEntries(report.servers.map((server: { id: string }) => [server.id, server]));
    expect(byId.hang).toMatchObject({ status: 'failed', error: { code: 'TIMEOUT' } });
    expect(byId.hang.durationMs).toBeLessThanOrEqual((timeoutS + 2) * 1000);
    expect(byId['ok-one']).toMatchObject({ status: 'ok', tools: 3 });
    expect(byId['ok-two']).toMatchObject({ status: 'ok', tools: 1 });
    const failure = await readJson(join(out, 'failures', 'hang.json'));
    expect(failure.code).toBe('TIMEOUT');
    // The server ignored SIGTERM and had started a grandchild: both must be gone.
    const pids = await readJson<{ server: number; grandchild: number; escaped: number }>(pidFile);
    expect(isAlive(pids.server)).toBe(false);
    expect(isAlive(pids.grandchild)).toBe(false);
    // It left the process group with setsid; the session marker in its environment still finds it.
    expect(await aliveAfter(pids.escaped, 2000)).toBe(false);
  });
});

describe('interrupting the scanner', () => {
  it('kills the servers it started when it is itself terminated', async () => {
    const { spawn } = await import('node:child_process');
    const { readFile } = await import('node:fs/promises');
    const { repoRoot } = await import('./helpers.ts');
    const pidFile = join(await tempDir(), 'pids.json');
    const child = spawn(process.execPath, [join(repoRoot, 'src', 'cli', 'scan.ts'), '--stdio', fixtureCommand('hangs-on-initialize'), '--id', 'hang', '--env', `PID_FILE=${pidFile}`, '--timeout', '60', '--out', await tempDir()], { stdio: 'ignore' });
    let pids: { server: number; grandchild: number; escaped: number } | undefined;
    for (let i = 0; i < 200 && !pids; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      pids = await readFile(pidFile, 'utf8').then((text) => JSON.parse(text), () => undefined);
    }
    expect(pids).toBeDefined();
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
    // SIGKILL is sent before the scanner exits; reaping by the new parent may take a moment.
    expect(await aliveAfter(pids!.server, 3000)).toBe(false);
    expect(await aliveAfter(pids!.grandchild, 3000)).toBe(false);
    expect(await aliveAfter(pids!.escaped, 3000)).toBe(false);
  });
});
