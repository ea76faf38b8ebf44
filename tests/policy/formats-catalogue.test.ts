// Every catalogue snapshot × every format: renders, parses with the real parser, fits the target's documented schema,
// and (Cedar, CEL and the PolicyLayer files) decides every test vector as the reference evaluator does, except
// documented losses. Above SAMPLE servers a deterministic sample runs (every k-th file, plus Delx): the Cedar engine
// takes milliseconds per request, so the whole catalogue takes minutes. TOOLGATE_FORMATS_FULL=1 runs every snapshot.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify/index.ts';
import { generatePolicy, generateTestVectors, POLICY_FORMATS, type PolicyEntry } from '../../src/core/policy/index.ts';
import { SnapshotSchema } from '../../src/core/schemas/snapshot.ts';
import { checkFormatText } from '../helpers/format-parsers.ts';
import { compareVectors, ENGINES } from '../helpers/format-engines.ts';

const SAMPLE = 12;
const dir = new URL('../../content/servers/', import.meta.url);
const all = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const full = process.env.TOOLGATE_FORMATS_FULL === '1' || all.length <= SAMPLE;
// The sample leaves out the few giant snapshots (over 300 KB, hundreds of tools: tens of seconds each); Delx (the
// reference page's server) is always in it.
const MAX_SAMPLED_BYTES = 300_000;
const candidates = full
  ? all
  : all.filter((f) => f === 'delx.json' || statSync(new URL(f, dir)).size <= MAX_SAMPLED_BYTES);
const step = full ? 1 : Math.ceil(candidates.length / SAMPLE);
const files = candidates.filter((f, i) => i % step === 0 || f === 'delx.json');

type Count = {
  rendered: number;
  parsed: number;
  vectors: number;
  agreed: number;
  explained: number;
  losses: number;
  policiesWithLosses: number;
};
const counts = new Map(
  POLICY_FORMATS.map((f) => [
    f.id,
    { rendered: 0, parsed: 0, vectors: 0, agreed: 0, explained: 0, losses: 0, policiesWithLosses: 0 } as Count,
  ]),
);

describe(`formats over the catalogue (${files.length} of ${all.length} snapshots${full ? '' : ', sampled'})`, () => {
  it('the catalogue is not empty', () => expect(files.length).toBeGreaterThan(0));
  for (const file of files) {
    it(file, () => {
      const snapshot = SnapshotSchema.parse(JSON.parse(readFileSync(new URL(file, dir), 'utf8')));
      const entries: PolicyEntry[] = snapshot.tools.map((tool) => ({ tool, verdict: classify(tool) }));
      const policy = generatePolicy(entries);
      const vectors = generateTestVectors(policy, entries);
      for (const format of POLICY_FORMATS) {
        const c = counts.get(format.id)!;
        const { text, losses } = format.render(policy, { server: snapshot.id });
        c.rendered++;
        expect(() => checkFormatText(format, text), `${format.id} for ${file}`).not.toThrow();
        c.parsed++;
        c.losses += losses.length;
        if (losses.length) c.policiesWithLosses++;
        const engine = ENGINES[format.id];
        if (!engine) continue;
        const r = compareVectors(engine(text, snapshot.id), vectors, losses);
        expect(r.disagreements, `${format.id} for ${file}`).toEqual([]);
        c.vectors += vectors.length;
        c.agreed += r.agreed;
        c.explained += r.explained;
      }
    });
  }
  afterAll(() => {
    const lines = [
      `formats over ${files.length} of ${all.length} snapshots${full ? '' : ' (sample; TOOLGATE_FORMATS_FULL=1 for all)'}:`,
    ];
    for (const [id, c] of counts) {
      const engine = ENGINES[id]
        ? `, vectors ${c.vectors}: ${c.agreed} agree, ${c.explained} differ by a documented loss`
        : ', no engine here (parser + schema only)';
      lines.push(
        `  ${id}: rendered ${c.rendered}, parsed ${c.parsed}${engine}; ${c.losses} documented losses in ${c.policiesWithLosses} policies`,
      );
    }
    console.log(lines.join('\n'));
  });
});
