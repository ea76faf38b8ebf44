// What a configured command's script may see: its project folder, but never the machine's temp folder itself. A stray
// package.json in /tmp once made the sandbox bind /tmp read-only over its own /tmp, and every scan failed with "bwrap:
// Can't mkdir parents for $HOME".
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commandSandbox } from '../../src/scanner/sandbox.ts';

const saved = process.env.TMPDIR;
let made = '';
afterEach(() => {
  if (saved === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = saved;
  if (made) rmSync(made, { recursive: true, force: true });
});

function fakeTemp(): string {
  made = realpathSync(mkdtempSync(join(tmpdir(), 'toolgate-fake-tmp-')));
  writeFileSync(join(made, 'package.json'), '{}');
  process.env.TMPDIR = made;
  return made;
}

describe('a script argument under the temp folder', () => {
  it('binds only the script when the nearest project marker is the temp folder itself', () => {
    const temp = fakeTemp();
    mkdirSync(join(temp, 'run'));
    const script = join(temp, 'run', 'server.js');
    writeFileSync(script, '');
    const paths = commandSandbox(process.execPath, [script], undefined, process.env.PATH).binds.map((b) => b.path);
    expect(paths).toContain(script);
    expect(paths).not.toContain(temp);
  });

  it('still binds a real project folder inside the temp folder', () => {
    const temp = fakeTemp();
    const project = join(temp, 'project');
    mkdirSync(join(project, 'src'), { recursive: true });
    writeFileSync(join(project, 'package.json'), '{}');
    const script = join(project, 'src', 'server.js');
    writeFileSync(script, '');
    const paths = commandSandbox(process.execPath, [script], undefined, process.env.PATH).binds.map((b) => b.path);
    expect(paths).toContain(project);
    expect(paths).not.toContain(temp);
  });
});
