// The learned component: deterministic training, a rule that may only raise a read to a write when the model is sure,
// evidence that names the words that weighed, and a committed model that is what the catalogue trains.
import { describe, expect, it } from 'vitest';
import {
  classify,
  LEARNED,
  LEARNED_LOWER_THRESHOLD,
  LEARNED_THRESHOLD,
  learnedFallback,
  learnedFeatures,
  learnedPredict,
  learnedRaise,
  RULES,
  trainLearned,
  type LearnedSample,
} from '../../src/core/classify/index.ts';
import { extractSignals } from '../../src/core/classify/signals.ts';

// A toy corpus: "frob" tools change state, "glim" tools read.
const toy: LearnedSample[] = [];
for (let i = 0; i < 40; i++) {
  toy.push({
    x: learnedFeatures(extractSignals({ name: `frob_item_${i % 5}`, description: 'Frob the item.' })),
    y: 1,
    w: 1,
  });
  toy.push({
    x: learnedFeatures(extractSignals({ name: `glim_item_${i % 5}`, description: 'Glim the item.' })),
    y: 0,
    w: 1,
  });
}

describe('learned component', () => {
  it('trains deterministically: the same samples give the same model, byte for byte', () => {
    expect(JSON.stringify(trainLearned(toy))).toBe(JSON.stringify(trainLearned(toy)));
    const m = trainLearned(toy);
    expect(Object.keys(m.weights)).toEqual([...Object.keys(m.weights)].sort());
    expect(m.threshold).toBe(LEARNED_THRESHOLD);
    expect(m.lowerThreshold).toBe(LEARNED_LOWER_THRESHOLD);
  });

  it('learns which words mean a change, and says which words weighed', () => {
    const m = trainLearned(toy);
    const frob = learnedPredict(
      m,
      learnedFeatures(extractSignals({ name: 'frob_other', description: 'Frob the other.' })),
    );
    const glim = learnedPredict(
      m,
      learnedFeatures(extractSignals({ name: 'glim_other', description: 'Glim the other.' })),
    );
    expect(frob.p).toBeGreaterThan(0.9);
    expect(glim.p).toBeLessThan(0.1);
    expect(
      frob.top.some((f) => f.startsWith('name:frob') || f.startsWith('first:frob') || f.startsWith('lead:frob')),
    ).toBe(true);
  });

  it('may only raise a read to a write; it never lowers a change and ignores weight-0 samples', () => {
    const m = trainLearned(toy);
    const rules = [...RULES.filter((r) => r.code !== 'LEARNED_RAISE'), learnedRaise(m)];
    const raised = classify({ name: 'get_frob', description: 'Frob the item.' }, { rules });
    expect(raised.category).toBe('write');
    expect(raised.evidence.find((e) => e.code === 'LEARNED_RAISE')?.matched[0]).toMatch(/^p=[01]\.\d\d$/);
    // A glim tool the rules call a deletion stays a deletion.
    expect(classify({ name: 'delete_glim', description: 'Glim the item.' }, { rules }).category).toBe('destructive');
    // Samples of weight 0 (DEFAULTS_ONLY servers) teach nothing.
    expect(trainLearned(toy.map((s) => ({ ...s, w: 0 }))).weights).toEqual({});
  });

  it('does not raise a tool whose operation enum lists only lookups', () => {
    const m = trainLearned(toy);
    const rules = [...RULES.filter((r) => r.code !== 'LEARNED_RAISE'), learnedRaise(m)];
    const ops = (values: string[]) => ({
      type: 'object',
      properties: { operation: { type: 'string', enum: values } },
    });
    const lookups = {
      name: 'frob_things',
      description: 'Frob the item.',
      inputSchema: ops(['get_item', 'list_items']),
    };
    expect(classify(lookups, { rules }).category).toBe('read');
    expect(classify(lookups, { rules }).evidence.some((e) => e.code === 'LEARNED_RAISE')).toBe(false);
    // Without such an enum the model raises a read as before.
    const plain = {
      ...lookups,
      name: 'get_frob',
      inputSchema: { type: 'object', properties: { q: { type: 'string' } } },
    };
    expect(classify(plain, { rules }).category).toBe('write');
  });

  it('does not raise a tool whose description says the call itself changes nothing', () => {
    const m = trainLearned(toy);
    const rules = [...RULES.filter((r) => r.code !== 'LEARNED_RAISE'), learnedRaise(m)];
    for (const statement of [
      'Frob the item. Read-only.',
      'PLAN (nothing is written): frob the item.',
      'Frob the item without storing anything.',
      'Frob the item; it does not modify anything.',
      'Frob the item (read-only) and return it.',
      'Frob the item. Reads only: a frob that changes it is refused.',
    ]) {
      const v = classify({ name: 'preview_frob', description: statement }, { rules });
      expect(v.category, statement).toBe('read');
      expect(v.evidence.some((e) => e.code === 'LEARNED_RAISE')).toBe(false);
    }
    // "read-only" said of something else, a statement beside a charge, and no statement at all: the model raises.
    for (const description of [
      'Frob the item. It is refused in read-only mode.',
      'Frob the item (a read-only field is skipped).',
      'Frob the item. Read-only; each answer costs one credit.',
      'Frob the item.',
    ])
      expect(classify({ name: 'preview_frob', description }, { rules }).category, description).toBe('write');
  });

  it('does not raise a tool named for an output it hands back, unless the output is kept or the name changes something', () => {
    // A toy model sure that any "frob" word is a change.
    const m = trainLearned(toy);
    const rules = [...RULES.filter((r) => r.code !== 'LEARNED_RAISE'), learnedRaise(m)];
    const category = (name: string, description: string) => classify({ name, description }, { rules }).category;
    expect(category('generate_frob_chart', 'Generate a frob chart of the given data.')).toBe('read');
    expect(category('create_frob_summary', 'Summarize the frob data in a paragraph.')).toBe('read');
    // Kept somewhere (a file, a sheet of the workbook), or the opening or the name makes a change: the model raises.
    expect(category('generate_frob_chart', 'Generate a frob chart and save it to a file.')).not.toBe('read');
    expect(category('create_frob_chart', 'Render a frob chart as a new sheet in the workbook.')).not.toBe('read');
    expect(category('generate_frob_chart', 'Frob the data into a chart.')).not.toBe('read');
    expect(category('frob_item', 'Frob the item.')).toBe('write');
  });

  it('decides, as a fallback, only a tool nothing or a noun-or-verb name word decided, when it is sure of a read', () => {
    const m = trainLearned(toy);
    const rules = [
      ...RULES.filter((r) => r.code !== 'LEARNED_RAISE' && r.code !== 'LEARNED_FALLBACK'),
      learnedRaise(m),
      learnedFallback(m),
    ];
    // No rule says anything about a bare "glim_widget": without the fallback it is a change (NO_SIGNAL); the model,
    // sure that glim tools read, calls it a read and says which words weighed.
    const bare = { name: 'glim_widget' };
    const withoutFallback = RULES.filter((r) => r.code !== 'LEARNED_FALLBACK');
    expect(classify(bare, { rules: withoutFallback }).evidence.map((e) => e.code)).toContain('NO_SIGNAL');
    const lowered = classify(bare, { rules });
    expect(lowered.category).toBe('read');
    const ev = lowered.evidence.find((e) => e.code === 'LEARNED_FALLBACK');
    expect(ev?.effect).toBe('read');
    expect(ev?.matched[0]).toMatch(/^p=0\.\d\d$/);
    expect(ev?.matched.slice(1).some((f) => f.includes('glim'))).toBe(true);
    // A bare frob tool, which the model thinks changes state, stays a change.
    expect(classify({ name: 'frob_widget' }, { rules }).category).toBe('write');
    // A noun-or-verb name word alone ("glim_log": a log, or to log) gives way to the model; firmer evidence decides
    // instead, and the fallback is then not shown as evidence.
    expect(classify({ name: 'glim_log' }, { rules: withoutFallback }).category).toBe('write');
    expect(classify({ name: 'glim_log' }, { rules }).category).toBe('read');
    const named = classify({ name: 'create_glim_widget' }, { rules });
    expect(named.category).toBe('write');
    expect(named.evidence.some((e) => e.code === 'LEARNED_FALLBACK')).toBe(false);
    expect(classify({ name: 'glim_widget', description: 'Permanently erases the widget.' }, { rules }).category).toBe(
      'destructive',
    );
  });

  it('the committed model is in RULES and is a trained model, not a placeholder', () => {
    expect(RULES.some((r) => r.code === 'LEARNED_RAISE')).toBe(true);
    expect(RULES.some((r) => r.code === 'LEARNED_FALLBACK')).toBe(true);
    expect(LEARNED.lowerThreshold).toBe(LEARNED_LOWER_THRESHOLD);
    expect(Object.keys(LEARNED.weights).length).toBeGreaterThan(1_000);
    expect(LEARNED.threshold).toBe(LEARNED_THRESHOLD);
  });
});
