// Tool pages write their policy files through the sink during a build; the closing hook can tell when some are missing.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closePolicyFileSink, emitPolicyFiles, expectPolicyFiles, openPolicyFileSink } from '../../src/site/policy-sink.ts';

const dirs: string[] = [];
const fresh = () => {
  const d = mkdtempSync(join(tmpdir(), 'toolgate-sink-'));
  dirs.push(d);
  return d;
};
afterEach(async () => {
  await closePolicyFileSink('/nonexistent').catch(() => undefined);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('policy file sink', () => {
  it('writes nothing and reports nothing when no build opened it', async () => {
    await emitPolicyFiles('s', 't', [{ fileName: 'policy.json', text: '{}\n' }, { fileName: 'policy.intercept.yaml', text: 'x: 1\n' }]);
    expect(await closePolicyFileSink(fresh())).toBeUndefined();
  });

  it('writes every file beside each page and reports the count when every expected page wrote them', async () => {
    const out = fresh();
    openPolicyFileSink(out);
    expectPolicyFiles(3);
    for (let i = 0; i < 3; i++) await emitPolicyFiles('srv', `tool-${i}`, [{ fileName: 'policy.json', text: `{"i":${i}}\n` }, { fileName: 'policy.intercept.yaml', text: `i: ${i}\n` }]);
    expect(await closePolicyFileSink(out)).toBe(3);
    expect(readdirSync(join(out, 'servers', 'srv')).sort()).toEqual(['tool-0', 'tool-1', 'tool-2']);
    expect(readFileSync(join(out, 'servers', 'srv', 'tool-2', 'policy.json'), 'utf8')).toBe('{"i":2}\n');
    expect(readFileSync(join(out, 'servers', 'srv', 'tool-2', 'policy.intercept.yaml'), 'utf8')).toBe('i: 2\n');
  });

  it('reports undefined (so the hook writes every tool itself) when pages are missing or the folder differs', async () => {
    const out = fresh();
    openPolicyFileSink(out);
    expectPolicyFiles(2);
    await emitPolicyFiles('srv', 'only-one', [{ fileName: 'policy.json', text: '{}\n' }]);
    expect(await closePolicyFileSink(out)).toBeUndefined();
    openPolicyFileSink(out);
    expectPolicyFiles(1);
    await emitPolicyFiles('srv', 'one', [{ fileName: 'policy.json', text: '{}\n' }]);
    expect(await closePolicyFileSink(fresh())).toBeUndefined();
  });

  it('refuses a folder outside the output folder, and surfaces write errors when the build closes', async () => {
    const out = fresh();
    openPolicyFileSink(out);
    await expect(emitPolicyFiles('..', '..', [{ fileName: 'policy.json', text: '' }])).rejects.toThrow(/would leave the output folder.*slug bug/);
    await emitPolicyFiles('srv', 'a/policy.json', [{ fileName: 'policy.json', text: '{}\n' }]);
    await emitPolicyFiles('srv', 'a', [{ fileName: 'policy.json', text: '{}\n' }]);
    await expect(closePolicyFileSink(out)).rejects.toThrow(/policy files failed.*writable/);
  });

  it('refuses a file name that is not a plain name', async () => {
    const out = fresh();
    openPolicyFileSink(out);
    await emitPolicyFiles('srv', 'a', [{ fileName: '../escape.json', text: '{}' }]);
    await expect(closePolicyFileSink(out)).rejects.toThrow(/not a plain file name/);
  });
});
