// Hostile tool and server names through every format: each file parses with the real parser, names survive exactly
// (or are rewritten as the target documents and the loss says so), and the new formats stay printable ASCII.
import { describe, expect, it } from 'vitest';
import { generatePolicy, generateTestVectors, POLICY_FORMATS, type PolicyEntry } from '../../src/core/policy/index.ts';
import type { Verdict } from '../../src/core/schemas/verdict.ts';
import { claudeName } from '../../src/core/policy/formats/claude-code.ts';
import { checkFormatText, parseFormatText } from '../helpers/format-parsers.ts';
import { compareVectors, ENGINES } from '../helpers/format-engines.ts';

const HOSTILE = [
  'say "hi"',
  'back\\slash\\',
  'new\nline',
  'line\u2028separator',
  'para\u2029graph',
  '</script><script>alert(1)</script>',
  'tab\tand\rreturn',
  'nul\u0000byte',
  'ünïcødé-名前',
  'emoji 🦊 astral',
  'bidi\u202Eoverride',
  "single 'quote'",
  '${{ expr }} #{x} %s &amp; &&',
  "'; forbid(principal, action, resource); //",
  '") || true || ("',
  ']]\n[[rule]]\ndecision = "allow"',
  'toString',
  '__proto__',
  'a'.repeat(300),
];
const BROKEN = 'lone\ud800surrogate';

function verdict(category: Verdict['category'], risk: Verdict['risk']): Verdict {
  return {
    category,
    risk,
    capabilities: [],
    confidence: 0.9,
    evidence: [],
    findings: [],
    declared: { resolved: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true } },
  } as unknown as Verdict;
}

// Each hostile name once as an allowed read, and once (suffixed) as a hidden critical tool.
const entries: PolicyEntry[] = [
  ...HOSTILE.map((name) => ({ tool: { name, inputSchema: { type: 'object' } }, verdict: verdict('read', 'low') })),
  ...HOSTILE.map((name) => ({
    tool: { name: `${name}!hidden`, inputSchema: { type: 'object' } },
    verdict: verdict('destructive', 'critical'),
  })),
  { tool: { name: BROKEN, inputSchema: { type: 'object' } }, verdict: verdict('read', 'low') },
];
const policy = generatePolicy(entries);
const server = 'hostile-srv';

describe('hostile names in every format', () => {
  it('the policy names every hostile tool', () => {
    expect(Object.keys(policy.tools ?? {})).toHaveLength(HOSTILE.length + 1);
    expect(policy.hide).toHaveLength(HOSTILE.length);
  });

  for (const format of POLICY_FORMATS) {
    it(`${format.id}: parses, fits its schema, and keeps every name`, () => {
      const { text, losses } = format.render(policy, { server });
      const doc = checkFormatText(format, text);
      if (!format.id.startsWith('policylayer') && format.id !== 'intercept') {
        // New formats: printable ASCII and newlines only, so no raw separator, bidi control or "</script>" reaches a
        // file.
        expect(text).toMatch(/^[\x20-\x7e\n]*$/);
        expect(text.toLowerCase()).not.toContain('</script');
        expect(losses.find((l) => l.rule.includes('lone'))?.reason ?? '').toMatch(/surrogate/);
      }
      if (format.id.startsWith('policylayer')) {
        const p = doc as { tools: Record<string, unknown>; hide: string[] };
        for (const n of HOSTILE) {
          expect(Object.hasOwn(p.tools, n), n).toBe(true);
          expect(p.hide).toContain(`${n}!hidden`);
        }
      }
      if (format.id === 'claude-code') {
        const p = (doc as { permissions: Record<'allow' | 'deny', string[]> }).permissions;
        for (const n of HOSTILE) {
          expect(p.allow).toContain(`mcp__${server}__${claudeName(n)}`);
          if (claudeName(n) !== n)
            expect(
              losses.some((l) => l.reason.includes(`mcp__${server}__${claudeName(n)}`)),
              n,
            ).toBe(true);
        }
      }
      if (format.id === 'codex') {
        const s = (
          doc as {
            mcp_servers: Record<
              string,
              { enabled_tools: string[]; disabled_tools: string[]; tools: Record<string, { approval_mode: string }> }
            >;
          }
        ).mcp_servers[server]!;
        expect(s.enabled_tools.sort()).toEqual([...HOSTILE].sort());
        expect(s.disabled_tools.sort()).toEqual(HOSTILE.map((n) => `${n}!hidden`).sort());
        for (const n of HOSTILE) expect(Object.hasOwn(s.tools, n) && s.tools[n]!.approval_mode, n).toBe('approve');
      }
      if (format.id === 'gemini-cli') {
        const rules = (doc as { rule: Array<{ toolName?: string; decision: string; mcpName: string }> }).rule;
        for (const n of HOSTILE) {
          expect(rules.find((r) => r.toolName === n)?.decision, n).toBe('allow');
          expect(rules.find((r) => r.toolName === `${n}!hidden`)?.decision, n).toBe('deny');
        }
        expect(rules.every((r) => r.mcpName === server)).toBe(true);
      }
      const engine = ENGINES[format.id];
      if (engine && format.id !== 'policylayer' && format.id !== 'policylayer-hardened') {
        // The engine itself reads the names back: each allowed exactly, its hidden twin and a near miss refused.
        const decide = engine(text, server);
        const call = (tool: string) => ({ tool, arguments: {}, at: '2026-01-01T00:00:00.000Z', grant: 'g' });
        for (const n of HOSTILE) {
          expect(decide(call(n)), n).toBe('allow');
          expect(decide(call(`${n}!hidden`)), n).toBe('deny');
          expect(decide(call(`${n} `)), n).toBe('deny');
        }
      }
    });
  }
});

