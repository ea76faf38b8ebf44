// Generator: reference shapes, strictness, determinism, hostile tool names, regex portability, describe and JSON
// Schema.
import { describe, expect, it } from 'vitest';
import {
  checkPolicy,
  counterNames,
  describePolicy,
  generatePolicy,
  PATH_GUARDS,
  policyJsonSchema,
  POLICY_DEFAULTS,
  regexProblem,
} from '../../src/core/policy/index.ts';
import { verdict } from './helpers.ts';

const closeSession = {
  tool: {
    name: 'close_session',
    inputSchema: { type: 'object', properties: { session_id: { type: 'string' } }, required: ['session_id'] },
  },
  verdict: verdict('close_session', 'write', 'medium'),
};

describe('generatePolicy', () => {
  it('close_session under --strict is exactly the reference page', () => {
    expect(JSON.stringify(generatePolicy([closeSession], { strict: true, tool: 'close_session' }))).toBe(
      JSON.stringify({
        version: '1',
        default: 'deny',
        tools: {
          close_session: { limits: [{ counter: 'close_session_rate', window: 'minute', max: 30, scope: 'grant' }] },
        },
      }),
    );
  });
  it('outside --strict keeps the same limit and adds argument rules', () => {
    const p = generatePolicy([closeSession], { tool: 'close_session' });
    expect(p.tools!.close_session!.limits).toEqual([
      { counter: 'close_session_rate', window: 'minute', max: 30, scope: 'grant' },
    ]);
    expect(p.tools!.close_session!.require).toEqual([
      {
        conditions: [{ path: 'args.session_id', op: 'exists', value: true }],
        on_deny: 'Missing required argument "session_id".',
      },
    ]);
  });
  it('--strict emits only attested constructs', () => {
    const entries = [
      closeSession,
      {
        tool: {
          name: 'rm',
          inputSchema: {
            type: 'object',
            properties: { path: { type: 'string' }, force: { type: 'boolean' } },
            required: ['path'],
          },
        },
        verdict: verdict('rm', 'destructive', 'high'),
      },
    ];
    const p = generatePolicy(entries, { strict: true });
    expect(checkPolicy(p, { strict: true }).ok).toBe(true);
    expect(JSON.stringify(p)).not.toMatch(/"require"|"path"|"day"/);
    expect(checkPolicy(generatePolicy(entries), { strict: true }).ok).toBe(false);
  });
  it('hidden tools are snippets of the reference shape (b)', () => {
    const p = generatePolicy(
      [{ tool: { name: 'delete_tool_policy' }, verdict: verdict('delete_tool_policy', 'destructive', 'critical') }],
      { tool: 'delete_tool_policy' },
    );
    expect(p).toEqual({ version: '1', default: 'deny', hide: ['delete_tool_policy'] });
  });
  it('is deterministic whatever the input order', () => {
    const names = ['b', 'a.c', 'A', 'a', 'Ω', ' a', 'z z', 'x/y'];
    const entries = names.map((n, i) => ({ tool: { name: n }, verdict: verdict(n, i % 2 ? 'write' : 'read') }));
    const one = JSON.stringify(generatePolicy(entries));
    expect(JSON.stringify(generatePolicy([...entries].reverse()))).toBe(one);
  });
  it('counter names are unique even for names that collide after sanitising or differ only in case', () => {
    const names = [
      'send message',
      'send_message',
      'send.message',
      'Send_Message',
      'SEND_MESSAGE',
      '',
      '!!!',
      '???',
      'x'.repeat(300),
      'x'.repeat(301),
    ];
    const counters = [...counterNames(names).values()];
    expect(new Set(counters.map((c) => c.toLowerCase())).size).toBe(names.length);
    expect(counterNames(names).get('send_message')).toBe('send_message_rate');
    for (const c of counters) expect(c).toMatch(/^[A-Za-z0-9_-]{1,80}$/);
    const p = generatePolicy(names.map((n) => ({ tool: { name: n }, verdict: verdict(n, 'write') })));
    expect(checkPolicy(p).ok).toBe(true);
  });
  it('hostile tool names stay own keys: __proto__, constructor, toString', () => {
    const names = ['__proto__', 'constructor', 'toString'];
    const p = generatePolicy(names.map((n) => ({ tool: { name: n }, verdict: verdict(n, 'read') })));
    expect(Object.keys(p.tools!)).toEqual(names);
    expect(JSON.parse(JSON.stringify(p)).tools).toHaveProperty(['__proto__']);
    expect(checkPolicy(JSON.parse(JSON.stringify(p))).ok).toBe(true);
  });
  it('duplicate tool names take the most restrictive state and no argument rules', () => {
    const p = generatePolicy([
      {
        tool: { name: 'x', inputSchema: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] } },
        verdict: verdict('x', 'read'),
      },
      {
        tool: { name: 'x', inputSchema: { type: 'object', properties: { b: { type: 'string' } }, required: ['b'] } },
        verdict: verdict('x', 'destructive', 'high'),
      },
    ]);
    expect(p.tools!.x).toEqual({ deny_if: [{ conditions: [], on_deny: 'Requires human approval.' }] });
  });
  it('a junk input schema never throws and yields no argument rules', () => {
    for (const inputSchema of [
      null,
      42,
      'x',
      [],
      { properties: [] },
      { properties: { a: 5 }, required: 'a' },
      { properties: { 'a.b': { type: 'string' } }, required: ['a.b'] },
    ]) {
      const p = generatePolicy([{ tool: { name: 't', inputSchema }, verdict: verdict('t', 'read') }]);
      expect(p.tools!.t).toEqual({});
    }
  });
  it('asks for a tool that is not there with a clear error', () => {
    expect(() => generatePolicy([closeSession], { tool: 'nope' })).toThrow(/"nope" is not among the 1 tools given/);
  });
  it('every generated pattern is portable to RE2', () => {
    for (const g of PATH_GUARDS) expect(regexProblem(g.pattern)).toBeNull();
    expect(regexProblem('^[\\s\\S]{1000}')).toBeNull();
    expect(regexProblem('^[\\s\\S]{1001}')).toMatch(/1000/);
    expect(regexProblem('(a)\\1')).toMatch(/back-references/);
    expect(regexProblem('(?i)abc')).toMatch(/inline flags/);
  });
  it('path guards catch the samples and pass ordinary paths', () => {
    for (const g of PATH_GUARDS) {
      const re = new RegExp(g.pattern, 'u');
      expect(re.test(g.sample)).toBe(true);
      for (const ok of ['notes/example.txt', 'src/env.ts', 'a..b/c', 'etc/x', 'my.ssh.txt', '.environment'])
        expect(re.test(ok)).toBe(false);
    }
  });
});

