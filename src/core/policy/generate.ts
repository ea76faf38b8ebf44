// Generates starter policies from classifier verdicts: deterministic, every tool accounted for, argument rules only
// outside --strict.
import type { Condition, DenyRule, Limit, Policy, RequireRule, ToolRules } from '../schemas/policy.ts';
import type { Verdict } from '../schemas/verdict.ts';
import { PATH_GUARDS, POLICY_DEFAULTS, starterRuleFor, type StarterState } from './defaults.ts';
import { argFacts, isDangerousFlag, isPathArg, satisfiableBounds, type ArgFacts } from './schema-args.ts';
import { canonical, compareStrings, goFormat, setOwn } from './util.ts';

/** A tool as the classifier takes it (a SnapshotTool fits). */
export type ClassifiableTool = {
  name: string;
  title?: string;
  description?: string;
  inputSchema?: unknown;
  annotations?: Record<string, unknown>;
};
export type PolicyEntry = { tool: ClassifiableTool; verdict: Verdict };
export type GenerateOptions = {
  /** Emit attested constructs only: no require, no non-empty conditions, no window "day". */
  strict?: boolean;
  /** Emit the one-tool snippet for this tool (its counter name is the same as in the server policy). */
  tool?: string;
};

const SEVERITY: Record<StarterState, number> = { allowed: 0, limited: 1, denied: 2, hidden: 3 };

