// Every snapshot in content/servers: classify → generate (strict and not) → check → its own test vectors through the evaluator → Intercept YAML.
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify/index.ts';
import { checkPolicy, createState, evaluate, generatePolicy, generateTestVectorsReport, interceptExport, type PolicyEntry } from '../../src/core/policy/index.ts';
import { PolicySchema } from '../../src/core/schemas/policy.ts';
import { SnapshotSchema } from '../../src/core/schemas/snapshot.ts';

const dir = new URL('../../content/servers/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const totals = { policies: 0, vectors: 0, tools: 0 };

describe('catalogue policies', () => {
  it('the catalogue is not empty', () => expect(files.length).toBeGreaterThan(0));

  for (const file of files) {
    describe(file, () => {
      const snapshot = SnapshotSchema.parse(JSON.parse(readFileSync(new URL(file, dir), 'utf8')));
      const entries: PolicyEntry[] = snapshot.tools.map((tool) => ({ tool, verdict: classify(tool) }));
      const names = [...new Set(snapshot.tools.map((t) => t.name))].sort();

      for (const strict of [false, true]) {
        it(`${strict ? 'strict' : 'full'} policy: valid, every tool accounted for, every rule proven by its vectors`, () => {
          const policy = generatePolicy(entries, { strict });
          expect(JSON.stringify(generatePolicy(entries, { strict }))).toBe(JSON.stringify(policy));
          expect(checkPolicy(policy, { strict })).toEqual({ ok: true, errors: [] });
          if (!names.includes('__proto__')) expect(PolicySchema.safeParse(policy).success).toBe(true);
          expect(policy.default).toBe('deny');
          expect([...Object.keys(policy.tools ?? {}), ...(policy.hide ?? [])].sort()).toEqual(names);

          const { vectors, unexercised } = generateTestVectorsReport(policy, entries);
          expect(unexercised).toEqual([]);
          const state = createState();
          for (const v of vectors) {
            const d = evaluate(policy, v.call, state);
            expect({ tool: v.call.tool, why: v.why, decision: d.decision, rule: d.rule }).toEqual({ tool: v.call.tool, why: v.why, ...v.expect });
          }
          totals.policies++;
          totals.vectors += vectors.length;
          totals.tools += names.length;

          const exported = interceptExport(policy);
          const doc = parse(exported.yaml) as { version: unknown; default: unknown; hide?: unknown; tools?: Record<string, { rules: Array<{ name: string; action: string }> }> };
          expect(doc.version).toBe('1');
          expect(doc.default).toBe('deny');
          expect(doc.hide ?? []).toEqual(policy.hide ?? []);
          expect(Object.keys(doc.tools ?? {}).sort()).toEqual(Object.keys(policy.tools ?? {}).sort());
          for (const tool of Object.values(doc.tools ?? {})) {
            expect(Array.isArray(tool.rules)).toBe(true);
            for (const r of tool.rules) {
              expect(typeof r.name).toBe('string');
              expect(['evaluate', 'deny']).toContain(r.action);
            }
          }
          // Every unconditional denial and every limit on a dot-free tool name survives the export.
          for (const [name, rules] of Object.entries(policy.tools ?? {})) {
            const exportedRules = doc.tools![name]!.rules;
            if (rules.deny_if?.some((d) => d.conditions.length === 0)) expect(exportedRules.some((r) => r.action === 'deny')).toBe(true);
            if (rules.limits && !name.includes('.')) expect(exportedRules.filter((r) => r.name.startsWith('limit ')).length).toBe(rules.limits.length);
          }
        });
      }
    });
  }

  afterAll(() => {
    console.log(`catalogue policies: ${totals.policies} policies for ${files.length} snapshots (${totals.tools} tool entries), ${totals.vectors} vectors, all as expected`);
  });
});
