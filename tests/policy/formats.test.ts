// The format registry: its invariants, one golden file per format, and the attested-only policy equal to `--strict`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  attestedOnly,
  checkPolicy,
  generatePolicy,
  POLICY_FORMATS,
  policyFormat,
  type PolicyEntry,
} from '../../src/core/policy/index.ts';
import { parseFormatText } from '../helpers/format-parsers.ts';

const dir = new URL('../fixtures/policies/golden/', import.meta.url);
const goldenDir = new URL('formats/', dir);
const entries = JSON.parse(readFileSync(new URL('entries.json', dir), 'utf8')) as PolicyEntry[];
const update = process.env.UPDATE_GOLDEN === '1';

describe('format registry', () => {
  it('ids and file names are unique, file names are plain "policy.*" names, the main download is PolicyLayer policy.json', () => {
    expect(new Set(POLICY_FORMATS.map((f) => f.id)).size).toBe(POLICY_FORMATS.length);
    expect(new Set(POLICY_FORMATS.map((f) => f.fileName.toLowerCase())).size).toBe(POLICY_FORMATS.length);
    for (const f of POLICY_FORMATS) {
      expect(f.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(f.fileName).toMatch(/^policy\.[a-z0-9][a-z0-9.-]*$/);
      expect(f.mediaType).toMatch(/^[a-z]+\/[a-z0-9.+-]+$/);
      expect(f.howToUse).not.toMatch(/\n/);
      expect(f.howToUse.length).toBeGreaterThan(20);
      expect(f.label.length).toBeGreaterThan(2);
    }
    expect(POLICY_FORMATS[0]).toMatchObject({ id: 'policylayer', fileName: 'policy.json' });
    expect(policyFormat('intercept').fileName).toBe('policy.intercept.yaml');
    expect(() => policyFormat('nope')).toThrow(/Unknown policy format "nope"; use one of: policylayer, /);
  });

  it('the attested-only policy is exactly what generate --strict emits, and its losses are every argument rule', () => {
    const full = generatePolicy(entries);
    const { policy, losses } = attestedOnly(full);
    expect(JSON.stringify(policy)).toBe(JSON.stringify(generatePolicy(entries, { strict: true })));
    expect(checkPolicy(policy, { strict: true })).toEqual({ ok: true, errors: [] });
    let argumentRules = 0;
    for (const r of Object.values(full.tools ?? {}))
      argumentRules += (r.require?.length ?? 0) + (r.deny_if ?? []).filter((d) => d.conditions.length > 0).length;
    expect(argumentRules).toBeGreaterThan(0);
    expect(losses).toHaveLength(argumentRules);
    for (const l of losses) expect(l.rule).toMatch(/^\/tools\/[^/]+\/(require|deny_if)\/\d+$/);
  });

  it('a window "day" limit is left out of policy.json and named as a loss', () => {
    const { policy, losses } = attestedOnly({
      version: '1',
      default: 'deny',
      all_tools: {
        limits: [
          { counter: 'daily', window: 'day', max: 5, scope: 'grant' },
          { counter: 'hourly', window: 'hour', max: 9, scope: 'grant' },
        ],
      },
      tools: { a: {} },
    });
    expect(policy).toEqual({
      version: '1',
      default: 'deny',
      all_tools: { limits: [{ counter: 'hourly', window: 'hour', max: 9, scope: 'grant' }] },
      tools: { a: {} },
    });
    expect(losses).toEqual([{ rule: '/all_tools/limits/daily', reason: expect.stringMatching(/not attested/) }]);
  });
});

describe('golden files per format', () => {
  const policy = generatePolicy(entries);
  mkdirSync(goldenDir, { recursive: true });
  for (const format of POLICY_FORMATS) {
    it(`${format.id}: ${format.fileName} is byte-identical to its golden file and parses`, () => {
      const { text, losses } = format.render(policy, { server: 'golden' });
      expect(format.render(policy, { server: 'golden' }).text).toBe(text);
      expect(text.endsWith('\n')).toBe(true);
      const url = new URL(format.fileName, goldenDir);
      const lossText = losses.map((l) => `${l.rule}\t${l.reason}\n`).join('');
      const lossUrl = new URL(`${format.fileName}.losses.tsv`, goldenDir);
      if (update) {
        writeFileSync(url, text);
        writeFileSync(lossUrl, lossText);
      }
      expect(text).toBe(readFileSync(url, 'utf8'));
      expect(lossText).toBe(readFileSync(lossUrl, 'utf8'));
      expect(parseFormatText(format, text)).toBeTruthy();
    });
  }
});