/** Counter names: tool name with anything outside [A-Za-z0-9_-] replaced, unique even across case twins and sanitising collisions. */
export function counterNames(toolNames: string[]): Map<string, string> {
  const sanitise = (n: string) => (n.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64) || 'tool') + '_rate';
  const unique = [...new Set(toolNames)];
  // Names that need no change claim their natural counter first, so "close_session" always gets "close_session_rate".
  // Among case twins the all-lower-case name wins, the usual MCP spelling.
  const clean = unique
    .filter((n) => sanitise(n) === n.slice(0, 64) + '_rate')
    .sort((a, b) => Number(a !== a.toLowerCase()) - Number(b !== b.toLowerCase()) || compareStrings(a, b));
  const cleanSet = new Set(clean);
  const rest = unique.filter((n) => !cleanSet.has(n)).sort(compareStrings);
  const used = new Set<string>();
  const out = new Map<string, string>();
  for (const n of [...clean, ...rest]) {
    const base = sanitise(n);
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base}_${i}`;
    used.add(name.toLowerCase());
    out.set(n, name);
  }
  return out;
}

function quoteName(name: string): string {
  return JSON.stringify(name);
}

function listValues(values: Array<string | number | boolean>): string {
  const shown = values.slice(0, 10).map((v) => (typeof v === 'string' ? JSON.stringify(v) : goFormat(v)));
  return shown.join(', ') + (values.length > 10 ? `, … (${values.length} values)` : '');
}

/** Argument rules derived from one input schema. */
export function argumentRules(
  inputSchema: unknown,
  destructive: boolean,
): { require: RequireRule[]; deny_if: DenyRule[] } {
  const require: RequireRule[] = [];
  const deny_if: DenyRule[] = [];
  const facts = argFacts(inputSchema).filter((f) => f.addressable);
  for (const f of facts) {
    if (f.required)
      require.push({
        conditions: [{ path: `args.${f.name}`, op: 'exists', value: true }],
        on_deny: `Missing required argument ${quoteName(f.name)}.`,
      });
  }
  for (const f of facts) deny_if.push(...valueRules(f, destructive));
  return { require, deny_if };
}

function valueRules(f: ArgFacts, destructive: boolean): DenyRule[] {
  const path = `args.${f.name}`;
  const q = quoteName(f.name);
  const rule = (c: Condition, on_deny: string): DenyRule => ({ conditions: [c], on_deny });
  const out: DenyRule[] = [];
  if (f.enumValues) {
    out.push(
      rule({ path, op: 'not_in', value: f.enumValues }, `Argument ${q} must be one of: ${listValues(f.enumValues)}.`),
    );
    return out;
  }
  if ((f.minimum || f.maximum) && satisfiableBounds(f)) {
    // A bound at ±MAX_VALUE that admits the extreme itself excludes no finite number: no rule (no call could break it).
    if (f.minimum && !(f.minimum.value === -Number.MAX_VALUE && !f.minimum.exclusive))
      out.push(
        rule(
          { path, op: f.minimum.exclusive ? 'lte' : 'lt', value: f.minimum.value },
          `Argument ${q} must be ${f.minimum.exclusive ? 'greater than' : 'at least'} ${goFormat(f.minimum.value)}.`,
        ),
      );
    if (f.maximum && !(f.maximum.value === Number.MAX_VALUE && !f.maximum.exclusive))
      out.push(
        rule(
          { path, op: f.maximum.exclusive ? 'gte' : 'gt', value: f.maximum.value },
          `Argument ${q} must be ${f.maximum.exclusive ? 'less than' : 'at most'} ${goFormat(f.maximum.value)}.`,
        ),
      );
  }
  if (isPathArg(f)) {
    for (const g of PATH_GUARDS)
      out.push(rule({ path, op: 'regex', value: g.pattern }, `Argument ${q} must not ${g.verb}.`));
  }
  if (f.type === 'string' && f.maxLength !== undefined && f.maxLength <= 999 && (f.minLength ?? 0) <= f.maxLength) {
    out.push(
      rule(
        { path, op: 'regex', value: `^[\\s\\S]{${f.maxLength + 1}}` },
        `Argument ${q} must be at most ${f.maxLength} characters long.`,
      ),
    );
  }
  if (destructive && isDangerousFlag(f))
    out.push(rule({ path, op: 'eq', value: true }, `Argument ${q} must not be true on this destructive tool.`));
  return out;
}

type Plan = { name: string; state: StarterState; rules: ToolRules };

function plan(name: string, group: PolicyEntry[], counter: string, strict: boolean): Plan {
  let state: StarterState = 'allowed';
  for (const e of group) {
    const s = starterRuleFor(e.verdict).state;
    if (SEVERITY[s] > SEVERITY[state]) state = s;
  }
  const rules: ToolRules = {};
  if (state === 'hidden') return { name, state, rules };
  // Two definitions under one name (a scanner finding) would make argument rules ambiguous: keep only the starter
  // state.
  const single =
    group.length === 1 || group.every((e) => canonical(e.tool.inputSchema) === canonical(group[0]!.tool.inputSchema));
  const args =
    !strict && single
      ? argumentRules(
          group[0]!.tool.inputSchema,
          group.some((e) => e.verdict.category === 'destructive'),
        )
      : { require: [], deny_if: [] };
  if (args.require.length) rules.require = args.require;
  const deny: DenyRule[] = [...args.deny_if];
  if (state === 'denied') deny.push({ conditions: [], on_deny: POLICY_DEFAULTS.approvalMessage });
  if (deny.length) rules.deny_if = deny;
  if (state === 'limited') {
    const w = POLICY_DEFAULTS.writeLimit;
    const limit: Limit = { counter, window: w.window, max: w.max, scope: w.scope };
    rules.limits = [limit];
  }
  return { name, state, rules };
}

/** A whole-server policy (default deny, every tool named), or the one-tool snippet when options.tool is given. */
export function generatePolicy(entries: PolicyEntry[], options: GenerateOptions = {}): Policy {
  const strict = options.strict ?? false;
  const groups = new Map<string, PolicyEntry[]>();
  for (const e of entries) {
    const g = groups.get(e.tool.name);
    if (g) g.push(e);
    else groups.set(e.tool.name, [e]);
  }
  const names = [...groups.keys()].sort(compareStrings);
  const counters = counterNames(names);
  if (options.tool !== undefined && !groups.has(options.tool)) {
    throw new Error(
      `Tool ${JSON.stringify(options.tool)} is not among the ${names.length} tools given, so no snippet can be generated. Pick a name from the tools/list.`,
    );
  }
  const selected = options.tool !== undefined ? [options.tool] : names;
  const plans = selected.map((n) => plan(n, groups.get(n)!, counters.get(n)!, strict));
  const hide = plans.filter((p) => p.state === 'hidden').map((p) => p.name);
  const tools: Record<string, ToolRules> = {};
  for (const p of plans) if (p.state !== 'hidden') setOwn(tools, p.name, p.rules);
  const policy: Policy = { version: '1', default: POLICY_DEFAULTS.default };
  if (hide.length) policy.hide = hide;
  if (plans.some((p) => p.state !== 'hidden')) policy.tools = tools;
  return policy;
}
