// Inputs written as an attacker would: a config whose key is a catalogue id, a config of 130,000 servers, --out on a
// kernel file system, a FIFO planted where a snapshot goes. Each is refused or recorded quickly; nothing hangs or
// crashes.
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCommand, repoRoot, runCli, tempDir } from './helpers.ts';

async function catalogueId(): Promise<string> {
  const catalogue = JSON.parse(await readFile(join(repoRoot, 'catalog', 'servers.json'), 'utf8')) as {
    servers: Array<{ id: string }>;
  };
  return catalogue.servers[0]!.id;
}

describe('ids', () => {
  it('refuses a config server or --id that would overwrite a catalogue snapshot, and says what to do', async () => {
    const id = await catalogueId();
    const out = await tempDir();
    await mkdir(join(out, 'servers'), { recursive: true });
    const curated = join(out, 'servers', `${id}.json`);
    await copyFile(join(repoRoot, 'content', 'servers', `${id}.json`), curated);
    const before = await readFile(curated, 'utf8');
    const dir = await tempDir();
    const config = join(dir, 'claude_desktop_config.json');
    await writeFile(
      config,
      JSON.stringify({
        mcpServers: {
          [id]: { command: process.execPath, args: [join(repoRoot, 'tests', 'fixtures', 'servers', 'normal.ts')] },
        },
      }),
    );
    for (const args of [
      ['--config', config],
      ['--stdio', fixtureCommand('normal'), '--id', id],
    ]) {
      const result = await runCli([...args, '--out', out]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`server "${id}" has the id of a catalogue server`);
      expect(result.stderr).toContain('--out DIR');
      expect(await readFile(curated, 'utf8')).toBe(before);
    }
    // Into a folder without that snapshot, the same scan is fine.
    const elsewhere = await tempDir();
    const fine = await runCli(['--stdio', fixtureCommand('normal'), '--id', id, '--out', elsewhere]);
    expect(fine.code).toBe(0);
  }, 180_000);
});

describe('hostile inputs', () => {
  it('refuses a config of 130,000 servers with a clear error instead of crashing', async () => {
    const dir = await tempDir();
    const servers: Record<string, unknown> = {};
    for (let i = 0; i < 130_000; i++) servers[`s${i}`] = { command: 'true' };
    const config = join(dir, 'mcp.json');
    await writeFile(config, JSON.stringify({ mcpServers: servers }));
    const result = await runCli(['--config', config, '--out', await tempDir()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('lists 130000 servers; the scanner takes at most 10000 from one file');
  });

  it.each(['/proc/toolgate-out', '/proc/self', '/dev', '/sys/kernel'])('refuses --out %s quickly', async (out) => {
    const result = await runCli(['--stdio', fixtureCommand('normal'), '--id', 'x', '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--out ${out} cannot be used`);
    expect(result.ms).toBeLessThan(30_000);
  });

  it('records a failure, without hanging, when a FIFO was planted where the snapshot goes', async () => {
    const out = await tempDir();
    await mkdir(join(out, 'servers'), { recursive: true });
    execFileSync('mkfifo', [join(out, 'servers', 'planted.json')]);
    const result = await runCli([
      '--stdio',
      fixtureCommand('normal'),
      '--id',
      'planted',
      '--stdio',
      fixtureCommand('normal'),
      '--id',
      'healthy',
      '--out',
      out,
      '--json',
    ]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.servers.map((server: { id: string; status: string }) => `${server.id} ${server.status}`)).toEqual([
      'planted failed',
      'healthy ok',
    ]);
    expect(report.servers[0].error.message).toContain('is not a regular file');
    expect((await readdir(join(out, 'servers'))).sort()).toEqual(['healthy.json', 'planted.json']);
  }, 180_000);
});
