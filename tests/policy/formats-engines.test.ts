// Every format through its real parser, its target's documented schema and, where an engine runs here, the engine
// itself: decisions on the golden policy's test vectors equal the reference evaluator's, except where a documented loss
// says why.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatePolicy, generateTestVectors, POLICY_FORMATS, type PolicyEntry } from '../../src/core/policy/index.ts';
import { checkFormatText } from '../helpers/format-parsers.ts';
import { compareVectors, ENGINES } from '../helpers/format-engines.ts';

const dir = new URL('../fixtures/policies/golden/', import.meta.url);
const entries = JSON.parse(readFileSync(new URL('entries.json', dir), 'utf8')) as PolicyEntry[];
const policy = generatePolicy(entries);
const vectors = generateTestVectors(policy, entries);

describe('formats on the golden policy', () => {
  for (const format of POLICY_FORMATS) {
    it(`${format.id}: parses, fits the target's schema, and decides as the reference except documented losses`, () => {
      const { text, losses } = format.render(policy, { server: 'golden' });
      checkFormatText(format, text);
      const engine = ENGINES[format.id];
      if (!engine) return;
      const result = compareVectors(engine(text, 'golden'), vectors, losses);
      expect(result.disagreements).toEqual([]);
      expect(result.agreed + result.explained).toBe(vectors.length);
      expect(result.agreed).toBeGreaterThan(0);
    });
  }
});