describe('describePolicy and defaults', () => {
  const entries = [
    closeSession,
    { tool: { name: 'list' }, verdict: verdict('list', 'read') },
    { tool: { name: 'drop' }, verdict: verdict('drop', 'destructive', 'high') },
    { tool: { name: 'pay' }, verdict: verdict('pay', 'write', 'high', ['financial']) },
    { tool: { name: 'exec' }, verdict: verdict('exec', 'destructive', 'critical') },
    { tool: { name: 'select_query' }, verdict: verdict('select_query', 'read', 'high', ['database']) },
    { tool: { name: 'readonly_query' }, verdict: verdict('readonly_query', 'read', 'medium', ['database']) },
  ];
  const p = generatePolicy(entries, { strict: true });
  it('states match the starter defaults', () => {
    expect(describePolicy(p, 'close_session')).toMatchObject({
      state: 'limited',
      summary: 'Limited: allowed up to 30 calls per minute per grant.',
    });
    expect(describePolicy(p, 'list')).toEqual({ state: 'allowed', summary: 'Allowed.', rules: [] });
    expect(describePolicy(p, 'drop')).toMatchObject({
      state: 'denied',
      summary: 'Denied: every call is refused with “Requires human approval.”',
    });
    expect(describePolicy(p, 'pay').state).toBe('denied');
    expect(describePolicy(p, 'exec').state).toBe('hidden');
    expect(describePolicy(p, 'unknown').state).toBe('denied');
    // A read-only query behind an implied guard (read/high) is rate-limited like a write; an explicit guard
    // (read/medium) is allowed.
    expect(describePolicy(p, 'select_query')).toMatchObject({
      state: 'limited',
      summary: 'Limited: allowed up to 30 calls per minute per grant.',
    });
    expect(describePolicy(p, 'readonly_query').state).toBe('allowed');
  });
  it('POLICY_DEFAULTS is data the site can show', () => {
    expect(POLICY_DEFAULTS.rules.map((r) => r.state)).toEqual([
      'hidden',
      'denied',
      'denied',
      'limited',
      'limited',
      'allowed',
    ]);
    expect(POLICY_DEFAULTS.writeLimit).toEqual({ window: 'minute', max: 30, scope: 'grant' });
    expect(JSON.parse(JSON.stringify(POLICY_DEFAULTS))).toEqual(POLICY_DEFAULTS);
  });
  it('publishes a JSON Schema generated from zod', () => {
    const s = policyJsonSchema() as {
      $schema: string;
      properties: Record<string, unknown>;
      required: string[];
      additionalProperties: boolean;
    };
    expect(s.$schema).toMatch(/2020-12/);
    expect(Object.keys(s.properties).sort()).toEqual(['all_tools', 'default', 'hide', 'tools', 'version']);
    expect(s.required.sort()).toEqual(['default', 'version']);
    expect(s.additionalProperties).toBe(false);
    expect(JSON.stringify(s)).toContain('INFERRED');
  });
});
