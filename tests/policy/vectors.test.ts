// Test vectors for numeric bounds at every magnitude: each generated bound rule gets a vector that breaks it, including
// bounds where "bound + 1" rounds back to the bound (agentx-social-mcp's integer maximum of 2^63 - 1, read as 2^63).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify/index.ts';
import {
  createState,
  evaluate,
  generatePolicy,
  generateTestVectorsReport,
  POLICY_FORMATS,
  type PolicyEntry,
} from '../../src/core/policy/index.ts';
import type { Policy } from '../../src/core/schemas/policy.ts';
import { compareVectors, ENGINES } from '../helpers/format-engines.ts';

const bounty = JSON.parse(
  readFileSync(new URL('../fixtures/policies/i64-maximum-bound.json', import.meta.url), 'utf8'),
);

function proven(entries: PolicyEntry[], strict: boolean) {
  const policy = generatePolicy(entries, { strict });
  const { vectors, unexercised } = generateTestVectorsReport(policy, entries);
  expect(unexercised).toEqual([]);
  const state = createState();
  for (const v of vectors) {
    const d = evaluate(policy, v.call, state);
    expect({ why: v.why, decision: d.decision, rule: d.rule }).toEqual({ why: v.why, ...v.expect });
  }
  return { policy, vectors };
}

describe('numeric bound vectors', () => {
  it('agentx_create_bounty (maximum 9223372036854775807): every rule is proven (strict and not), the maximum by a larger double', () => {
    const entries: PolicyEntry[] = [{ tool: bounty, verdict: classify(bounty) }];
    proven(entries, true);
    {
      const { policy, vectors } = proven(entries, false);
      const rules = policy.tools!.agentx_create_bounty!.deny_if!;
      const i = rules.findIndex((r) => r.conditions[0]!.op === 'gt');
      expect(rules[i]!.conditions[0]!.value).toBe(2 ** 63);
      const v = vectors.find((x) => x.expect.rule === `/tools/agentx_create_bounty/deny_if/${i}`)!;
      expect(v.call.arguments.reward_pool).toBeGreaterThan(2 ** 63);
      expect(Number.isInteger(v.call.arguments.reward_pool)).toBe(true);
    }
  });

  it('the exported formats decide the huge-bound vectors as the reference does (or say why not)', () => {
    const entries: PolicyEntry[] = [{ tool: bounty, verdict: classify(bounty) }];
    const { policy, vectors } = proven(entries, false);
    let checked = 0;
    for (const format of POLICY_FORMATS) {
      const engine = ENGINES[format.id];
      if (!engine) continue;
      const { text, losses } = format.render(policy, { server: 'agentx-social-mcp' });
      const r = compareVectors(engine(text, 'agentx-social-mcp'), vectors, losses);
      expect(r.disagreements, format.id).toEqual([]);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  const bounds: Array<[string, Record<string, unknown>]> = [
    ['small', { minimum: -3, maximum: 7 }],
    ['fractional exclusive', { exclusiveMinimum: 0.5, exclusiveMaximum: 1.5 }],
    ['2^53 (the last exact integer + 1)', { minimum: -(2 ** 53), maximum: 2 ** 53 }],
    ['2^63 exclusive', { exclusiveMinimum: -(2 ** 63), exclusiveMaximum: 2 ** 63 }],
    ['1e300', { minimum: -1e300, maximum: 1e300 }],
    ['±MAX_VALUE exclusive', { exclusiveMinimum: -Number.MAX_VALUE, exclusiveMaximum: Number.MAX_VALUE }],
  ];
  for (const type of ['number', 'integer']) {
    for (const [label, schema] of bounds) {
      it(`${type}, ${label}: both bounds become rules and both are broken by a vector`, () => {
        const tool = {
          name: 'bounded',
          inputSchema: { type: 'object', properties: { n: { type, ...schema } }, required: ['n'] },
        };
        const entries: PolicyEntry[] = [{ tool, verdict: classify(tool) }];
        const { policy } = proven(entries, false);
        expect(policy.tools!.bounded!.deny_if!).toHaveLength(2);
      });
    }
  }

  it('an inclusive bound at ±MAX_VALUE excludes no finite number, so it becomes no rule', () => {
    const tool = {
      name: 'unbounded',
      inputSchema: {
        type: 'object',
        properties: { n: { type: 'number', minimum: -Number.MAX_VALUE, maximum: Number.MAX_VALUE } },
        required: ['n'],
      },
    };
    const entries: PolicyEntry[] = [{ tool, verdict: classify(tool) }];
    const { policy } = proven(entries, false);
    expect(policy.tools!.unbounded!.deny_if ?? []).toEqual([]);
  });

  it('a hand-written bound that is not a finite number gets no vector and is reported unexercised, never a wrong one', () => {
    const tool = {
      name: 'hand',
      inputSchema: { type: 'object', properties: { n: { type: 'number' } }, required: ['n'] },
    };
    const entries: PolicyEntry[] = [{ tool, verdict: classify(tool) }];
    for (const value of ['10', Number.POSITIVE_INFINITY, Number.NaN] as unknown[]) {
      const policy = {
        version: '1',
        default: 'deny',
        tools: { hand: { deny_if: [{ conditions: [{ path: 'args.n', op: 'gt', value }], on_deny: 'too big' }] } },
      } as unknown as Policy;
      const { vectors, unexercised } = generateTestVectorsReport(policy, entries);
      expect(unexercised, String(value)).toEqual(['/tools/hand/deny_if/0']);
      expect(vectors.every((v) => v.expect.rule !== '/tools/hand/deny_if/0')).toBe(true);
    }
  });
});
