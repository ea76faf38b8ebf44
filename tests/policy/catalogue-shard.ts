// Every snapshot in content/servers: classify → generate (strict and not) → check → its own test vectors through the
// evaluator → Intercept YAML. The catalogue is split into shards (catalogue-<i>.test.ts) so vitest's two workers share
// it; each server is read and classified once, in its own beforeAll, and dropped after its tests, so memory stays flat
// as the catalogue grows.
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify/index.ts';
import {
  checkPolicy,
  createState,
  evaluate,
  generatePolicy,
  generateTestVectorsReport,
  interceptExport,
  type PolicyEntry,
} from '../../src/core/policy/index.ts';
import { PolicySchema } from '../../src/core/schemas/policy.ts';
import { SnapshotSchema } from '../../src/core/schemas/snapshot.ts';

const dir = new URL('../../content/servers/', import.meta.url);

/** The snapshots of shard `index` of `count` (every count-th file of the sorted list, so shards stay even). */
export function shardFiles(index: number, count: number): { files: string[]; all: number } {
  const all = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  return { files: all.filter((_f, i) => i % count === index), all: all.length };
}

/** Defines the tests for shard `index` of `count` (call once from each catalogue-<i>.test.ts). */
export function describeCatalogueShard(index: number, count: number): void {
  const { files, all } = shardFiles(index, count);
  const totals = { policies: 0, vectors: 0, tools: 0 };

  describe(`catalogue policies, shard ${index + 1} of ${count}`, () => {
    it('the catalogue is not empty and this shard has its share', () => {
      expect(all).toBeGreaterThan(0);
      expect(files.length).toBe(Math.ceil((all - index) / count));
    });

    for (const file of files) {
      describe(file, () => {
        let entries: PolicyEntry[] = [];
        let names: string[] = [];
        beforeAll(() => {
          const snapshot = SnapshotSchema.parse(JSON.parse(readFileSync(new URL(file, dir), 'utf8')));
          entries = snapshot.tools.map((tool) => ({ tool, verdict: classify(tool) }));
          names = [...new Set(snapshot.tools.map((t) => t.name))].sort();
        });
        afterAll(() => {
          entries = [];
          names = [];
        });

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
              expect({ tool: v.call.tool, why: v.why, decision: d.decision, rule: d.rule }).toEqual({
                tool: v.call.tool,
                why: v.why,
                ...v.expect,
              });
            }
            totals.policies++;
            totals.vectors += vectors.length;
            totals.tools += names.length;

            const exported = interceptExport(policy);
            const doc = parse(exported.yaml) as {
              version: unknown;
              default: unknown;
              hide?: unknown;
              tools?: Record<string, { rules: Array<{ name: string; action: string }> }>;
            };
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
              if (rules.deny_if?.some((d) => d.conditions.length === 0))
                expect(exportedRules.some((r) => r.action === 'deny')).toBe(true);
              if (rules.limits && !name.includes('.'))
                expect(exportedRules.filter((r) => r.name.startsWith('limit ')).length).toBe(rules.limits.length);
            }
          });
        }
      });
    }

    afterAll(() => {
      console.log(
        `catalogue policies, shard ${index + 1} of ${count}: ${totals.policies} policies for ${files.length} of ${all} snapshots (${totals.tools} tool entries), ${totals.vectors} vectors, all as expected`,
      );
    });
  });
}
