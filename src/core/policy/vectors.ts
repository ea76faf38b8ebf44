// Test vectors: sample calls with the decision each rule of a policy must produce, built from the rules themselves and
// the input schema.
import type { Condition, Policy, ToolRules } from '../schemas/policy.ts';
import { conditionHolds } from './conditions.ts';
import { PATH_GUARDS } from './defaults.ts';
import { applicableLimits, windowLength, windowStart, type PolicyCall } from './evaluate.ts';
import type { PolicyEntry } from './generate.ts';
import { argFacts, isPathArg, pickNumber } from './schema-args.ts';
import { compareStrings, getOwn, goFormat, hasOwn, pointerSegment, setOwn } from './util.ts';

export type TestVector = {
  call: Required<PolicyCall>;
  /** decision is the contract; rule is the deciding rule ("" when allowed). */
  expect: { decision: 'allow' | 'deny'; rule: string };
  why: string;
};

/** Rules no vector exercises (should be empty for generated policies). */
export type VectorReport = { vectors: TestVector[]; unexercised: string[] };

const BASE_MS = Date.UTC(2026, 0, 1, 0, 0, 0);
const ABSENT = Symbol('absent');
const UNLISTED_PROBE = 'toolgate-unlisted-probe';

/** Samples for the regexes the generator emits; other regexes get a vector only when a sample is known. */
function regexSample(pattern: string): string | undefined {
  const guard = PATH_GUARDS.find((g) => g.pattern === pattern);
  if (guard) return guard.sample;
  const m = /^\^\[\\s\\S\]\{(\d+)\}$/.exec(pattern);
  if (m) return 'a'.repeat(Number(m[1]));
  return undefined;
}

function freshValue(avoid: unknown[]): string {
  for (let i = 0; ; i++) {
    const v = i === 0 ? 'toolgate-not-allowed' : `toolgate-not-allowed-${i}`;
    if (!avoid.some((a) => goFormat(a) === v)) return v;
  }
}

const F64 = new Float64Array(1);
const U64 = new BigUint64Array(F64.buffer);

/** The next double after v towards +∞ (dir 1) or −∞ (dir -1); Infinity past the largest finite double. */
function nextDouble(v: number, dir: 1 | -1): number {
  if (v === 0) return dir * Number.MIN_VALUE;
  F64[0] = v;
  U64[0] = v > 0 === dir > 0 ? U64[0]! + 1n : U64[0]! - 1n;
  return F64[0]!;
}

/**
 * A finite number strictly above (dir 1) or below (dir -1) v: v ± 1 where that differs from v, else the adjacent double
 * (above 2^53 adding 1 rounds back to v, so "> 9223372036854775807" needs 9223372036854777856); undefined past
 * ±MAX_VALUE.
 */
function beyond(v: number, dir: 1 | -1): number | undefined {
  // Hand-written policies reach here unchecked: a bound that is not a finite number has no vector.
  if (typeof v !== 'number' || !Number.isFinite(v)) return undefined;
  const step = v + dir;
  const n = step !== v ? step : nextDouble(v, dir);
  return Number.isFinite(n) ? n : undefined;
}

/** A value making the condition true (deny_if form), or undefined when none is known. */
function makeTrue(c: Condition): unknown {
  switch (c.op) {
    case 'eq':
      return c.value;
    case 'neq':
      return freshValue([c.value]);
    case 'in':
      return c.value[0] ?? undefined;
    case 'not_in':
      return freshValue(c.value);
    case 'lt':
      return beyond(c.value, -1);
    case 'lte':
      return c.value;
    case 'gt':
      return beyond(c.value, 1);
    case 'gte':
      return c.value;
    case 'regex':
      return regexSample(c.value);
    case 'contains':
      return typeof c.value === 'string' ? `x${c.value}x` : [c.value];
    case 'exists':
      return c.value ? 'present' : ABSENT;
  }
}

/** A value making the condition false (require form). */
function makeFalse(c: Condition): unknown {
  switch (c.op) {
    case 'exists':
      return c.value ? ABSENT : 'present';
    case 'in':
      return freshValue(c.value);
    case 'not_in':
      return c.value[0] ?? undefined;
    case 'eq':
      return freshValue([c.value]);
    case 'neq':
      return c.value;
    case 'lt':
      return c.value;
    case 'lte':
      return beyond(c.value, 1);
    case 'gt':
      return c.value;
    case 'gte':
      return beyond(c.value, -1);
    case 'regex':
      return ABSENT;
    case 'contains':
      return ABSENT;
  }
}

