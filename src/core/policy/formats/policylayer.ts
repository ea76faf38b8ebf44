// PolicyLayer's hosted-gateway policy.json, made only of constructs attested in PolicyLayer's published examples (the
// main download).
import type { DenyRule, Policy, ToolRules } from '../../schemas/policy.ts';
import { getOwn, pointerSegment, setOwn } from '../util.ts';
import type { FormatLoss, PolicyFormat } from './types.ts';

const ARGUMENT_LOSS =
  "argument check, left out because its syntax is inferred from PolicyLayer's docs and never seen in a published example (the hardened file, format policylayer-hardened, has it)";
const DAY_LOSS =
  'window "day" is not attested for PolicyLayer (only minute and hour); the limit is in the hardened download';

/** The policy with every unattested construct removed (require, conditional deny_if, window "day"), and what was removed. */
export function attestedOnly(policy: Policy): { policy: Policy; losses: FormatLoss[] } {
  const losses: FormatLoss[] = [];
  const out: Policy = { version: policy.version, default: policy.default };
  if (policy.hide?.length) out.hide = [...policy.hide];
  const keepLimits = (limits: NonNullable<ToolRules['limits']>, base: string) =>
    limits.filter((l) => {
      if (l.window !== 'day') return true;
      losses.push({ rule: `${base}/${pointerSegment(l.counter)}`, reason: DAY_LOSS });
      return false;
    });
  if (policy.all_tools?.limits) {
    const limits = keepLimits(policy.all_tools.limits, '/all_tools/limits');
    if (limits.length) out.all_tools = { limits };
  }
  if (policy.tools) {
    const tools: Record<string, ToolRules> = {};
    for (const name of Object.keys(policy.tools)) {
      const r = getOwn(policy.tools, name) as ToolRules;
      const base = `/tools/${pointerSegment(name)}`;
      const rules: ToolRules = {};
      (r.require ?? []).forEach((_x, i) => losses.push({ rule: `${base}/require/${i}`, reason: ARGUMENT_LOSS }));
      const deny: DenyRule[] = [];
      (r.deny_if ?? []).forEach((d, i) => {
        if (d.conditions.length === 0) deny.push(d);
        else losses.push({ rule: `${base}/deny_if/${i}`, reason: ARGUMENT_LOSS });
      });
      if (deny.length) rules.deny_if = deny;
      if (r.limits) {
        const limits = keepLimits(r.limits, `${base}/limits`);
        if (limits.length) rules.limits = limits;
      }
      setOwn(tools, name, rules);
    }
    out.tools = tools;
  }
  return { policy: out, losses };
}

export const policylayer: PolicyFormat = {
  id: 'policylayer',
  label: 'PolicyLayer',
  fileName: 'policy.json',
  mediaType: 'application/json',
  howToUse:
    "Paste into the Raw JSON editor of your server's policy in the PolicyLayer dashboard, then attach the policy to a grant.",
  cannotExpress: [
    'Argument checks (their hosted syntax is not attested; see the hardened download).',
    'Human approval: a tool that needs it is denied with the message "Requires human approval."',
  ],
  render(policy) {
    const strict = attestedOnly(policy);
    return { text: `${JSON.stringify(strict.policy, null, 2)}\n`, losses: strict.losses };
  },
};
