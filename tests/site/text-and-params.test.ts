// Untrusted-text helpers and the parameters table: invisible characters shown, extreme text cut safely, odd schemas
// survived.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cut, hasInvisible, oneLine, revealInvisible, truncate } from '../../src/site/text.ts';
import { parameterTable, MAX_PARAMS } from '../../src/site/params.ts';

describe('text helpers', () => {
  it('reveals bidi, zero-width, tag and control characters but keeps newlines and tabs', () => {
    expect(revealInvisible('a\u202Eb\u200Bc\u{E0041}d\u0007e\n\tf')).toBe(
      'a⟦U+202E⟧b⟦U+200B⟧c⟦U+E0041⟧d⟦U+0007⟧e\n\tf',
    );
    expect(hasInvisible('plain text, émoji 💥')).toBe(false);
    expect(hasInvisible('x\uFEFF')).toBe(true);
  });
  it('never splits a surrogate pair when cutting', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.nat(50), (s, n) => {
        const out = cut(s, n);
        expect(out.length).toBeLessThanOrEqual(n);
        expect(s.startsWith(out)).toBe(true);
        expect(/[\uD800-\uDBFF]$/.test(out)).toBe(false);
      }),
    );
  });
  it('truncate reports the full length; oneLine collapses whitespace and stays within its limit', () => {
    expect(truncate('abcdef', 3)).toEqual({ text: 'abc', truncated: true, fullLength: 6 });
    expect(truncate('abc', 3)).toEqual({ text: 'abc', truncated: false, fullLength: 3 });
    expect(oneLine('  a\n\n b\tc  ', 50)).toBe('a b c');
    const long = oneLine('word '.repeat(1_000_000), 120);
    expect(long.length).toBeLessThanOrEqual(120);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('parameterTable', () => {
  it('lists name, type, required, constraints and description', () => {
    const table = parameterTable({
      type: 'object',
      properties: {
        path: { type: 'string', description: 'File path', minLength: 1, pattern: '^/' },
        mode: { enum: ['r', 'w'], default: 'r' },
        count: { type: ['integer', 'null'], minimum: 0, maximum: 10 },
        tags: { type: 'array', items: { type: 'string' }, maxItems: 5 },
        any: { anyOf: [{ type: 'string' }, { type: 'number' }] },
      },
      required: ['path'],
    });
    expect(table.rows).toEqual([
      {
        name: 'path',
        type: 'string',
        required: true,
        constraints: ['min length 1', 'pattern ^/'],
        description: 'File path',
      },
      { name: 'mode', type: 'enum', required: false, constraints: ['one of "r", "w"', 'default "r"'], description: '' },
      { name: 'count', type: 'integer | null', required: false, constraints: ['≥ 0', '≤ 10'], description: '' },
      { name: 'tags', type: 'array of string', required: false, constraints: ['max items 5'], description: '' },
      { name: 'any', type: 'string | number', required: false, constraints: [], description: '' },
    ]);
  });
  it('explains why there is no table', () => {
    expect(parameterTable(undefined).note).toMatch(/no input schema/);
    expect(parameterTable([1, 2]).note).toMatch(/not a JSON object/);
    expect(parameterTable({ type: 'object' }).note).toMatch(/no parameters/);
  });
  it('caps rows and survives any JSON as a schema', () => {
    const many = parameterTable({
      type: 'object',
      properties: Object.fromEntries(Array.from({ length: MAX_PARAMS + 7 }, (_, i) => [`p${i}`, {}])),
    });
    expect(many.rows).toHaveLength(MAX_PARAMS);
    expect(many.omitted).toBe(7);
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (props) => {
        const t = parameterTable({ type: 'object', properties: props, required: props });
        expect(Array.isArray(t.rows)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
