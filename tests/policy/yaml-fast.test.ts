// biome-ignore-all format: its word lists and tables read best packed, several items a line
// The fast Intercept YAML writer: wherever it answers, its text is byte-identical to the `yaml` package's with the
// export's options.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify/index.ts';
import { generatePolicy, interceptExport } from '../../src/core/policy/index.ts';
import { fastYaml } from '../../src/core/policy/yaml-fast.ts';
import { SnapshotSchema } from '../../src/core/schemas/snapshot.ts';

const OPTIONS = { lineWidth: 0, minContentWidth: 0, defaultKeyType: 'PLAIN', defaultStringType: 'QUOTE_DOUBLE' } as const;
const reference = (doc: Record<string, unknown>) => stringify(doc, OPTIONS);

const catalogueDir = new URL('../../content/servers/', import.meta.url);
const catalogueFiles = readdirSync(catalogueDir).filter((f) => f.endsWith('.json')).sort();

// One test per server: no single test grows with the catalogue, and a slow or failing server shows by name.
describe('fastYaml on every server and tool policy of the catalogue', () => {
  let answered = 0;
  let documents = 0;
  for (const file of catalogueFiles) {
    it(`matches the yaml package wherever it answers: ${file}`, () => {
      const snapshot = SnapshotSchema.parse(JSON.parse(readFileSync(new URL(file, catalogueDir), 'utf8')));
      const entries = snapshot.tools.map((tool) => ({ tool, verdict: classify(tool) }));
      const policies = [generatePolicy(entries), ...entries.map((e) => generatePolicy([e], { tool: e.tool.name }))];
      for (const policy of policies) {
        const { document } = interceptExport(policy);
        const fast = fastYaml(document);
        documents += 1;
        if (fast === undefined) continue;
        answered += 1;
        expect(fast).toBe(reference(document));
      }
    });
  }
  it('answers for most of them', () => {
    expect(documents).toBeGreaterThan(500);
    expect(answered / documents).toBeGreaterThan(0.7);
  });
});

describe('fastYaml', () => {
  it('matches the yaml package or declines, on random documents with awkward keys and strings', () => {
    const text = fc.oneof(
      fc.constantFrom('', 'deny', 'a b', 'null', 'True', '~', '-', '- x', 'a: b', '#x', 'x #y', '---', '...x', '%x', ' lead', 'trail ', '"q"', "it's", 'back\\slash', 'tab\tin', 'a\nb', 'ü', '\u2028', '\u0000', '\u007f', 'é\u00a0', '123', '0x1f', '.inf', '1e3', '{x}', '[y]', '&a', '*b', '!t', '|', '>', '@', '`', '?'),
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 6 }),
    );
    const keyText = fc.oneof(text, fc.constantFrom('version', 'default', 'tools', 'rules', 'name', 'on_deny', 'close_session', '_x', 'A1', 'x'.repeat(1001)));
    const scalar = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(-0));
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
      list: fc.array(tie('value'), { maxLength: 3 }),
      map: fc.dictionary(keyText, tie('value'), { maxKeys: 3 }),
    }));
    let answered = 0;
    fc.assert(
      fc.property(fc.dictionary(keyText, value, { minKeys: 1, maxKeys: 4 }), (doc) => {
        const fast = fastYaml(doc as Record<string, unknown>);
        if (fast === undefined) return;
        answered += 1;
        expect(fast).toBe(reference(doc as Record<string, unknown>));
      }),
      { numRuns: 3000 },
    );
    // The comparison must actually run on a good share of the documents, not only on declines.
    expect(answered).toBeGreaterThan(150);
  });

  it('declines what it cannot reproduce: line breaks, \\u escapes, non-identifier keys, fractions', () => {
    expect(fastYaml({ a: 'x\ny' })).toBeUndefined();
    expect(fastYaml({ a: '\u0007' })).toBeUndefined();
    expect(fastYaml({ 'a b': 1 })).toBeUndefined();
    expect(fastYaml({ a: 0.5 })).toBeUndefined();
    expect(fastYaml({ version: '1', tools: { t: { rules: [{ name: 'n', conditions: [{ path: 'args.x', op: 'in', value: ['a', 1] }] }] } } })).toBe(
      reference({ version: '1', tools: { t: { rules: [{ name: 'n', conditions: [{ path: 'args.x', op: 'in', value: ['a', 1] }] }] } } }),
    );
  });
});
