// ToolHive's Cedar authorization config (thv run --authz-config): one permit per allowed tool, one forbid per refused tool.
// Facts: stacklok/toolhive docs/authz.md and pkg/authz/authorizers/cedar (Action::"call_tool", Tool::"<name>", default deny).
import { hasLoneSurrogate, asciiJson, cedarString } from '../quote.ts';
import { ruleLosses, treatPolicy } from '../treatment.ts';
import { pointerSegment } from '../util.ts';
import type { FormatLoss, PolicyFormat } from './types.ts';

/** The Cedar policies of the config, one statement per string, in tool order. */
export function toolhiveCedar(policy: Parameters<PolicyFormat['render']>[0]): { policies: string[]; losses: FormatLoss[] } {
  const t = treatPolicy(policy);
  const losses = ruleLosses(t, {
    args: 'argument check not carried over: ToolHive sees only top-level scalar arguments (as context.arg_<name>), and this export writes tool-level rules only',
    limits: 'rate limit not carried over: Cedar has no counters (ToolHive rate limits are a Kubernetes MCPServer setting)',
  });
  const policies: string[] = [];
  if (!t.defaultDeny) policies.push('permit(principal, action == Action::"call_tool", resource);');
  for (const tool of t.tools) {
    if (hasLoneSurrogate(tool.name)) {
      losses.push({ rule: `/tools/${pointerSegment(tool.name)}`, reason: 'the tool name has an unpaired UTF-16 surrogate, which a Cedar string cannot spell; the tool is not named (so it is denied by default)' });
      continue;
    }
    const resource = `resource == Tool::${cedarString(tool.name)}`;
    if (tool.treatment === 'allow' || tool.treatment === 'limit') policies.push(`permit(principal, action == Action::"call_tool", ${resource});`);
    else policies.push(`forbid(principal, action == Action::"call_tool", ${resource});`);
  }
  return { policies, losses };
}

export const toolhive: PolicyFormat = {
  id: 'toolhive',
  label: 'ToolHive (Cedar)',
  fileName: 'policy.toolhive.json',
  mediaType: 'application/json',
  howToUse: 'Start the server under ToolHive with it: thv run --authz-config policy.toolhive.json <server>; tools/list then shows only the permitted tools.',
  cannotExpress: [
    'Rate limits (Cedar has no counters).',
    'Argument checks (not exported).',
    'Human approval: a tool that needs it is forbidden.',
    'Prompts and resources are denied unless you add get_prompt / read_resource permits.',
  ],
  render(policy) {
    const { policies, losses } = toolhiveCedar(policy);
    const config = { version: '1.0', type: 'cedarv1', cedar: { policies, entities_json: '[]' } };
    return { text: `${asciiJson(config)}\n`, losses };
  },
};
