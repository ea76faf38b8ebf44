// A secret in a server's env must appear nowhere under content/ nor in any output, even when the server echoes it.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SnapshotSchema } from '../../src/core/schemas/snapshot.ts';
import { fixtureCommand, fixturesDir, readJson, readTree, runCli, tempDir } from './helpers.ts';

const CANARY = 'canary-7f3c9e1a-SECRET-d41d8cd9';

describe('env secrets', () => {
  it('redacts an echoed canary everywhere and passes only allow-listed env plus declared env', async () => {
    const out = await tempDir();
    const dir = await tempDir();
    const config = join(dir, 'claude_desktop_config.json');
    await writeFile(
      config,
      JSON.stringify({
        mcpServers: {
          crashing: {
            command: process.execPath,
            args: [join(fixturesDir, 'canary-env.ts')],
            env: { CANARY, CRASH: '1' },
          },
        },
      }),
    );
    const result = await runCli(
      [
        '--stdio',
        fixtureCommand('canary-env'),
        '--id',
        'canary',
        '--env',
        `CANARY=${CANARY}`,
        '--config',
        config,
        '--out',
        out,
        '--json',
      ],
      {
        // The scanner's own environment holds another secret that must not be passed on.
        TOOLGATE_TEST_PARENT_SECRET: 'parent-secret-value',
      },
    );
    expect(result.code).toBe(1);
    for (const text of [result.stdout, result.stderr]) expect(text).not.toContain(CANARY);
    const files = await readTree(out);
    expect(files.map((file) => file.path.slice(out.length)).sort()).toEqual([
      '/failures/crashing.json',
      '/servers/canary.json',
    ]);
    for (const file of files) expect(file.text, file.path).not.toContain(CANARY);

    const snapshot = SnapshotSchema.parse(await readJson(join(out, 'servers', 'canary.json')));
    expect(snapshot.source).toMatchObject({ envNames: ['CANARY'] });
    expect(snapshot.tools[0]!.description).toBe('Uses key [redacted] to call home.');
    expect(snapshot.findings.map((finding) => finding.code)).toContain('ENV_VALUE_ECHOED');
    const envNames = snapshot.tools.find((tool) => tool.name === 'env_names')!.description!.split(',');
    // The SDK's default allow-list, the declared env, and the scanner's session marker (used to find escaped
    // descendants). PWD is set by bubblewrap to the server's own private working folder.
    const allowed = new Set([
      'HOME',
      'LOGNAME',
      'PATH',
      'PWD',
      'SHELL',
      'TERM',
      'USER',
      'CANARY',
      'TOOLGATE_SCAN_SESSION',
    ]);
    expect(envNames.filter((name) => !allowed.has(name))).toEqual([]);
    expect(envNames).toContain('CANARY');

    const failure = await readJson(join(out, 'failures', 'crashing.json'));
    expect(failure.stderr).toContain('fatal with [redacted]');
  });
});
