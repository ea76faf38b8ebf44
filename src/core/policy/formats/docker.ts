// Docker MCP gateway (Docker Sandboxes governance) Cedar policy in the MCP namespace: register the server, permit
// allowed tools, ask a person (@requireApproval) for tools that need approval, forbid hidden ones. Facts: docker/docs
// content/manuals/ai/sandboxes/governance/reference/mcp-policy.md and access-controls/mcp.md.
import { cedarString, hasLoneSurrogate } from '../quote.ts';
import { ruleLosses, treatPolicy } from '../treatment.ts';
import { pointerSegment, safeQuote } from '../util.ts';
import type { PolicyFormat } from './types.ts';

export const docker: PolicyFormat = {
  id: 'docker',
  label: 'Docker MCP gateway (Cedar)',
  fileName: 'policy.docker.cedar',
  mediaType: 'text/plain',
  howToUse:
    "Add it as an MCP policy of your organisation in Docker's AI Governance settings; the server must be registered (sbx mcp add) under the name the policy uses.",
  cannotExpress: [
    'Rate limits (Cedar has no counters).',
    'Argument checks (not exported; Docker passes arguments only for local stdio servers).',
    'Hiding a tool: tool listings are not Cedar-gated, so a forbidden tool is still listed.',
  ],
  render(policy, context) {
    const t = treatPolicy(policy);
    const losses = ruleLosses(t, {
      args: 'argument check not carried over: this export writes tool-level rules only (Docker passes context.args only for local stdio servers)',
      limits: "rate limit not carried over: Cedar has no counters and Docker's MCP policy has no rate limit",
    });
    const server = `MCP::Server::${cedarString(context.server)}`;
    const out: string[] = [
      `// Docker MCP policy for the server registered as ${safeQuote(context.server, 80)}, exported by Toolgate. Default deny: a tool`,
      '// not permitted below is refused. A tool that needs human approval asks the person through MCP elicitation.',
      '',
      `permit (principal, action == MCP::Action::"register", resource)`,
      `when { resource in ${server} };`,
    ];
    if (!t.defaultDeny)
      out.push(
        '',
        `permit (principal, action == MCP::Action::"invokeTool", resource)`,
        `when { resource in ${server} };`,
      );
    for (const tool of t.tools) {
      if (hasLoneSurrogate(tool.name)) {
        losses.push({
          rule: `/tools/${pointerSegment(tool.name)}`,
          reason:
            'the tool name has an unpaired UTF-16 surrogate, which a Cedar string cannot spell; the tool is not named (so it is denied by default)',
        });
        continue;
      }
      const when = `when { resource in ${server} && resource.name == ${cedarString(tool.name)} };`;
      out.push('');
      if (tool.treatment === 'allow' || tool.treatment === 'limit')
        out.push('permit (principal, action == MCP::Action::"invokeTool", resource)', when);
      else if (tool.treatment === 'approval')
        out.push(
          `@requireApproval(${cedarString(tool.message ?? 'Requires human approval.')})`,
          'permit (principal, action == MCP::Action::"invokeTool", resource)',
          when,
        );
      else out.push('forbid (principal, action == MCP::Action::"invokeTool", resource)', when);
    }
    return { text: `${out.join('\n')}\n`, losses };
  },
};
