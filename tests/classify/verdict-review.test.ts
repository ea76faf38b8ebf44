// The verdict review (issue 11 item 6) is a record: every group's counts agree with its items, every disagreement says
// what was wrong, why and how it was resolved, earlier reviews stay beside newer ones, and the script that draws the
// samples is seeded (the same seed draws the same tools).
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const review = JSON.parse(readFileSync(join(root, 'src', 'core', 'classify', 'verdict-review.json'), 'utf8'));

interface Item {
  tool: string;
  kind?: string;
  was: string;
  expert: string;
  reason: string;
  resolution: string;
  now?: string;
}
interface Group {
  reviewed: number;
  disagreements: number;
  categoryErrors: number;
  riskErrors: number;
  capabilityOnly: number;
  rawErrorRate: number;
  rawCategoryErrorRate?: number;
  fixedByRule?: number;
  partlyFixed?: number;
  open?: number;
  items: Item[];
}

describe('verdict-review.json', () => {
  it('keeps every review, oldest first, each with its date, catalogue and seed and both groups', () => {
    const dates = review.reviews.map((r: { date: string }) => r.date);
    expect(dates.length).toBeGreaterThanOrEqual(2);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(review.reviews.map((r: { seed: number }) => r.seed)).size).toBe(dates.length);
    for (const r of review.reviews) {
      expect(typeof r.catalogue).toBe('string');
      expect(Number.isInteger(r.seed)).toBe(true);
      expect(Object.keys(r.groups).sort()).toEqual(['random', 'riskiest']);
    }
  });

  for (const r of review.reviews as { date: string; groups: Record<string, Group> }[]) {
    for (const [name, g] of Object.entries(r.groups)) {
      it(`${r.date} ${name}: the counts and raw error rates agree with the items`, () => {
        expect(g.reviewed).toBe(100);
        expect(g.items).toHaveLength(g.disagreements);
        expect(g.categoryErrors + g.riskErrors + g.capabilityOnly).toBe(g.disagreements);
        expect(g.rawErrorRate).toBe(Math.round((g.disagreements / g.reviewed) * 100) / 100);
        expect(new Set(g.items.map((i) => i.tool)).size).toBe(g.items.length);
        for (const i of g.items) {
          expect(i.tool).toMatch(/^[^/\s]+\/\S+$/);
          for (const field of [i.was, i.expert, i.reason, i.resolution]) expect(field.trim().length).toBeGreaterThan(0);
          expect(i.resolution).toMatch(/^(?:rule fix|partly|open)/);
        }
        // Newer reviews name each disagreement's kind and how many were fixed; those counts must match too.
        if (g.items.every((i) => i.kind !== undefined)) {
          const count = (kind: string) => g.items.filter((i) => i.kind === kind).length;
          expect(g.categoryErrors).toBe(count('category'));
          expect(g.riskErrors).toBe(count('risk'));
          expect(g.capabilityOnly).toBe(count('capabilities'));
          expect(g.rawCategoryErrorRate).toBe(Math.round((g.categoryErrors / g.reviewed) * 100) / 100);
          const starting = (p: string) => g.items.filter((i) => i.resolution.startsWith(p)).length;
          expect(g.fixedByRule).toBe(starting('rule fix'));
          expect(g.partlyFixed).toBe(starting('partly'));
          expect(g.open).toBe(starting('open'));
          // A fixed item says what it is now.
          for (const i of g.items) if (!i.resolution.startsWith('open')) expect(i.now).toBeDefined();
        }
      });
    }
  }
});

describe('scripts/verdict-review-sample.ts', () => {
  // A small corpus copied from the catalogue keeps this to a few seconds.
  const dir = mkdtempSync(join(tmpdir(), 'verdict-review-'));
  const servers = readdirSync(join(root, 'content', 'servers'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .slice(0, 12);
  for (const f of servers) copyFileSync(join(root, 'content', 'servers', f), join(dir, f));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const sample = (...args: string[]) =>
    run(
      join(root, 'node_modules', '.bin', 'node'),
      [join(root, 'scripts', 'verdict-review-sample.ts'), ...args, '--corpus', dir],
      { cwd: root, maxBuffer: 16 * 1024 * 1024 },
    ).then((r) => r.stdout);
  const toolsOf = (out: string) => out.split('\n').filter((l) => /^\d+\. \S+ => /.test(l));

  it('draws the same random sample for the same seed and another for another seed', async () => {
    const [a, b, c] = await Promise.all([
      sample('random', '--seed', '20261202'),
      sample('random', '--seed', '20261202'),
      sample('random', '--seed', '7'),
    ]);
    expect(a).toBe(b);
    expect(a.split('\n')[0]).toMatch(/^# random \(seed 20261202\): \d+ of \d+ tools$/);
    expect(toolsOf(a).length).toBeGreaterThan(0);
    expect(toolsOf(c)).not.toEqual(toolsOf(a));
  }, 60_000);

  it('with --raw hides annotations: the verdict is what the rules alone say, and the header says so', async () => {
    // A getter its author declares destructive: the site honours the declaration, the raw verdict does not.
    const own = mkdtempSync(join(tmpdir(), 'verdict-review-raw-'));
    const tool = {
      name: 'get_widget',
      description: 'Get one widget by id.',
      annotations: { readOnlyHint: false, destructiveHint: true },
    };
    writeFileSync(join(own, 'declared.json'), JSON.stringify({ tools: [tool] }));
    const by = (...args: string[]) =>
      run(
        join(root, 'node_modules', '.bin', 'node'),
        [join(root, 'scripts', 'verdict-review-sample.ts'), ...args, '--corpus', own],
        { cwd: root },
      ).then((r) => r.stdout);
    try {
      const [site, raw] = await Promise.all([by('riskiest'), by('riskiest', '--raw')]);
      expect(site.split('\n')[0]).not.toMatch(/annotations hidden/);
      expect(toolsOf(site)[0]).toMatch(/^1\. declared\/get_widget => destructive\//);
      expect(site).toMatch(/DECLARED_DESTRUCTIVE:/);
      expect(raw.split('\n')[0]).toMatch(/, annotations hidden$/);
      expect(toolsOf(raw)[0]).toMatch(/^1\. declared\/get_widget => read\//);
      expect(raw).not.toMatch(/DECLARED_/);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  }, 60_000);

  it('lists the riskiest verdicts first and refuses a seed that is not an integer', async () => {
    const out = await sample('riskiest');
    const risks = toolsOf(out).map((l) => / => \w+\/(\w+) /.exec(l)![1]!);
    const order = ['critical', 'high', 'medium', 'low'];
    const ranks = risks.map((r) => order.indexOf(r));
    expect(ranks.every((x) => x >= 0)).toBe(true);
    expect([...ranks].sort((x, y) => x - y)).toEqual(ranks);
    await expect(sample('random', '--seed', 'abc')).rejects.toThrow(/--seed must be an integer/);
  }, 60_000);
});
