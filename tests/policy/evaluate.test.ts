// The reference evaluator: order, windows, operator semantics, and fast-check properties (quota never exceeded, denials
// free, hide wins).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createState, evaluate, windowStart, type PolicyState } from '../../src/core/policy/index.ts';
import type { Policy } from '../../src/core/schemas/policy.ts';

const at = (iso: string) => ({ at: iso });

describe('evaluate: documented order', () => {
  const policy: Policy = {
    version: '1',
    default: 'deny',
    hide: ['secret'],
    tools: {
      secret: {},
      send: {
        require: [{ conditions: [{ path: 'args.to', op: 'exists', value: true }], on_deny: 'Say who to send to.' }],
        deny_if: [
          { conditions: [{ path: 'args.to', op: 'regex', value: '@evil\\.example$' }], on_deny: 'Not that domain.' },
        ],
        limits: [{ counter: 'send_rate', window: 'minute', max: 2, scope: 'grant' }],
      },
      toString: {},
    },
  };
  it('hide beats a listing, default deny beats nothing, require before deny_if, limits last', () => {
    const s = createState();
    const t = '2026-03-04T10:00:00Z';
    expect(evaluate(policy, { tool: 'secret', ...at(t) }, s)).toMatchObject({ decision: 'deny', rule: '(hidden)' });
    expect(evaluate(policy, { tool: 'other', ...at(t) }, s)).toMatchObject({
      decision: 'deny',
      rule: '(default deny)',
    });
    expect(evaluate(policy, { tool: 'constructor', ...at(t) }, s)).toMatchObject({
      decision: 'deny',
      rule: '(default deny)',
    });
    expect(evaluate(policy, { tool: 'toString', ...at(t) }, s)).toMatchObject({ decision: 'allow' });
    expect(evaluate(policy, { tool: 'send', arguments: {}, ...at(t) }, s)).toEqual({
      decision: 'deny',
      rule: '/tools/send/require/0',
      message: 'Say who to send to.',
    });
    expect(evaluate(policy, { tool: 'send', arguments: { to: 'a@evil.example' }, ...at(t) }, s)).toEqual({
      decision: 'deny',
      rule: '/tools/send/deny_if/0',
      message: 'Not that domain.',
    });
    expect(evaluate(policy, { tool: 'send', arguments: { to: 'a@ok.example' }, ...at(t) }, s).decision).toBe('allow');
    expect(
      evaluate(policy, { tool: 'send', arguments: { to: 'a@ok.example' }, ...at('2026-03-04T10:00:59.999Z') }, s)
        .decision,
    ).toBe('allow');
    expect(
      evaluate(policy, { tool: 'send', arguments: { to: 'a@ok.example' }, ...at('2026-03-04T10:00:59.999Z') }, s),
    ).toMatchObject({ decision: 'deny', rule: '/tools/send/limits/send_rate' });
    // Fixed calendar window: a new minute starts a fresh count even one millisecond later.
    expect(
      evaluate(policy, { tool: 'send', arguments: { to: 'a@ok.example' }, ...at('2026-03-04T10:01:00.000Z') }, s)
        .decision,
    ).toBe('allow');
    // Counters are per grant.
    expect(
      evaluate(
        policy,
        { tool: 'send', arguments: { to: 'a@ok.example' }, grant: 'other', ...at('2026-03-04T10:00:30Z') },
        s,
      ).decision,
    ).toBe('allow');
  });
  it('windows are calendar-aligned in UTC', () => {
    const ms = Date.parse('2026-03-04T10:17:42.123Z');
    expect(new Date(windowStart('minute', ms)).toISOString()).toBe('2026-03-04T10:17:00.000Z');
    expect(new Date(windowStart('hour', ms)).toISOString()).toBe('2026-03-04T10:00:00.000Z');
    expect(new Date(windowStart('day', ms)).toISOString()).toBe('2026-03-04T00:00:00.000Z');
  });
  it('operators follow Intercept: numbers numerically, other values by text, missing arguments fail everything but exists', () => {
    const p = (op: string, value: unknown): Policy => ({
      version: '1',
      default: 'deny',
      tools: { t: { deny_if: [{ conditions: [{ path: 'args.x', op, value } as never], on_deny: 'no' }] } },
    });
    const d = (pol: Policy, args: Record<string, unknown>) =>
      evaluate(pol, { tool: 't', arguments: args, at: '2026-01-01T00:00:00Z' }, createState()).decision;
    expect(d(p('in', [1, 2]), { x: '1' })).toBe('deny');
    expect(d(p('eq', true), { x: 'true' })).toBe('deny');
    expect(d(p('gt', 5), { x: '10' })).toBe('allow');
    expect(d(p('gt', 5), { x: 10 })).toBe('deny');
    expect(d(p('not_in', ['a']), {})).toBe('allow');
    expect(d(p('exists', false), {})).toBe('deny');
    expect(d(p('exists', false), { x: null })).toBe('deny');
    expect(d(p('contains', 'b'), { x: ['a', 'b'] })).toBe('deny');
    expect(d(p('regex', '^[\\s\\S]{3}'), { x: 'ab' })).toBe('allow');
    expect(d(p('regex', '^[\\s\\S]{3}'), { x: 'a😀b' })).toBe('deny');
    expect(d(p('regex', '^[\\s\\S]{4}'), { x: 'a😀b' })).toBe('allow');
  });
});

