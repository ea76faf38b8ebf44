// How a policy treats each tool it names, reduced to what gateways and clients without argument rules or counters can
// say: allow, limit (allowed, with a counter), approval (PolicyLayer's "Requires human approval." deny), deny, hide.
import type { Policy, ToolRules } from '../schemas/policy.ts';
import { APPROVAL_MESSAGE } from './defaults.ts';
import { compareStrings, getOwn, pointerSegment } from './util.ts';
import type { FormatLoss } from './formats/types.ts';

export type Treatment = 'allow' | 'limit' | 'approval' | 'deny' | 'hide';

export type ToolTreatment = {
  name: string;
  treatment: Treatment;
  /** The deny message for approval / deny. */
  message?: string;
  /** Pointers of argument rules (require, conditional deny_if) that can decide a call this tool's treatment lets through. */
  argumentRules: string[];
  /** Pointers of the tool's own limits. */
  limits: string[];
};

export type PolicyTreatment = {
  /** Tools named in hide or tools, sorted by name (code-unit order). */
  tools: ToolTreatment[];
  /** Whether tools the policy does not name are denied. */
  defaultDeny: boolean;
  /** hide contains "*": every tool is hidden. */
  hideAll: boolean;
  /** Pointers of all_tools limits. */
  globalLimits: string[];
};

export function treatPolicy(policy: Policy): PolicyTreatment {
  const hide = new Set(policy.hide ?? []);
  const hideAll = hide.has('*');
  const names = new Set<string>([...hide].filter((h) => h !== '*'));
  for (const n of Object.keys(policy.tools ?? {})) names.add(n);
  const tools: ToolTreatment[] = [];
  for (const name of [...names].sort(compareStrings)) {
    if (hideAll || hide.has(name)) {
      tools.push({ name, treatment: 'hide', argumentRules: [], limits: [] });
      continue;
    }
    const r = (getOwn(policy.tools, name) ?? {}) as ToolRules;
    const base = `/tools/${pointerSegment(name)}`;
    const argumentRules: string[] = [];
    (r.require ?? []).forEach((_x, i) => argumentRules.push(`${base}/require/${i}`));
    let unconditional: { index: number; message: string } | undefined;
    (r.deny_if ?? []).forEach((d, i) => {
      if (d.conditions.length === 0) unconditional ??= { index: i, message: d.on_deny };
      else if (!unconditional) argumentRules.push(`${base}/deny_if/${i}`);
    });
    const limits = (r.limits ?? []).map((l) => `${base}/limits/${pointerSegment(l.counter)}`);
    if (unconditional) {
      const approval = unconditional.message === APPROVAL_MESSAGE;
      tools.push({
        name,
        treatment: approval ? 'approval' : 'deny',
        message: unconditional.message,
        argumentRules: [],
        limits: [],
      });
    } else {
      tools.push({ name, treatment: limits.length ? 'limit' : 'allow', argumentRules, limits });
    }
  }
  const globalLimits = (policy.all_tools?.limits ?? []).map((l) => `/all_tools/limits/${pointerSegment(l.counter)}`);
  return { tools, defaultDeny: policy.default === 'deny' || hideAll, hideAll, globalLimits };
}

/** The losses every format without argument rules or counters has: argument rules, limits, all_tools limits. */
export function ruleLosses(
  t: PolicyTreatment,
  what: { args: string; limits: string; approval?: string },
): FormatLoss[] {
  const out: FormatLoss[] = [];
  for (const tool of t.tools) {
    for (const rule of tool.argumentRules) out.push({ rule, reason: what.args });
    for (const rule of tool.limits) out.push({ rule, reason: what.limits });
  }
  for (const rule of t.globalLimits) out.push({ rule, reason: what.limits });
  return out;
}
