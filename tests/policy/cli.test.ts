// The real policy CLI as a child process: check on ten malformed policies, generate in every registered format, eval
// over JSONL.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify/index.ts';
import { generatePolicy, POLICY_FORMATS, type PolicyEntry } from '../../src/core/policy/index.ts';
import { checkFormatText } from '../helpers/format-parsers.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const node = join(root, 'node_modules/.bin/node');
const cli = (...args: string[]) => spawnSync(node, ['src/cli/policy.ts', ...args], { cwd: root, encoding: 'utf8' });
const malformedDir = join(root, 'tests/fixtures/policies/malformed');
const tmp = mkdtempSync(join(tmpdir(), 'toolgate-policy-'));

describe('policy check', () => {
  const files = readdirSync(malformedDir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  it('has ten malformed fixtures', () => expect(files).toHaveLength(10));

  const outputs = files.map((f) => ({ f, ...cli('check', join(malformedDir, f), '--json') }));
  it('rejects each with exit 1 and exactly one located, explained error', () => {
    for (const o of outputs) {
      expect(o.status, o.f).toBe(1);
      const r = JSON.parse(o.stdout) as { ok: boolean; errors: Array<{ path: string; message: string; hint: string }> };
      expect(r.ok).toBe(false);
      expect(r.errors, o.f).toHaveLength(1);
      expect(r.errors[0]!.path).toMatch(/^\$/);
      expect(r.errors[0]!.message.length).toBeGreaterThan(20);
      expect(r.errors[0]!.hint.length).toBeGreaterThan(20);
    }
  });
  it('gives ten distinct messages, each naming what is wrong', () => {
    const messages = outputs.map(
      (o) => (JSON.parse(o.stdout) as { errors: Array<{ message: string }> }).errors[0]!.message,
    );
    expect(new Set(messages).size).toBe(10);
    const expected = [
      /version is the number 1/,
      /default must be "allow" or "deny".*"block"/,
      /Unknown key "rules"/,
      /window must be .*number 60/,
      /max must be a whole number.*0/,
      /scope must be "grant".*"user"/,
      /Counter "send_rate" is already used/,
      /Unknown operator "starts_with"/,
      /"not_in" needs a list/,
      /not portable to RE2: look-ahead/,
    ];
    messages.forEach((m, i) => expect(m).toMatch(expected[i]!));
  });
  it('gives every error a permanent code from the findings catalogue', async () => {
    const { findingInfo } = await import('../../src/core/findings/index.ts');
    const codes = outputs.map((o) => (JSON.parse(o.stdout) as { errors: Array<{ code: string }> }).errors[0]!.code);
    expect(codes).toEqual([
      'POLICY_VERSION_INVALID',
      'POLICY_DEFAULT_INVALID',
      'POLICY_UNKNOWN_KEY',
      'POLICY_WINDOW_INVALID',
      'POLICY_MAX_INVALID',
      'POLICY_SCOPE_INVALID',
      'POLICY_COUNTER_DUPLICATE',
      'POLICY_OPERATOR_UNKNOWN',
      'POLICY_CONDITION_VALUE_INVALID',
      'POLICY_REGEX_NOT_PORTABLE',
    ]);
    for (const c of codes) expect(findingInfo(c)?.source, c).toBe('policy-check');
  });
  it('prints human output with path and fix', () => {
    const r = cli('check', join(malformedDir, '04-window-in-seconds.json'));
    expect(r.stdout).toContain('[POLICY_WINDOW_INVALID: Bad window]');
    expect(r.stdout).toContain('$.tools.send_message.limits[0].window: window must be');
    expect(r.stdout).toContain('fix: window is the name of a calendar window');
  });
  it('reports every error at once', () => {
    const file = join(tmp, 'many.json');
    writeFileSync(
      file,
      JSON.stringify({
        version: 2,
        default: 'nope',
        hide: ['a', 'a'],
        tools: {
          a: {
            limits: [{ counter: '', window: 'week', max: -1, scope: 'x' }],
            deny_if: [{ conditions: [{ path: 'amount', op: 'gt', value: '5' }] }],
          },
        },
      }),
    );
    const r = JSON.parse(cli('check', file, '--json').stdout) as { errors: Array<{ path: string }> };
    expect(r.errors.map((e) => e.path)).toEqual([
      '$.version',
      '$.default',
      '$.hide[1]',
      '$.tools.a',
      '$.tools.a.deny_if[0].conditions[0].path',
      '$.tools.a.deny_if[0].conditions[0].value',
      '$.tools.a.deny_if[0].on_deny',
      '$.tools.a.limits[0].counter',
      '$.tools.a.limits[0].window',
      '$.tools.a.limits[0].max',
      '$.tools.a.limits[0].scope',
    ]);
  });
  it('accepts a valid policy with exit 0 and explains unreadable input', () => {
    const ok = cli('check', join(root, 'tests/fixtures/policies/golden/policy.json'));
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^ok: /);
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, '{ "version": "1", }');
    const r = cli('check', bad);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is not valid JSON: .*Fix the syntax/);
    expect(cli('check', join(tmp, 'missing.json')).stderr).toMatch(/Cannot read policy .*ENOENT/);
  });
});

