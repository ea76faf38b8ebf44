// The packed `toolgate` bin: `npm pack`, install the tarball into a temporary folder with no registry, run the bin
// there.
import { execFile } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../scanner/helpers.ts';
import { fakeHome, repoRoot, runAudit } from './helpers.ts';

const run = promisify(execFile);

describe('packed bin', () => {
  it('installs from the tarball offline and audits a fake home from a temp folder', async () => {
    const dir = await tempDir('toolgate-pack-');
    // prepack bundles bin/toolgate.mjs; the tarball holds the bundle, the report's JSON Schema and the README only.
    const packed = await run('npm', ['pack', '--json', '--pack-destination', dir], {
      cwd: repoRoot,
      maxBuffer: 16 * 1024 * 1024,
    });
    const [info] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    expect(info!.files.map((file) => file.path).sort()).toEqual([
      'README.md',
      'bin/audit-report-v1.schema.json',
      'bin/toolgate.mjs',
      'package.json',
    ]);
    const app = join(dir, 'app');
    await mkdir(app);
    await writeFile(
      join(app, 'package.json'),
      JSON.stringify({ name: 'audit-pack-test', version: '1.0.0', private: true }),
    );
    // --offline: npm may use only its cache; the package has no runtime dependencies, so nothing is fetched.
    await run(
      'npm',
      ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', join(dir, info!.filename)],
      { cwd: app },
    );
    expect(await readdir(join(app, 'node_modules'))).toEqual(['.bin', '.package-lock.json', 'toolgate']);
    const bin = join(app, 'node_modules', '.bin', 'toolgate');

    const version = await run(bin, ['--version'], { cwd: app });
    expect(version.stdout).toBe('toolgate 0.1.0\n');
    const { home, project } = await fakeHome();
    const result = await runAudit(
      ['audit', '--client', 'claude-code', '--project', project, '--no-lock', '--format', 'markdown'],
      { home, cwd: app, entry: [join(app, 'node_modules', 'toolgate', 'bin', 'toolgate.mjs')] },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('## Toolgate audit');
    expect(result.stdout).toMatch(/\| notes \| claude-code \| scanned \| 3 \| 1 \| 1 \| 1 \| high \| \d+ \|/);
  }, 300_000);
});
