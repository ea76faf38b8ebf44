// The reference evaluator: the executable meaning of a policy (Intercept's order: hide → default deny → require/deny_if
// → limits).
import type { Limit, Policy, ToolRules } from '../schemas/policy.ts';
import { conditionHolds } from './conditions.ts';
import { getOwn, hasOwn, pointerSegment } from './util.ts';

/** One tools/call as the gateway sees it. */
export type PolicyCall = { tool: string; arguments?: Record<string, unknown>; at?: string; grant?: string };

export type Decision = {
  decision: 'allow' | 'deny';
  /** "(hidden)", "(default deny)", a JSON Pointer into the policy for the deciding rule, or "" when allowed. */
  rule: string;
  /** What the agent is told; "" when allowed. */
  message: string;
};

/** Counter store: key = grant + limit pointer; one fixed window is kept per key. */
export type PolicyState = { counters: Map<string, { windowStart: number; count: number }> };

export function createState(): PolicyState {
  return { counters: new Map() };
}

const WINDOW_MS = { minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;

/** Calendar-aligned UTC window start (Unix epoch is midnight UTC, so plain flooring aligns minutes, hours and days). */
export function windowStart(window: Limit['window'], ms: number): number {
  return Math.floor(ms / WINDOW_MS[window]) * WINDOW_MS[window];
}

export function windowLength(window: Limit['window']): number {
  return WINDOW_MS[window];
}

function toMs(now: Date | string | number | undefined, call: PolicyCall): number {
  const v = now ?? call.at;
  const ms = v instanceof Date ? v.getTime() : typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(v) : NaN;
  if (!Number.isFinite(ms))
    throw new Error(
      `The call to ${JSON.stringify(call.tool)} has no usable time: pass "now" or give the call an ISO "at" timestamp.`,
    );
  return ms;
}

/** The applicable limits with their decision-rule pointers: tool limits first, then all_tools (Intercept: tool rules, then "*"). */
export function applicableLimits(policy: Policy, toolName: string): Array<{ limit: Limit; pointer: string }> {
  const out: Array<{ limit: Limit; pointer: string }> = [];
  const rules = getOwn(policy.tools, toolName) as ToolRules | undefined;
  for (const limit of rules?.limits ?? [])
    out.push({ limit, pointer: `/tools/${pointerSegment(toolName)}/limits/${pointerSegment(limit.counter)}` });
  for (const limit of policy.all_tools?.limits ?? [])
    out.push({ limit, pointer: `/all_tools/limits/${pointerSegment(limit.counter)}` });
  return out;
}

export function limitMessage(limit: Limit): string {
  return `Rate limit of ${limit.max} per ${limit.window} reached. Try again later.`;
}

/**
 * Decides one call and, when it is allowed, commits its quota. A denied call never touches the counters:
 * every limit is reserved first and committed only when all of them fit (the upstream call is assumed to succeed).
 */
export function evaluate(policy: Policy, call: PolicyCall, state: PolicyState, now?: Date | string | number): Decision {
  const ms = toMs(now, call);
  const name = call.tool;
  const args = call.arguments ?? {};
  const grant = call.grant ?? 'default';

  if ((policy.hide ?? []).some((h) => h === name || h === '*')) {
    return { decision: 'deny', rule: '(hidden)', message: `Tool ${JSON.stringify(name)} is hidden by policy.` };
  }
  const listed = hasOwn(policy.tools, name);
  if (!listed && policy.default === 'deny') {
    return {
      decision: 'deny',
      rule: '(default deny)',
      message: `Tool ${JSON.stringify(name)} is not permitted by policy.`,
    };
  }
  const rules = (listed ? getOwn(policy.tools, name) : {}) as ToolRules;
  const base = `/tools/${pointerSegment(name)}`;

  for (const [i, r] of (rules.require ?? []).entries()) {
    const failed = r.conditions.find((c) => !conditionHolds(c, args));
    if (failed)
      return {
        decision: 'deny',
        rule: `${base}/require/${i}`,
        message: r.on_deny ?? `Condition ${failed.path} ${failed.op} ${JSON.stringify(failed.value)} failed.`,
      };
  }
  for (const [i, r] of (rules.deny_if ?? []).entries()) {
    if (r.conditions.every((c) => conditionHolds(c, args)))
      return { decision: 'deny', rule: `${base}/deny_if/${i}`, message: r.on_deny };
  }

  const reservations: Array<{ key: string; start: number; count: number }> = [];
  for (const { limit, pointer } of applicableLimits(policy, name)) {
    const key = `${grant}\u0000${pointer}`;
    const start = windowStart(limit.window, ms);
    const cur = state.counters.get(key);
    const used = cur && cur.windowStart === start ? cur.count : 0;
    if (used + 1 > limit.max) return { decision: 'deny', rule: pointer, message: limitMessage(limit) };
    reservations.push({ key, start, count: used + 1 });
  }
  for (const r of reservations) state.counters.set(r.key, { windowStart: r.start, count: r.count });
  return { decision: 'allow', rule: '', message: '' };
}