describe('policy generate and eval', () => {
  const delx = join(root, 'content/servers/delx.json');
  it('via npm: the Delx close_session snippet under --strict is the reference page', () => {
    expect(existsSync(delx)).toBe(true);
    const out = execFileSync(
      'npm',
      ['run', '--silent', 'policy', '--', 'generate', delx, '--tool', 'close_session', '--strict'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(JSON.parse(out)).toEqual({
      version: '1',
      default: 'deny',
      tools: {
        close_session: { limits: [{ counter: 'close_session_rate', window: 'minute', max: 30, scope: 'grant' }] },
      },
    });
  });
  it('without --strict the default format is still the attested-only policy; the hardened format adds argument checks', () => {
    const r = cli('generate', delx, '--tool', 'close_session');
    expect(JSON.parse(r.stdout)).toEqual({
      version: '1',
      default: 'deny',
      tools: {
        close_session: { limits: [{ counter: 'close_session_rate', window: 'minute', max: 30, scope: 'grant' }] },
      },
    });
    expect(r.stderr).toMatch(
      /rules? of the starter policy .*not in the PolicyLayer file:\n {2}\/tools\/close_session\/require\/0: argument check/,
    );
    const h = cli('generate', delx, '--tool', 'close_session', '--format', 'policylayer-hardened');
    expect(h.stderr).toBe('');
    const hardened = JSON.parse(h.stdout) as { tools: { close_session: { require?: unknown[]; deny_if?: unknown[] } } };
    expect(hardened.tools.close_session.require?.length).toBeGreaterThan(0);
  });
  it('generates a whole-server policy that checks, and Intercept YAML that parses', () => {
    const r = cli('generate', delx);
    expect(r.status).toBe(0);
    const file = join(tmp, 'delx.json');
    writeFileSync(file, r.stdout);
    expect(cli('check', file, '--strict').status).toBe(0);
    const y = cli('generate', delx, '--format', 'intercept');
    const doc = parse(y.stdout) as { version: string; default: string; tools: Record<string, { rules: unknown[] }> };
    expect(doc.version).toBe('1');
    expect(Object.keys(doc.tools).length).toBe(Object.keys(JSON.parse(r.stdout).tools).length);
  });
  it('evaluates a JSONL of calls, one decision per line, the 31st write in a minute denied', () => {
    const policy = join(tmp, 'close.json');
    writeFileSync(policy, cli('generate', delx, '--tool', 'close_session', '--strict').stdout);
    const lines = Array.from({ length: 31 }, (_, i) =>
      JSON.stringify({
        tool: 'close_session',
        arguments: { session_id: 's' },
        at: `2026-01-01T00:00:${String(i).padStart(2, '0')}Z`,
        grant: 'g',
      }),
    );
    lines.push(
      JSON.stringify({ tool: 'close_session', arguments: {}, at: '2026-01-01T00:01:00Z', grant: 'g' }),
      JSON.stringify({ tool: 'other', at: '2026-01-01T00:01:00Z' }),
      'not json',
    );
    const calls = join(tmp, 'calls.jsonl');
    writeFileSync(calls, lines.join('\n') + '\n');
    const r = cli('eval', '--policy', policy, '--calls', calls);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(34);
    expect(out.slice(0, 30).every((d) => d.decision === 'allow')).toBe(true);
    expect(out[30]).toEqual({
      decision: 'deny',
      rule: '/tools/close_session/limits/close_session_rate',
      message: 'Rate limit of 30 per minute reached. Try again later.',
    });
    expect(out[31].decision).toBe('allow');
    expect(out[32]).toMatchObject({ decision: 'deny', rule: '(default deny)' });
    expect(out[33]).toMatchObject({ line: 34 });
    expect(r.status).toBe(1);
  });
  it("--format takes every registered format; each output parses and fits its target's schema, losses on stderr", () => {
    for (const format of POLICY_FORMATS) {
      const r = cli('generate', delx, '--format', format.id);
      expect(r.status, `${format.id}: ${r.stderr}`).toBe(0);
      expect(() => checkFormatText(format, r.stdout), format.id).not.toThrow();
      const { losses } = format.render(
        generatePolicy(
          JSON.parse(readFileSync(delx, 'utf8')).tools.map((tool: PolicyEntry['tool']) => ({
            tool,
            verdict: classify(tool),
          })),
        ),
        { server: 'delx' },
      );
      if (losses.length)
        expect(r.stderr, format.id).toMatch(new RegExp(`^policy: ${losses.length} rules? of the starter policy`));
      else expect(r.stderr, format.id).toBe('');
    }
    // One CLI process and one target-engine check per registered format.
  }, 300_000);
  it('refuses an unknown tool and an unknown format with a clear message', () => {
    expect(cli('generate', delx, '--tool', 'no_such_tool').stderr).toMatch(
      /"no_such_tool" is not among the 143 tools given/,
    );
    expect(cli('generate', delx, '--format', 'yaml').stderr).toMatch(
      /--format must be one of "policylayer", "policylayer-hardened", "intercept".*not "yaml"/,
    );
  });
});
