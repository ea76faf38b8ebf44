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

/** Discovery outcomes for the hostile site's coverage pages: hostile text in every free-text field, links that must not be made. */
export async function writeHostileOutcomes(contentDir: string): Promise<void> {
  const { mkdir, writeFile } = await import('node:fs/promises');
  const { OutcomeSchema } = await import('../../src/core/schemas/outcome.ts');
  const base = { schemaVersion: 1, origin: 'hostile-fixture', envNamesTried: [], attempts: [], triedAt: '2026-11-30T00:00:00.000Z' };
  const outcomes = [
    { ...base, id: HOSTILE_ID, name: 'hostile', registry: 'npm', package: 'hostile-strings', version: '1.0.0', code: 'OK', detail: 'TOOLS_LISTED', message: 'Listed its tools.', tools: 1, homepage: 'http://insecure.example/', repository: 'https://user:pass@example.com/repo' },
    { ...base, id: 'needs-key', name: 'needs-key', registry: 'npm', package: '@evil/needs-key', version: '0.1.0', code: 'NEEDS_CREDENTIALS', detail: 'MISSING_ENV', message: 'Asked for <img src=x onerror=alert(1)> API_KEY.', stderr: '</code><script>alert("stderr")</script> Error: API_KEY is required', envNamesTried: ['API_KEY'] },
    { ...base, id: 'py-crash', name: 'py-crash', registry: 'pypi', package: 'py-crash', version: '2.0', code: 'CRASHED', detail: 'IMPORT_ERROR', message: 'ImportError at start.', stderr: 'ModuleNotFoundError: No module named "\u202Eevil"' },
  ];
  await mkdir(join(contentDir, 'outcomes'), { recursive: true });
  for (const o of outcomes) await writeFile(join(contentDir, 'outcomes', `${o.id}.json`), `${JSON.stringify(OutcomeSchema.parse(o), null, 2)}\n`);
}