function topName(path: string): string {
  return path.slice(5).split('.')[0]!;
}

function withValue(args: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(args)) setOwn(out, k, args[k]);
  const parts = path.slice(5).split('.');
  let cur = out;
  for (const [i, p] of parts.entries()) {
    if (i === parts.length - 1) {
      if (value === ABSENT) delete cur[p];
      else setOwn(cur, p, value);
    } else {
      const next = getOwn(cur, p);
      const copy: Record<string, unknown> = {};
      if (typeof next === 'object' && next !== null && !Array.isArray(next))
        for (const k of Object.keys(next)) setOwn(copy, k, (next as Record<string, unknown>)[k]);
      setOwn(cur, p, copy);
      cur = copy;
    }
  }
  return out;
}

/** Valid arguments from the input schema: required arguments only, each with a value inside its constraints. */
function baselineArgs(inputSchema: unknown, rules: ToolRules): Record<string, unknown> {
  let args: Record<string, unknown> = {};
  for (const f of argFacts(inputSchema)) {
    if (!f.required) continue;
    let v: unknown;
    if (f.enumValues) v = f.enumValues[0];
    else if (f.type === 'number' || f.type === 'integer') v = pickNumber(f) ?? 1;
    else if (f.type === 'boolean') v = false;
    else if (f.type === 'array') v = [];
    else if (f.type === 'object') v = {};
    else if (isPathArg(f)) v = 'notes/example.txt'.slice(0, f.maxLength ?? 100);
    else v = 'example'.slice(0, f.maxLength ?? 100);
    setOwn(args, f.name, v);
  }
  // Presence rules written by hand may name arguments the schema does not.
  for (const r of rules.require ?? [])
    for (const c of r.conditions)
      if (c.op === 'exists' && c.value && !conditionHolds(c, args)) args = withValue(args, c.path, 'example');
  return args;
}

function passesAll(rules: ToolRules, args: Record<string, unknown>, uptoDeny: number): boolean {
  if (!(rules.require ?? []).every((r) => r.conditions.every((c) => conditionHolds(c, args)))) return false;
  return (rules.deny_if ?? []).slice(0, uptoDeny).every((r) => !r.conditions.every((c) => conditionHolds(c, args)));
}

/**
 * Vectors for every tool named in the entries or the policy, plus an unlisted probe. Each tool gets its own grant, so
 * its counters start empty; denied vectors come first and must not consume quota; a limited tool then fills its
 * smallest limit exactly, is denied once, and is allowed again in the next window.
 */
