// The acceptance targets on the shared corpus, measured by the real eval script (annotations hidden from the classifier).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');

describe('eval:classifier on the shared corpus', () => {
  it('meets M1 ≥ 0.95, M2 ≤ 0.01, M3 ≥ 0.85 raw, has no stale exceptions, and lists every disagreement', async () => {
    const { stdout } = await run(join(root, 'node_modules', '.bin', 'node'), [join(root, 'scripts', 'eval-classifier.ts'), '--json'], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    const report = JSON.parse(stdout);
    expect(report.corpus.tools).toBeGreaterThan(1_000);
    expect(report.raw.M1.value).toBeGreaterThanOrEqual(0.95);
    expect(report.raw.M2.value).toBeLessThanOrEqual(0.01);
    expect(report.raw.M3.value).toBeGreaterThanOrEqual(0.85);
    expect(report.reviewed.M1.value).toBeGreaterThanOrEqual(report.raw.M1.value);
    expect(report.exceptions.stale).toEqual([]);
    expect(report.m3Servers.length).toBeGreaterThan(0);
    const wrong = report.raw.M1.total - report.raw.M1.agree;
    expect(report.disagreements.filter((d: { kind: string }) => d.kind === 'read-vs-change')).toHaveLength(wrong);
  });

  it('reports a held-out tools/list file beside the corpus, raw, with its disagreements (--holdout FILE)', async () => {
    const delx = join(root, '..', 'shared', 'fixtures', 'delx', 'tools.json');
    expect(existsSync(delx)).toBe(true);
    const { stdout } = await run(join(root, 'node_modules', '.bin', 'node'), [join(root, 'scripts', 'eval-classifier.ts'), '--json', '--holdout', delx], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    const report = JSON.parse(stdout);
    expect(report.holdout).toHaveLength(1);
    const h = report.holdout[0];
    expect(h.server).toBe('delx');
    expect(h.tools).toBe(143);
    expect(h.raw.M1.total).toBe(143);
    expect(h.m3).toBe(false);
    expect(h.raw.M3.value).toBeNull();
    expect(h.disagreements).toHaveLength(h.raw.M1.total - h.raw.M1.agree);
    const cells = Object.values(h.confusion as Record<string, Record<string, number>>).flatMap((row) => Object.values(row));
    expect(cells.reduce((a, b) => a + b, 0)).toBe(143);
  });
});
