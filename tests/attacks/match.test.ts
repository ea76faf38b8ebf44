// Matcher: verdicts map to patterns only through each pattern's `matches` data.
import { describe, expect, it } from 'vitest';
import { matchPatterns, matchReasons } from '../../src/core/attacks/match.ts';
import { AttackPatternSchema } from '../../src/core/schemas/attack.ts';
import { patternsForVerdict as match } from '../../src/site/attacks.ts';
import { loadAttackPatterns } from '../../src/site/content.ts';

const patternsForVerdict = (v: Parameters<typeof match>[0]) => match(v, loadAttackPatterns());
import type { Verdict } from '../../src/core/schemas/verdict.ts';

type V = Pick<Verdict, 'category' | 'capabilities' | 'findings'>;
const verdict = (v: Partial<V>): V => ({ category: 'read', capabilities: [], findings: [], ...v });
const matches = (m: unknown) => AttackPatternSchema.shape.matches.parse(m);

describe('matchReasons', () => {
  it('matches on any listed capability, category or finding prefix, and says which', () => {
    const m = matches({
      capabilities: ['filesystem', 'credentials'],
      categories: ['destructive'],
      findingPrefixes: ['POISON_'],
    });
    expect(matchReasons(verdict({ capabilities: ['credentials'] }), m)).toEqual([
      { kind: 'capability', value: 'credentials' },
    ]);
    expect(matchReasons(verdict({ category: 'destructive' }), m)).toEqual([{ kind: 'category', value: 'destructive' }]);
    expect(
      matchReasons(verdict({ findings: [{ code: 'POISON_HIDDEN_TEXT', severity: 'warning', message: 'x' }] }), m),
    ).toEqual([{ kind: 'finding', value: 'POISON_HIDDEN_TEXT' }]);
    expect(
      matchReasons(
        verdict({
          capabilities: ['browser'],
          findings: [{ code: 'ANNOTATION_MISSING', severity: 'info', message: 'x' }],
        }),
        m,
      ),
    ).toEqual([]);
  });

  it('requires both halves of a combination', () => {
    const m = matches({ combinations: [{ capabilities: ['filesystem'], categories: ['write', 'destructive'] }] });
    expect(matchReasons(verdict({ capabilities: ['filesystem'], category: 'read' }), m)).toEqual([]);
    expect(matchReasons(verdict({ category: 'write' }), m)).toEqual([]);
    expect(matchReasons(verdict({ capabilities: ['filesystem'], category: 'write' }), m)).toEqual([
      { kind: 'combination', value: 'filesystem+write' },
    ]);
  });

  it('keeps the given pattern order', () => {
    const ps = [
      { slug: 'b', pattern: { matches: matches({ categories: ['write'] }) } },
      { slug: 'a', pattern: { matches: matches({ categories: ['write'] }) } },
      { slug: 'c', pattern: { matches: matches({ categories: ['read'] }) } },
    ];
    expect(matchPatterns(verdict({ category: 'write' }), ps)).toEqual(['b', 'a']);
  });
});

describe('patternsForVerdict over the real pattern files', () => {
  it('gives a write tool like Delx close_session at least one pattern', () => {
    const links = patternsForVerdict(verdict({ category: 'write' }));
    expect(links.length).toBeGreaterThan(0);
    expect(links.map((l) => l.slug)).toContain('excessive-agency-destructive-actions');
    for (const l of links) expect(l.href).toBe(`/attacks/${l.slug}/`);
  });

  it('sends any POISON_ finding to the tool-metadata-poisoning pattern', () => {
    const links = patternsForVerdict(
      verdict({ findings: [{ code: 'POISON_IMPERATIVE_TO_MODEL', severity: 'warning', message: 'm' }] }),
    );
    expect(links.map((l) => l.slug)).toContain('tool-metadata-poisoning');
  });

  it('does not attach tool poisoning to a clean read tool with no capabilities', () => {
    expect(patternsForVerdict(verdict({}))).toEqual([]);
  });

  it('links filesystem writers to config tampering and traversal, readers only to traversal', () => {
    const writer = patternsForVerdict(verdict({ category: 'write', capabilities: ['filesystem'] })).map((l) => l.slug);
    expect(writer).toEqual(expect.arrayContaining(['agent-config-self-modification', 'path-traversal-sandbox-escape']));
    const reader = patternsForVerdict(verdict({ category: 'read', capabilities: ['filesystem'] })).map((l) => l.slug);
    expect(reader).toContain('path-traversal-sandbox-escape');
    expect(reader).not.toContain('agent-config-self-modification');
  });

  it('every capability and category is matched by at least one pattern', () => {
    const patterns = loadAttackPatterns();
    const caps = new Set(
      patterns.flatMap((p) => [
        ...p.data.matches.capabilities,
        ...p.data.matches.combinations.flatMap((c) => c.capabilities),
      ]),
    );
    for (const c of [
      'filesystem',
      'code-execution',
      'network-egress',
      'messaging',
      'credentials',
      'database',
      'infrastructure',
      'browser',
      'personal-data',
    ] as const) {
      expect(caps.has(c), c).toBe(true);
    }
  });
});
