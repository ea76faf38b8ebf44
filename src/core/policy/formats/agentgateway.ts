// agentgateway mcpAuthorization rules (CEL): an allow rule per allowed tool, a deny rule per refused one. Facts:
// agentgateway examples/mcp-authorization/config.yaml, crates/agentgateway/src/http/authorization.rs (deny, then
// require, then allow; with allow rules present an unmatched call is denied), schema/cel.md (mcp.tool.name at request
// time).
import { celString, hasLoneSurrogate } from '../quote.ts';
import { ruleLosses, treatPolicy } from '../treatment.ts';
import { pointerSegment, safeQuote } from '../util.ts';
import type { FormatLoss, PolicyFormat } from './types.ts';

export type CelRule = { mode: 'allow' | 'deny'; expression: string };

/** The rules in evaluation-independent order (agentgateway checks every deny before any allow). */
export function agentgatewayRules(policy: Parameters<PolicyFormat['render']>[0]): {
  rules: CelRule[];
  losses: FormatLoss[];
} {
  const t = treatPolicy(policy);
  const losses = ruleLosses(t, {
    args: "argument check not carried over: request-time CEL in agentgateway has only the tool's identity (mcp.tool.name, mcp.tool.target), not its arguments",
    limits: "rate limit not carried over: agentgateway's localRateLimit counts a whole route, not one tool",
  });
  const rules: CelRule[] = [];
  for (const tool of t.tools) {
    if (hasLoneSurrogate(tool.name)) {
      losses.push({
        rule: `/tools/${pointerSegment(tool.name)}`,
        reason:
          'the tool name has an unpaired UTF-16 surrogate, which a CEL string cannot spell; the tool is not named (so it is denied by default)',
      });
      continue;
    }
    const expression = `mcp.tool.name == ${celString(tool.name)}`;
    rules.push({ mode: tool.treatment === 'allow' || tool.treatment === 'limit' ? 'allow' : 'deny', expression });
  }
  // With no allow rule agentgateway falls back to allowing everything not denied; one rule that never matches keeps
  // the allow-list (default deny) semantics.
  if (t.defaultDeny && !rules.some((r) => r.mode === 'allow')) rules.push({ mode: 'allow', expression: 'false' });
  if (!t.defaultDeny) rules.push({ mode: 'allow', expression: 'true' });
  return { rules, losses };
}

export const agentgateway: PolicyFormat = {
  id: 'agentgateway',
  label: 'agentgateway (CEL)',
  fileName: 'policy.agentgateway.yaml',
  mediaType: 'text/yaml',
  howToUse:
    'Paste the mcpAuthorization block under policies: of the agentgateway listener or route that serves this server, then reload agentgateway.',
  cannotExpress: [
    'Rate limits per tool (localRateLimit counts the whole route).',
    'Argument checks (request-time CEL has no tool arguments).',
    'Human approval: a tool that needs it is denied.',
  ],
  render(policy, context) {
    const { rules, losses } = agentgatewayRules(policy);
    const lines = [
      `# agentgateway MCP authorization for ${safeQuote(context.server, 80)}, exported by Toolgate. Rules match the tool name on every`,
      '# target of the route; add `mcp.tool.target == "<target>" &&` to each when one route serves several servers.',
      'mcpAuthorization:',
      '  rules:',
      // CEL literals here are printable ASCII, so a single-quoted YAML scalar (quote doubled) holds them exactly.
      ...rules.map((r) =>
        r.mode === 'allow' ? `  - ${yamlSingle(r.expression)}` : `  - deny: ${yamlSingle(r.expression)}`,
      ),
    ];
    return { text: `${lines.join('\n')}\n`, losses };
  },
};

function yamlSingle(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
