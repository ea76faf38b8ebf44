// The combiner as data: COMBINE_STEPS decides how hits combine; a rule added to the list changes verdicts with no
// combiner change; weights are honoured; and every rule in RULES decides at least one verdict of the committed
// catalogue.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  classify,
  COMBINE_STEPS,
  combine,
  RULES,
  type ClassifiableTool,
  type Rule,
} from '../../src/core/classify/index.ts';
import { extractSignals } from '../../src/core/classify/signals.ts';

const root = join(import.meta.dirname, '..', '..');
const catalogue: ClassifiableTool[] = readdirSync(join(root, 'content', 'servers'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .flatMap(
    (f) =>
      (JSON.parse(readFileSync(join(root, 'content', 'servers', f), 'utf8')) as { tools: ClassifiableTool[] }).tools,
  )
  .concat(
    (
      JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'classify', 'decisive-tools.json'), 'utf8')) as {
        tools: ClassifiableTool[];
      }
    ).tools,
  )
  .concat(
    Object.values(
      (
        JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'classify', 'issue-11-examples.json'), 'utf8')) as {
          servers: Record<string, { tools: ClassifiableTool[] }>;
        }
      ).servers,
    ).flatMap((s) => s.tools),
  );

/** A rule that exists only in this test: "frobnicate" in a name means destruction. */
const frobnicate = (weight: number, role?: Rule['role']): Rule => ({
  code: 'TEST_FROBNICATE',
  summary: 'test only',
  ...(role !== undefined ? { role } : {}),
  apply: (s) =>
    s.nameWords.includes('frobnicate')
      ? [{ effect: 'destructive', matched: ['frobnicate'], source: 'name', weight }]
      : [],
});

describe('COMBINE_STEPS', () => {
  it('is ordered data with permanent ids and words for every step', () => {
    expect(COMBINE_STEPS.map((s) => s.id)).toEqual(['VERB', 'RAISE', 'INTENSIFY', 'FALLBACK']);
    for (const s of COMBINE_STEPS) expect(s.when.length).toBeGreaterThan(20);
  });

  it('a rule added to the list changes verdicts without touching the combiner', () => {
    const tool = { name: 'get_frobnicate_report' };
    expect(classify(tool).category).toBe('read');
    expect(classify(tool, { rules: [...RULES, frobnicate(2, 'raise')] }).category).toBe('destructive');
    expect(classify(tool, { rules: [...RULES, frobnicate(2, 'raise')] }).evidence.map((e) => e.code)).toContain(
      'TEST_FROBNICATE',
    );
  });

  it('honours weights: a heavier verb hit outvotes the name verb, a lighter one does not', () => {
    const tool = { name: 'get_frobnicate_report' };
    expect(classify(tool, { rules: [...RULES, frobnicate(4)] }).category).toBe('destructive');
    expect(classify(tool, { rules: [...RULES, frobnicate(2)] }).category).toBe('read');
    // Equal weight: the most dangerous of the heaviest hits wins.
    expect(classify(tool, { rules: [...RULES, frobnicate(3)] }).category).toBe('destructive');
  });

  it('intensify never turns a read into a change; raise does', () => {
    const hit = (effect: 'read' | 'write' | 'destructive', role: 'verb' | 'raise' | 'intensify', weight = 3) => ({
      effect,
      role,
      weight,
      matched: [],
      source: 'name' as const,
      code: 'T',
    });
    expect(combine([hit('read', 'verb'), hit('destructive', 'intensify')]).category).toBe('read');
    expect(combine([hit('write', 'verb'), hit('destructive', 'intensify')]).category).toBe('destructive');
    expect(combine([hit('read', 'verb'), hit('write', 'raise', 1)]).category).toBe('write');
    expect(combine([hit('destructive', 'verb'), hit('write', 'raise')]).category).toBe('destructive');
    expect(combine([]).category).toBeUndefined();
  });

  it('a fallback decides only what nothing or a weight-1 write verb decided, with no raise or intensify hit', () => {
    const hit = (
      effect: 'read' | 'write' | 'destructive',
      role: 'verb' | 'raise' | 'intensify' | 'fallback',
      weight = 1,
    ) => ({
      effect,
      role,
      weight,
      code: 'TEST',
      matched: [],
      source: 'name' as const,
    });
    const alone = combine([hit('read', 'fallback')]);
    expect(alone.category).toBe('read');
    expect(alone.decidedBy).toBe('FALLBACK');
    // A noun-or-verb name word (weight 1) alone gives way; anything firmer does not.
    const weak = combine([hit('write', 'verb'), hit('read', 'fallback')]);
    expect(weak.category).toBe('read');
    expect(weak.decidedBy).toBe('FALLBACK');
    expect(combine([hit('write', 'verb', 2), hit('read', 'fallback')]).category).toBe('write');
    expect(combine([hit('destructive', 'verb'), hit('read', 'fallback')]).category).toBe('destructive');
    // A raise hit, even one that changed nothing (the verb already said write), keeps the change.
    expect(combine([hit('write', 'verb'), hit('write', 'raise'), hit('read', 'fallback')]).category).toBe('write');
    expect(combine([hit('write', 'raise'), hit('read', 'fallback')]).category).toBe('write');
    expect(combine([hit('destructive', 'intensify'), hit('read', 'fallback')]).category).toBe('destructive');
    expect(combine([hit('read', 'verb', 3), hit('read', 'fallback')]).decidedBy).toBe('VERB');
  });
});

describe('every rule decides something', () => {
  const key = (t: ClassifiableTool, rules: readonly Rule[]) => {
    const v = classify(t, { ignoreAnnotations: true, rules });
    return `${v.category}/${v.risk}/${v.capabilities.join(',')}`;
  };
  const signals = catalogue.map((t) => extractSignals(t));
  it.each(RULES.map((r) => [r.code, r] as const))(
    '%s changes at least one verdict of the catalogue or its fixtures when left out',
    (_code, rule) => {
      const without = RULES.filter((r) => r !== rule);
      // Leaving a rule out can only change the verdicts of tools it fires on.
      const fired = catalogue.filter((_t, i) => rule.apply(signals[i]!).length > 0);
      expect(fired.length).toBeGreaterThan(0);
      expect(fired.some((t) => key(t, without) !== key(t, RULES))).toBe(true);
    },
  );
});
