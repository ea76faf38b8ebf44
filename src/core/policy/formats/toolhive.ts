// ToolHive's Cedar authorization config (thv run --authz-config): one permit per allowed tool, one forbid per refused
// tool, and argument checks as forbids over context.arg_<name> where Cedar can say exactly what the policy says. Facts:
// stacklok/toolhive docs/authz.md and pkg/authz/authorizers/cedar (Action::"call_tool", Tool::"<name>", default deny,
// any evaluation error denies; arguments: strings and booleans as arg_<name>, numbers as decimals, objects, arrays and
// null only as arg_<name>_present = true).
import type { Condition, Policy, ToolRules } from '../../schemas/policy.ts';
import { cedarString, hasLoneSurrogate, asciiJson } from '../quote.ts';
import { ruleLosses, treatPolicy } from '../treatment.ts';
import { getOwn, pointerSegment } from '../util.ts';
import type { FormatLoss, PolicyFormat } from './types.ts';

const ARG_LOSS =
  'argument check not carried over: ToolHive gives Cedar only top-level string and boolean arguments exactly (numbers become decimals, objects and arrays a presence flag, and Cedar has no regular expressions)';

/** A Cedar expression over ToolHive's context for one condition, or undefined when it cannot be said exactly. */
function conditionCedar(c: Condition): string | undefined {
  const name = c.path.slice('args.'.length);
  if (name.includes('.') || hasLoneSurrogate(name)) return undefined;
  const key = cedarString(`arg_${name}`);
  const scalar = `context has ${key}`;
  const present = `(${scalar} || context has ${cedarString(`arg_${name}_present`)})`;
  const literal = (v: unknown) =>
    typeof v === 'string' && !hasLoneSurrogate(v) ? cedarString(v) : typeof v === 'boolean' ? String(v) : undefined;
  switch (c.op) {
    case 'exists':
      return c.value ? present : `!${present}`;
    case 'eq':
    case 'neq': {
      const v = literal(c.value);
      if (v === undefined) return undefined;
      const equal = `(${scalar} && context[${key}] == ${v})`;
      return c.op === 'eq' ? equal : `(${present} && !${equal})`;
    }
    case 'in':
    case 'not_in': {
      const values = c.value.map(literal);
      if (values.some((v) => v === undefined)) return undefined;
      const member = `(${scalar} && [${values.join(', ')}].contains(context[${key}]))`;
      return c.op === 'in' ? member : `(${present} && !${member})`;
    }
    default:
      return undefined;
  }
}

/** The Cedar policies of the config, one statement per string, in tool order, and the rules they leave out. */
export function toolhiveCedar(policy: Policy): { policies: string[]; losses: FormatLoss[] } {
  const t = treatPolicy(policy);
  const policies: string[] = [];
  const losses: FormatLoss[] = [];
  if (!t.defaultDeny) policies.push('permit(principal, action == Action::"call_tool", resource);');
  for (const tool of t.tools) {
    if (hasLoneSurrogate(tool.name)) {
      losses.push({
        rule: `/tools/${pointerSegment(tool.name)}`,
        reason:
          'the tool name has an unpaired UTF-16 surrogate, which a Cedar string cannot spell; the tool is not named (so it is denied by default)',
      });
      continue;
    }
    const scope = `principal, action == Action::"call_tool", resource == Tool::${cedarString(tool.name)}`;
    if (tool.treatment !== 'allow' && tool.treatment !== 'limit') {
      policies.push(`forbid(${scope});`);
      continue;
    }
    policies.push(`permit(${scope});`);
    const rules = (getOwn(policy.tools, tool.name) ?? {}) as ToolRules;
    const base = `/tools/${pointerSegment(tool.name)}`;
    (rules.require ?? []).forEach((r, i) => {
      const parts = r.conditions.map(conditionCedar);
      if (parts.some((p) => p === undefined)) losses.push({ rule: `${base}/require/${i}`, reason: ARG_LOSS });
      else policies.push(`forbid(${scope}) when { !(${parts.join(' && ')}) };`);
    });
    (rules.deny_if ?? []).forEach((r, i) => {
      const parts = r.conditions.map(conditionCedar);
      if (parts.some((p) => p === undefined)) losses.push({ rule: `${base}/deny_if/${i}`, reason: ARG_LOSS });
      else policies.push(`forbid(${scope}) when { ${parts.join(' && ')} };`);
    });
  }
  losses.push(
    ...ruleLosses(
      { ...t, tools: t.tools.map((x) => ({ ...x, argumentRules: [] })) },
      {
        args: ARG_LOSS,
        limits:
          'rate limit not carried over: Cedar has no counters (ToolHive rate limits are a Kubernetes MCPServer setting)',
      },
    ),
  );
  return { policies, losses };
}

export const toolhive: PolicyFormat = {
  id: 'toolhive',
  label: 'ToolHive (Cedar)',
  fileName: 'policy.toolhive.json',
  mediaType: 'application/json',
  howToUse:
    'Start the server under ToolHive with it: thv run --authz-config policy.toolhive.json <server>; tools/list then shows only the permitted tools.',
  cannotExpress: [
    'Rate limits (Cedar has no counters).',
    'Argument checks on numbers, nested fields and patterns (ToolHive passes numbers as decimals and objects only as a presence flag; Cedar has no regular expressions). Presence, enum and true/false checks are carried over, except that a null argument counts as given and values are compared by type, not by text.',
    'Human approval: a tool that needs it is forbidden.',
    'Prompts and resources are denied unless you add get_prompt / read_resource permits.',
  ],
  render(policy) {
    const { policies, losses } = toolhiveCedar(policy);
    const config = { version: '1.0', type: 'cedarv1', cedar: { policies, entities_json: '[]' } };
    return { text: `${asciiJson(config)}\n`, losses };
  },
};
