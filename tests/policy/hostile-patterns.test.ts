// Policies written as an attacker would: a regex that backtracks catastrophically, and tool names holding the line
// separators Intercept's YAML parser (Go yaml.v3) breaks lines on. Checked through the real CLI and the real exporters.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { createState, evaluate, interceptExport } from '../../src/core/policy/index.ts';
import { hasNestedQuantifier } from '../../src/core/policy/regex.ts';
import type { Policy } from '../../src/core/schemas/policy.ts';

const root = resolve(import.meta.dirname, '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'toolgate-hostile-policy-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['src/cli/policy.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 30_000 });

const EVIL = '^(a+)+$';
const evilPolicy: Policy = {
  version: '1',
  default: 'deny',
  tools: { run: { deny_if: [{ conditions: [{ path: 'args.q', op: 'regex', value: EVIL }], on_deny: 'No.' }] } },
};

describe('regex conditions cannot backtrack', () => {
  it('policy check refuses nested quantifiers with a coded error, and eval refuses the policy', () => {
    const file = join(tmp, 'evil.json');
    writeFileSync(file, JSON.stringify(evilPolicy));
    const checked = cli('check', file, '--json');
    expect(checked.status).toBe(1);
    expect(JSON.parse(checked.stdout).errors).toEqual([
      expect.objectContaining({ code: 'POLICY_REGEX_BACKTRACKS', path: '$.tools.run.deny_if[0].conditions[0].value' }),
    ]);
    const calls = join(tmp, 'calls.jsonl');
    writeFileSync(
      calls,
      JSON.stringify({ tool: 'run', arguments: { q: `${'a'.repeat(40)}b` }, at: '2026-01-01T00:00:00Z' }) + '\n',
    );
    const evaluated = cli('eval', '--policy', file, '--calls', calls);
    expect(evaluated.status).toBe(2);
    expect(evaluated.stderr).toContain('policy check');
  });

  it('the evaluator answers in linear time even for such a pattern, with RE2 semantics', () => {
    const started = Date.now();
    for (const length of [30, 40, 5000]) {
      const decision = evaluate(
        evilPolicy,
        { tool: 'run', arguments: { q: `${'a'.repeat(length)}b` }, at: '2026-01-01T00:00:00Z' },
        createState(),
      );
      expect(decision).toMatchObject({ decision: 'allow' });
    }
    expect(Date.now() - started).toBeLessThan(2000);
    expect(
      evaluate(evilPolicy, { tool: 'run', arguments: { q: 'aaaa' }, at: '2026-01-01T00:00:00Z' }, createState()),
    ).toMatchObject({ decision: 'deny' });
    // Go's \s is [\t\n\f\r ] only; JavaScript's would also match a no-break space. The gateway's meaning wins.
    const spaces: Policy = {
      version: '1',
      default: 'deny',
      tools: { t: { deny_if: [{ conditions: [{ path: 'args.x', op: 'regex', value: '^\\s$' }], on_deny: 'No.' }] } },
    };
    expect(
      evaluate(spaces, { tool: 't', arguments: { x: '\u00a0' }, at: '2026-01-01T00:00:00Z' }, createState()),
    ).toMatchObject({ decision: 'allow' });
    expect(
      evaluate(spaces, { tool: 't', arguments: { x: '\t' }, at: '2026-01-01T00:00:00Z' }, createState()),
    ).toMatchObject({ decision: 'deny' });
  });

  it('flags nested repeats and only them', () => {
    for (const pattern of [EVIL, '(\\w*x)*', '((ab)+c){2,}', '(?:a+)+', '(?P<n>a*)*'])
      expect(hasNestedQuantifier(pattern), pattern).toBe(true);
    for (const pattern of ['(a|b)*', '^[a-z]+$', '[(a+)]+', '\\(a+\\)+', '^[\\s\\S]{101}', 'x(ab)+y', '(?i)a+'])
      expect(hasNestedQuantifier(pattern), pattern).toBe(false);
  });
});

// Go's yaml.v3 (Intercept) breaks lines on these as well as on \n and \r.
const GO_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/;
const HOSTILE_CHARS = [
  '\u2028',
  '\u2029',
  '\u0085',
  '\u0090',
  '\ufeff',
  '\ud800',
  '\udfff',
  '\u000b',
  '\r',
  '\n',
  '"',
  ':',
  '#',
  ' ',
  'a',
  'é',
  '😀',
];

describe('Intercept YAML stays valid for every line separator', () => {
  it('escapes them in tool names, paths and messages; the yaml package reads back the same names and Go sees the same lines', () => {
    const name = fc
      .array(fc.constantFrom(...HOSTILE_CHARS), { minLength: 1, maxLength: 8 })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(name, { minLength: 1, maxLength: 4 }), (names) => {
        const tools: Policy['tools'] = {};
        for (const n of names) {
          tools[n] = {
            require: [{ conditions: [{ path: `args.${n}`, op: 'exists', value: true }], on_deny: `Say ${n}.` }],
            deny_if: [{ conditions: [{ path: `args.${n}`, op: 'eq', value: n }], on_deny: `Not ${n}.` }],
            limits: [{ counter: 'calls', window: 'minute', max: 3, scope: 'grant' }],
          };
        }
        const { yaml } = interceptExport({ version: '1', default: 'deny', tools });
        expect(yaml).not.toMatch(/[\u0085\u2028\u2029\u0080-\u009f\ufeff]/);
        expect(yaml.split(GO_BREAKS)).toEqual(yaml.split('\n'));
        for (const version of ['1.1', '1.2'] as const) {
          const doc = parseDocument(yaml, { version, uniqueKeys: true });
          expect(doc.errors).toEqual([]);
          expect(Object.keys((doc.toJS() as { tools: Record<string, unknown> }).tools).sort()).toEqual(
            [...names].sort(),
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});
