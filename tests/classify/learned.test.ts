// The learned component: deterministic training, a rule that may only raise a read to a write when the model is sure,
// evidence that names the words that weighed, and a committed model that is what the catalogue trains.
import { describe, expect, it } from 'vitest';
import {
  classify,
  LEARNED,
  LEARNED_THRESHOLD,
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

  it('the committed model is in RULES and is a trained model, not a placeholder', () => {
    expect(RULES.some((r) => r.code === 'LEARNED_RAISE')).toBe(true);
    expect(Object.keys(LEARNED.weights).length).toBeGreaterThan(1_000);
    expect(LEARNED.threshold).toBe(LEARNED_THRESHOLD);
  });
});
