// Golden files for both formats, from fixed hand-written verdicts: any change to generated output shows up as a diff
// here.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkPolicy,
  createState,
  evaluate,
  generatePolicy,
  generateTestVectorsReport,
  toIntercept,
  type PolicyEntry,
} from '../../src/core/policy/index.ts';

const dir = new URL('../fixtures/policies/golden/', import.meta.url);
const entries = JSON.parse(readFileSync(new URL('entries.json', dir), 'utf8')) as PolicyEntry[];
const update = process.env.UPDATE_GOLDEN === '1';

function golden(file: string, actual: string) {
  const url = new URL(file, dir);
  if (update) writeFileSync(url, actual);
  expect(actual).toBe(readFileSync(url, 'utf8'));
}

describe('golden policies', () => {
  for (const strict of [false, true]) {
    const suffix = strict ? '.strict' : '';
    const policy = generatePolicy(entries, { strict });
    it(`policy.json${suffix}`, () => golden(`policy${suffix}.json`, JSON.stringify(policy, null, 2) + '\n'));
    it(`intercept${suffix}.yaml`, () => golden(`policy${suffix}.intercept.yaml`, toIntercept(policy)));
    it(`passes check and its vectors${suffix}`, () => {
      expect(checkPolicy(policy, { strict })).toEqual({ ok: true, errors: [] });
      const { vectors, unexercised } = generateTestVectorsReport(policy, entries);
      expect(unexercised).toEqual([]);
      const state = createState();
      for (const v of vectors)
        expect({ tool: v.call.tool, why: v.why, ...evaluate(policy, v.call, state) }).toMatchObject({
          decision: v.expect.decision,
          rule: v.expect.rule,
        });
    });
  }
  it('the golden inputs cover every starter state', () => {
    const p = generatePolicy(entries);
    expect(p.hide).toEqual(['run_shell']);
    expect(p.tools!.read_file!.limits).toBeUndefined();
    expect(p.tools!.close_session!.limits).toHaveLength(1);
    expect(p.tools!.delete_directory!.deny_if!.at(-1)).toEqual({ conditions: [], on_deny: 'Requires human approval.' });
    expect(p.tools!.create_refund!.deny_if!.at(-1)).toEqual({ conditions: [], on_deny: 'Requires human approval.' });
  });
});
