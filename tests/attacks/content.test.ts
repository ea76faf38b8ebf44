// The attack database: every file parses, cross-references hold both ways, sources are URLs, and every policy snippet
// does what its page says.
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../src/site/attacks.ts';
import { loadAttackCases, loadAttackPatterns } from '../../src/site/content.ts';
import { checkAttackReferences } from '../../src/core/attacks/check.ts';
import { OWASP_INFO } from '../../src/core/attacks/owasp.ts';
import { checkPolicy, createState, evaluate } from '../../src/core/policy/index.ts';
import { PolicySchema } from '../../src/core/schemas/policy.ts';
import type { AttackCase, AttackPattern } from '../../src/core/schemas/attack.ts';

const patterns = loadAttackPatterns();
const cases = loadAttackCases();

describe('attack content', () => {
  it('has the 14 patterns and 40 cases, each valid against its schema (loading validates)', () => {
    expect(patterns.length).toBe(14);
    expect(cases.length).toBe(40);
  });

  it('has consistent cross-references: case→pattern and pattern→case both exist and point back; sources are http(s) URLs', () => {
    expect(checkAttackReferences(patterns, cases)).toEqual([]);
  });

  it('every case has at least one source and at least one pattern', () => {
    for (const c of cases) {
      expect(c.data.sources.length, c.slug).toBeGreaterThan(0);
      for (const s of c.data.sources) expect(new URL(s).protocol, `${c.slug}: ${s}`).toMatch(/^https?:$/);
      expect(c.data.patterns.length, c.slug).toBeGreaterThan(0);
    }
  });

  it('every pattern maps to named OWASP items and lists steps and cases', () => {
    for (const p of patterns) {
      expect(p.data.owasp.length, p.slug).toBeGreaterThan(0);
      for (const id of p.data.owasp) expect(OWASP_INFO[id], `${p.slug}: ${id}`).toBeDefined();
      expect(p.data.steps.length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('pattern policy snippets', () => {
  for (const p of patterns) {
    describe(p.slug, () => {
      it('passes policy check and the policy schema', () => {
        const result = checkPolicy(p.data.policy.document);
        expect(result.errors, JSON.stringify(result.errors, null, 2)).toEqual([]);
        expect(result.ok).toBe(true);
        expect(PolicySchema.safeParse(p.data.policy.document).success).toBe(true);
      });

      it('gives every example call its stated decision under the evaluator', () => {
        const policy = PolicySchema.parse(p.data.policy.document);
        const now = Date.parse('2026-05-01T10:00:05Z');
        for (const ex of p.data.policy.examples) {
          const state = createState();
          let last = { decision: 'allow' as 'allow' | 'deny', rule: '', message: '' };
          for (let i = 0; i < ex.repeat; i++)
            last = evaluate(policy, { tool: ex.tool, arguments: ex.arguments, grant: 'example' }, state, now + i);
          expect(last.decision, `${p.slug}: ${ex.tool} ${JSON.stringify(ex.arguments)} x${ex.repeat} (${ex.why})`).toBe(
            ex.decision,
          );
        }
      });

      it('shows both an allowed and a denied call', () => {
        const decisions = new Set(p.data.policy.examples.map((e) => e.decision));
        expect(decisions).toEqual(new Set(['allow', 'deny']));
      });
    });
  }
});

describe('checkAttackReferences', () => {
  const pattern = (cases: string[]): AttackPattern => ({ ...patterns[0]!.data, cases });
  const kase = (patterns: string[], sources = ['https://example.com/a']): AttackCase => ({
    ...(cases[0]?.data ?? ({} as AttackCase)),
    patterns,
    sources,
  });

  it('reports each kind of broken reference with a permanent code', () => {
    const problems = checkAttackReferences(
      [
        { slug: 'p1', data: pattern(['c1', 'ghost-case']) },
        { slug: 'p2', data: pattern(['c2']) },
        { slug: 'c3', data: pattern(['c3']) },
      ],
      [
        { slug: 'c1', data: kase(['p1', 'p2', 'ghost-pattern'], ['ftp://example.com/x']) },
        { slug: 'c2', data: kase(['p1']) },
        { slug: 'c3', data: kase(['c3']) },
      ],
    );
    const codes = problems.map((p) => p.code).sort();
    expect(codes).toEqual(
      [
        'ATTACK_CASE_PATTERN_MISSING', // c1 → ghost-pattern
        'ATTACK_PATTERN_BACKLINK_MISSING', // c1 → p2, p2 does not list c1
        'ATTACK_PATTERN_BACKLINK_MISSING', // c2 → p1, p1 does not list c2
        'ATTACK_SOURCE_NOT_URL',
        'ATTACK_PATTERN_CASE_MISSING', // p1 → ghost-case
        'ATTACK_CASE_BACKLINK_MISSING', // p2 → c2, c2 does not list p2
        'ATTACK_SLUG_COLLISION',
      ].sort(),
    );
    for (const p of problems) expect(p.message.length).toBeGreaterThan(30);
  });
});

describe('splitFrontmatter', () => {
  it('explains a missing frontmatter block', () => {
    expect(() => splitFrontmatter('no frontmatter here', 'x.mdx')).toThrow(/no frontmatter found/);
  });
  it('explains invalid YAML', () => {
    expect(() => splitFrontmatter('---\na: [\n---\nbody', 'x.mdx')).toThrow(/not valid YAML/);
  });
});
