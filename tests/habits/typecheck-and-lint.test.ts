// `npm test` also type-checks (tsc --noEmit, the project's strict tsconfig) and checks lint and formatting (Biome,
// biome.json: 120 columns): both as child processes in parallel with the other tests, so a single-file run stays quick.
// `npm run check` runs the same two; `npm run format` fixes the formatting.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function run(bin: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(join(ROOT, 'node_modules', '.bin', bin), args, {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, output }));
  });
}

describe('code habits', () => {
  it('type-checks with tsc --noEmit', async () => {
    const { code, output } = await run('tsc', ['--noEmit', '-p', '.']);
    expect(output.slice(0, 4000), 'tsc found type errors; run `npm run check` and fix them').toBe('');
    expect(code).toBe(0);
  });

  it('lints clean and is formatted, with Biome', async () => {
    const { code, output } = await run('biome', ['check', '--error-on-warnings', '--max-diagnostics=30']);
    expect(code, `Biome found problems (run \`npm run check\`):\n${output.slice(-6000)}`).toBe(0);
  });
});
