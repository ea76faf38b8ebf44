// Produces the hostile catalogue for real: the scanner CLI (npm run scan) lists the hostile-strings fixture server over stdio into a temp content folder.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { ROOT } from './site-build.ts';

/** The id the hostile server is catalogued under. */
export const HOSTILE_ID = 'hostile';
export const HOSTILE_SERVER = join(ROOT, 'tests/fixtures/servers/hostile-strings.ts');

/**
 * Run `scan --stdio "<node> tests/fixtures/servers/hostile-strings.ts" --id hostile --out <contentDir>` and return the
 * snapshot's path. The fixture runs on this same Node (24), started by the scanner as any stdio server would be.
 */
export async function writeHostileContent(contentDir: string): Promise<string> {
  const args = [
    join(ROOT, 'src/cli/scan.ts'),
    '--stdio',
    `${process.execPath} ${relative(ROOT, HOSTILE_SERVER)}`,
    '--id',
    HOSTILE_ID,
    '--out',
    contentDir,
    '--timeout',
    '120',
    '--json',
  ];
  let output = '';
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('close', done);
  });
  if (code !== 0) throw new Error(`The scanner could not scan the hostile fixture (exit ${code}); without it the hostile site cannot be built. Output:\n${output.slice(-4000)}`);
  const file = join(contentDir, 'servers', `${HOSTILE_ID}.json`);
  // Fail here, with the scanner's report, rather than later with an empty site.
  await readFile(file, 'utf8').catch(() => {
    throw new Error(`The scanner exited 0 but wrote no ${file}. Its report:\n${output.slice(-4000)}`);
  });
  return file;
}