export function generateTestVectorsReport(policy: Policy, entries: PolicyEntry[]): VectorReport {
  const schemas = new Map<string, unknown>();
  for (const e of entries) if (!schemas.has(e.tool.name)) schemas.set(e.tool.name, e.tool.inputSchema);
  const names = new Set<string>([
    ...schemas.keys(),
    ...Object.keys(policy.tools ?? {}),
    ...(policy.hide ?? []).filter((h) => h !== '*'),
  ]);
  let probe = UNLISTED_PROBE;
  while (names.has(probe) || hasOwn(policy.tools, probe)) probe += '-x';
  const vectors: TestVector[] = [];
  const exercised = new Set<string>();
  const all = [...names].sort(compareStrings);
  all.push(probe);

  for (const [ti, name] of all.entries()) {
    const grant = `grant-${ti + 1}`;
    let t = BASE_MS;
    const push = (args: Record<string, unknown>, decision: 'allow' | 'deny', rule: string, why: string, at = t) => {
      vectors.push({
        call: { tool: name, arguments: args, at: new Date(at).toISOString(), grant },
        expect: { decision, rule },
        why,
      });
      if (rule) exercised.add(rule);
      t = at + 1;
    };
    const hidden = (policy.hide ?? []).some((h) => h === name || h === '*');
    if (hidden) {
      push({}, 'deny', '(hidden)', 'a hidden tool is denied before anything else');
      continue;
    }
    const listed = hasOwn(policy.tools, name);
    if (!listed && policy.default === 'deny') {
      push(
        {},
        'deny',
        '(default deny)',
        name === probe
          ? 'a tool the policy does not name is denied by default'
          : 'this tool is not listed and the default is deny',
      );
      continue;
    }
    const rules = (listed ? getOwn(policy.tools, name) : {}) as ToolRules;
    const base = `/tools/${pointerSegment(name)}`;
    const baseline = baselineArgs(schemas.get(name), rules);
    if (
      !passesAll(rules, baseline, Number.MAX_SAFE_INTEGER) &&
      !(rules.deny_if ?? []).some((r) => r.conditions.length === 0)
    ) {
      // No valid arguments are known (a hand-written rule the schema cannot satisfy): leave its rules unexercised.
      continue;
    }
    // require: break each condition in turn.
    for (const [i, r] of (rules.require ?? []).entries()) {
      for (const c of r.conditions) {
        const v = makeFalse(c);
        if (v === undefined) continue;
        const args = withValue(baseline, c.path, v);
        const earlier = (rules.require ?? [])
          .slice(0, i)
          .every((rr) => rr.conditions.every((cc) => conditionHolds(cc, args)));
        if (!earlier || conditionHolds(c, args)) continue;
        push(args, 'deny', `${base}/require/${i}`, `${c.path} ${c.op} ${JSON.stringify(c.value)} does not hold`);
        break;
      }
    }
    // deny_if: make every condition of the item true, keeping earlier items false.
    let unconditional = -1;
    for (const [i, r] of (rules.deny_if ?? []).entries()) {
      if (r.conditions.length === 0) {
        if (unconditional < 0) unconditional = i;
        continue;
      }
      let args: Record<string, unknown> | undefined = baseline;
      for (const c of r.conditions) {
        const v = makeTrue(c);
        if (v === undefined) {
          args = undefined;
          break;
        }
        args = withValue(args, c.path, v);
      }
      if (!args || !r.conditions.every((c) => conditionHolds(c, args!)) || !passesAll(rules, args, i)) continue;
      push(
        args,
        'deny',
        `${base}/deny_if/${i}`,
        `${r.conditions.map((c) => `${topName(c.path)} ${c.op} ${JSON.stringify(c.value)}`).join(' and ')}: ${r.on_deny}`,
      );
    }
    if (unconditional >= 0 && passesAll(rules, baseline, unconditional)) {
      push(
        baseline,
        'deny',
        `${base}/deny_if/${unconditional}`,
        `every call is denied: ${rules.deny_if![unconditional]!.on_deny}`,
      );
      continue;
    }
    if (unconditional >= 0) continue;
    const limits = applicableLimits(policy, name);
    if (limits.length === 0) {
      push(baseline, 'allow', '', 'valid arguments are allowed');
      continue;
    }
    // Fill the smallest limit; the call after it is denied by that limit (ties: the first in evaluation order).
    let smallest = limits[0]!;
    for (const l of limits) if (l.limit.max < smallest.limit.max) smallest = l;
    const w = smallest.limit.window;
    const start = windowStart(w, t);
    for (let k = 0; k < smallest.limit.max; k++)
      push(baseline, 'allow', '', `call ${k + 1} of ${smallest.limit.max} in one ${w}`);
    push(baseline, 'deny', smallest.pointer, `call ${smallest.limit.max + 1} in the same ${w} exceeds the limit`);
    if (limits.every((l) => l === smallest || l.limit.max > smallest.limit.max)) {
      push(baseline, 'allow', '', `a new ${w} starts with a fresh count`, start + windowLength(w));
    }
  }

  const unexercised: string[] = [];
  for (const name of Object.keys(policy.tools ?? {}).sort(compareStrings)) {
    if ((policy.hide ?? []).some((h) => h === name || h === '*')) continue;
    const r = getOwn(policy.tools, name) as ToolRules;
    const base = `/tools/${pointerSegment(name)}`;
    (r.require ?? []).forEach(
      (_x, i) => exercised.has(`${base}/require/${i}`) || unexercised.push(`${base}/require/${i}`),
    );
    (r.deny_if ?? []).forEach(
      (_x, i) => exercised.has(`${base}/deny_if/${i}`) || unexercised.push(`${base}/deny_if/${i}`),
    );
    for (const { pointer } of applicableLimits(policy, name))
      if (pointer.startsWith(base + '/') && !exercised.has(pointer)) unexercised.push(pointer);
  }
  for (const l of policy.all_tools?.limits ?? []) {
    const p = `/all_tools/limits/${pointerSegment(l.counter)}`;
    if (!exercised.has(p)) unexercised.push(p);
  }
  return { vectors, unexercised };
}

export function generateTestVectors(policy: Policy, entries: PolicyEntry[]): TestVector[] {
  return generateTestVectorsReport(policy, entries).vectors;
}