// Random policies with limits on two tools plus all_tools, random call sequences.
const limitArb = fc.record({
  window: fc.constantFrom('minute' as const, 'hour' as const, 'day' as const),
  max: fc.integer({ min: 1, max: 4 }),
});
const policyArb = fc
  .record({
    a: fc.array(limitArb, { maxLength: 2 }),
    b: fc.array(limitArb, { maxLength: 2 }),
    all: fc.array(limitArb, { maxLength: 2 }),
    hide: fc.subarray(['a', 'b', 'c', '*']),
    def: fc.constantFrom('allow' as const, 'deny' as const),
    guardB: fc.boolean(),
  })
  .map(({ a, b, all, hide, def, guardB }): Policy => {
    const lim = (prefix: string, ls: typeof a) =>
      ls.map((l, i) => ({ counter: `${prefix}${i}`, window: l.window, max: l.max, scope: 'grant' as const }));
    return {
      version: '1',
      default: def,
      ...(hide.length ? { hide } : {}),
      ...(all.length ? { all_tools: { limits: lim('all', all) } } : {}),
      tools: {
        a: { limits: lim('a', a) },
        b: {
          ...(guardB
            ? { deny_if: [{ conditions: [{ path: 'args.bad', op: 'eq', value: true }], on_deny: 'bad' }] }
            : {}),
          limits: lim('b', b),
        },
      },
    } as Policy;
  });
const callsArb = fc.array(
  fc.record({
    tool: fc.constantFrom('a', 'b', 'c'),
    bad: fc.boolean(),
    grant: fc.constantFrom('g1', 'g2'),
    dt: fc.integer({ min: 0, max: 90_000 }),
  }),
  { minLength: 1, maxLength: 60 },
);

function snapshot(s: PolicyState): string {
  return JSON.stringify([...s.counters.entries()].sort());
}

type GeneratedCall = { tool: string; bad: boolean; grant: string; dt: number };

/** Replays generated calls against one fresh state on one advancing clock; `check` gets each call, its time and a thunk that evaluates it, and returns false to fail the property. */
function everyCall(
  policy: Policy,
  calls: readonly GeneratedCall[],
  check: (c: GeneratedCall, t: number, run: () => ReturnType<typeof evaluate>, state: PolicyState) => boolean,
): boolean {
  const state = createState();
  let t = Date.parse('2026-01-01T00:00:00Z');
  for (const c of calls) {
    t += c.dt;
    const at = t;
    if (
      !check(
        c,
        at,
        () => evaluate(policy, { tool: c.tool, arguments: { bad: c.bad }, grant: c.grant }, state, at),
        state,
      )
    )
      return false;
  }
  return true;
}

describe('evaluate: properties', () => {
  it('allowed calls never exceed max within one window of any applicable limit', () => {
    fc.assert(
      fc.property(policyArb, callsArb, (policy, calls) => {
        const used = new Map<string, number>();
        return everyCall(policy, calls, (c, t, run) => {
          if (run().decision !== 'allow') return true;
          const tl = Object.hasOwn(policy.tools ?? {}, c.tool) ? (policy.tools![c.tool]!.limits ?? []) : [];
          for (const [scope, l] of [
            ...tl.map((x) => [c.tool, x] as const),
            ...(policy.all_tools?.limits ?? []).map((x) => ['*', x] as const),
          ]) {
            const key = `${c.grant}|${scope}|${l.counter}|${windowStart(l.window, t)}`;
            const n = (used.get(key) ?? 0) + 1;
            used.set(key, n);
            if (n > l.max) return false;
          }
          return true;
        });
      }),
      { numRuns: 300 },
    );
  });
  it('a denied call never consumes quota', () => {
    fc.assert(
      fc.property(policyArb, callsArb, (policy, calls) =>
        everyCall(policy, calls, (_c, _t, run, state) => {
          const before = snapshot(state);
          return !(run().decision === 'deny' && snapshot(state) !== before);
        }),
      ),
      { numRuns: 300 },
    );
  });
  it('hide always wins, whatever the default, listing, limits or arguments', () => {
    fc.assert(
      fc.property(policyArb, callsArb, (policy, calls) =>
        everyCall(policy, calls, (c, _t, run) => {
          const d = run();
          const hidden = (policy.hide ?? []).includes(c.tool) || (policy.hide ?? []).includes('*');
          if (hidden !== (d.rule === '(hidden)')) return false;
          return !(hidden && d.decision !== 'deny');
        }),
      ),
      { numRuns: 300 },
    );
  });
});
