// A hanging server is a timeout within timeout + 2 s while the others finish, and it leaves no process behind.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { fixtureCommand, processesWith, readJson, runCli, survivorsAfter, tempDir } from './helpers.ts';

describe('timeouts', () => {
  it('reports the hanging server as TIMEOUT, finishes the others, and kills the whole process group', async () => {
    const out = await tempDir();
    const marker = `toolgate-hang-${randomUUID()}`;
    const timeoutS = 8;
    const result = await runCli([
      '--stdio',
      fixtureCommand('hangs-on-initialize'),
      '--id',
      'hang',
      '--stdio',
      fixtureCommand('normal'),
      '--id',
      'ok-one',
      '--stdio',
      fixtureCommand('garbage-stdout'),
      '--id',
      'ok-two',
      '--env',
      `MARKER=${marker}`,
      '--timeout',
      String(timeoutS),
      '--concurrency',
      '3',
      '--out',
      out,
      '--json',
    ]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    const byId = Object.fromEntries(report.servers.map((server: { id: string }) => [server.id, server]));
    expect(byId.hang).toMatchObject({ status: 'failed', error: { code: 'TIMEOUT' } });
    expect(byId.hang.durationMs).toBeLessThanOrEqual((timeoutS + 2) * 1000);
    expect(byId['ok-one']).toMatchObject({ status: 'ok', tools: 3 });
    expect(byId['ok-two']).toMatchObject({ status: 'ok', tools: 1 });
    const failure = await readJson(join(out, 'failures', 'hang.json'));
    expect(failure.code).toBe('TIMEOUT');
    // The server ignored SIGTERM and had started a grandchild and a setsid grandchild: all must be gone.
    expect(await survivorsAfter(marker, 2000)).toEqual([]);
  });
});

describe('interrupting the scanner', () => {
  it('kills the servers it started when it is itself terminated', async () => {
    const { spawn } = await import('node:child_process');
    const { repoRoot } = await import('./helpers.ts');
    const marker = `toolgate-hang-${randomUUID()}`;
    const child = spawn(
      process.execPath,
      [
        join(repoRoot, 'src', 'cli', 'scan.ts'),
        '--stdio',
        fixtureCommand('hangs-on-initialize'),
        '--id',
        'hang',
        '--env',
        `MARKER=${marker}`,
        '--timeout',
        '60',
        '--out',
        await tempDir(),
      ],
      { stdio: 'ignore' },
    );
    // The server, its grandchild and its setsid grandchild.
    for (let i = 0; i < 200 && processesWith(marker).length < 3; i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(processesWith(marker).length).toBeGreaterThanOrEqual(3);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
    // SIGKILL is sent before the scanner exits; reaping by the new parent may take a moment.
    expect(await survivorsAfter(marker, 3000)).toEqual([]);
  });
});