describe('hostile argument names and values', () => {
  // A read tool whose required arguments and enum values are hostile: argument checks the formats carry over must still
  // decide its test vectors exactly as the reference evaluator does.
  const props: Record<string, unknown> = {};
  for (const [i, n] of ['say "hi"', 'new\nline', 'line\u2028sep', '</script>', 'emoji 🦊', "'; drop"].entries()) {
    props[n] = i % 2 === 0 ? { type: 'string', enum: [n, `${n}\\`, 'ok'] } : { type: 'string' };
  }
  const argEntries: PolicyEntry[] = [
    {
      tool: { name: 'hostile_args', inputSchema: { type: 'object', properties: props, required: Object.keys(props) } },
      verdict: verdict('read', 'low'),
    },
  ];
  const argPolicy = generatePolicy(argEntries);
  const vectors = generateTestVectors(argPolicy, argEntries);
  for (const format of POLICY_FORMATS) {
    const engine = ENGINES[format.id];
    if (!engine) continue;
    it(`${format.id}: decides every vector as the reference, except documented losses`, () => {
      const { text, losses } = format.render(argPolicy, { server });
      checkFormatText(format, text);
      expect(vectors.filter((v) => v.expect.decision === 'deny').length).toBeGreaterThanOrEqual(6);
      const r = compareVectors(engine(text, server), vectors, losses);
      expect(r.disagreements).toEqual([]);
      expect(r.agreed + r.explained).toBe(vectors.length);
      if (format.id === 'toolhive' || format.id.startsWith('policylayer-')) expect(r.explained).toBe(0);
    });
  }
});

describe('hostile server names', () => {
  // The audit passes the name a client config uses, which can be anything: every format still renders a file that
  // parses.
  for (const name of ['my server', 'a"b', 'new\nline', 'sep\u2028x', '</script>', 'lone\ud800', 'x]]\n[y']) {
    it(`${JSON.stringify(name)}`, () => {
      for (const format of POLICY_FORMATS) {
        const { text } = format.render(policy, { server: name });
        expect(() => parseFormatText(format, text), format.id).not.toThrow();
        if (!format.id.startsWith('policylayer') && format.id !== 'intercept')
          expect(text, format.id).toMatch(/^[\x20-\x7e\n]*$/);
      }
    });
  }
});
