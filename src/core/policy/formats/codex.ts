// Codex CLI config.toml fragment for one MCP server: enabled_tools as the allow-list, disabled_tools for hidden tools,
// per-tool approval_mode ("approve" never asks, "prompt" always asks).
// Facts: openai/codex codex-rs/config/src/mcp_types.rs (RawMcpServerConfig, AppToolApproval auto | prompt | approve).
import { hasLoneSurrogate, tomlKey, tomlString } from '../quote.ts';
import { ruleLosses, treatPolicy } from '../treatment.ts';
import { concatenateServerFiles, pointerSegment, safeQuote } from '../util.ts';
import type { PolicyFormat } from './types.ts';

export const codex: PolicyFormat = {
  id: 'codex',
  label: 'Codex CLI (config.toml)',
  fileName: 'policy.codex.toml',
  mediaType: 'application/toml',
  howToUse:
    'Copy these keys into the existing [mcp_servers.<server>] table of ~/.codex/config.toml (keep its command or url), then restart Codex.',
  cannotExpress: [
    'Rate limits: a rate-limited tool asks for approval on every call instead.',
    'Argument checks.',
    'Deny messages: a refused tool is simply not offered to the model.',
  ],
  render(policy, context) {
    const t = treatPolicy(policy);
    const losses = ruleLosses(t, {
      args: 'argument check not carried over: Codex decides per tool, not per argument',
      limits:
        'rate limit not carried over: the tool asks for approval on every call instead (approval_mode = "prompt")',
    });
    const enabled: string[] = [];
    const disabled: string[] = [];
    const modes: Array<[string, string]> = [];
    for (const tool of t.tools) {
      if (hasLoneSurrogate(tool.name)) {
        losses.push({
          rule: `/tools/${pointerSegment(tool.name)}`,
          reason:
            'the tool name has an unpaired UTF-16 surrogate, which TOML cannot spell; the tool is left out of enabled_tools (so it is not offered)',
        });
        continue;
      }
      if (tool.treatment === 'hide' || tool.treatment === 'deny') {
        disabled.push(tool.name);
        continue;
      }
      enabled.push(tool.name);
      modes.push([tool.name, tool.treatment === 'allow' ? 'approve' : 'prompt']);
    }
    const table = `mcp_servers.${tomlKey(context.server)}`;
    const list = (names: string[]) =>
      names.length === 0 ? '[]' : `[\n${names.map((n) => `  ${tomlString(n)},`).join('\n')}\n]`;
    const out = [
      `# Codex CLI settings for the MCP server ${safeQuote(context.server, 80)}, exported by Toolgate: merge into the [${table}]`,
      '# table of ~/.codex/config.toml that holds its command or url. Only enabled_tools are offered to the model.',
      `[${table}]`,
      ...(t.defaultDeny ? [`enabled_tools = ${list(enabled)}`] : []),
      ...(disabled.length ? [`disabled_tools = ${list(disabled)}`] : []),
      'default_tools_approval_mode = "prompt"',
    ];
    for (const [name, mode] of modes) out.push('', `[${table}.tools.${tomlKey(name)}]`, `approval_mode = "${mode}"`);
    return { text: `${out.join('\n')}\n`, losses };
  },
  // Each server's keys live in its own [mcp_servers.<name>] tables, so a whole setup is the files one after another.
  combine: concatenateServerFiles,
};
