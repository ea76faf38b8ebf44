// Human text for one tool's policy, shown on tool pages next to the snippet.
import type { Condition, Policy, ToolRules } from '../schemas/policy.ts';
import { applicableLimits } from './evaluate.ts';
import { PATH_GUARDS } from './defaults.ts';
import { getOwn, goFormat, hasOwn } from './util.ts';

export type PolicyDescription = {
  state: 'allowed' | 'limited' | 'denied' | 'hidden';
  summary: string;
  rules: string[];
};

function condText(c: Condition): string {
  const arg = c.path.slice(5);
  const v = c.value;
  switch (c.op) {
    case 'exists':
      return v ? `${arg} is given` : `${arg} is not given`;
    case 'eq':
      return `${arg} is ${JSON.stringify(v)}`;
    case 'neq':
      return `${arg} is not ${JSON.stringify(v)}`;
    case 'in':
      return `${arg} is one of ${(v as unknown[])
        .map((x) => goFormat(x))
        .slice(0, 10)
        .join(', ')}`;
    case 'not_in':
      return `${arg} is not one of ${(v as unknown[])
        .map((x) => goFormat(x))
        .slice(0, 10)
        .join(', ')}`;
    case 'lt':
      return `${arg} < ${v}`;
    case 'lte':
      return `${arg} ≤ ${v}`;
    case 'gt':
      return `${arg} > ${v}`;
    case 'gte':
      return `${arg} ≥ ${v}`;
    case 'contains':
      return `${arg} contains ${JSON.stringify(v)}`;
    case 'regex': {
      const g = PATH_GUARDS.find((p) => p.pattern === v);
      if (g) return `${arg} ${g.state}`;
      const m = /^\^\[\\s\\S\]\{(\d+)\}$/.exec(String(v));
      return m ? `${arg} is longer than ${Number(m[1]) - 1} characters` : `${arg} matches /${String(v)}/`;
    }
  }
}

export function describePolicy(policy: Policy, toolName: string): PolicyDescription {
  if ((policy.hide ?? []).some((h) => h === toolName || h === '*')) {
    return { state: 'hidden', summary: 'Hidden: removed from the tool list and every call is denied.', rules: [] };
  }
  if (!hasOwn(policy.tools, toolName)) {
    return policy.default === 'deny'
      ? { state: 'denied', summary: 'Denied: the tool is not listed and the policy denies unlisted tools.', rules: [] }
      : {
          state: 'allowed',
          summary: 'Allowed: the tool is not listed and the policy allows unlisted tools.',
          rules: [],
        };
  }
  const r = getOwn(policy.tools, toolName) as ToolRules;
  const rules: string[] = [];
  for (const q of r.require ?? [])
    rules.push(`Denied unless ${q.conditions.map(condText).join(' and ')}${q.on_deny ? `: “${q.on_deny}”` : ''}`);
  let unconditional: string | undefined;
  for (const d of r.deny_if ?? []) {
    if (d.conditions.length === 0) {
      unconditional ??= d.on_deny;
      rules.push(`Every call is denied: “${d.on_deny}”`);
    } else rules.push(`Denied when ${d.conditions.map(condText).join(' and ')}: “${d.on_deny}”`);
  }
  const limits = applicableLimits(policy, toolName);
  for (const { limit } of limits)
    rules.push(`At most ${limit.max} calls per ${limit.window} per grant (counter ${limit.counter}).`);
  if (unconditional !== undefined)
    return { state: 'denied', summary: `Denied: every call is refused with “${unconditional}”`, rules };
  if (limits.length) {
    const l = limits[0]!.limit;
    return {
      state: 'limited',
      summary: `Limited: allowed up to ${l.max} calls per ${l.window} per grant${rules.length > limits.length ? ', with argument checks' : ''}.`,
      rules,
    };
  }
  return { state: 'allowed', summary: rules.length ? 'Allowed, with argument checks.' : 'Allowed.', rules };
}
