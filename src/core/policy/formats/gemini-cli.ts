// Gemini CLI policy-engine TOML: one [[rule]] per tool (mcpName + toolName), and a lower-priority deny for the server's
// other tools. Facts: google-gemini/gemini-cli docs/reference/policy-engine.md (decision allow | deny | ask_user,
// priority 0-999, denyMessage, highest priority wins) and packages/core/src/policy/toml-loader.ts, whose schema
// requires toolName on every rule (the docs' mcpName-only example would not load), so the server-wide rule says
// toolName = "*".
import { hasLoneSurrogate, tomlString } from '../quote.ts';
import { ruleLosses, treatPolicy } from '../treatment.ts';
import { concatenateServerFiles, pointerSegment, safeQuote } from '../util.ts';
import type { PolicyFormat } from './types.ts';

/** Priorities inside the user tier: the server-wide default below the per-tool rules, hidden tools above them. */
export const GEMINI_PRIORITY = { serverDefault: 100, tool: 200, hidden: 300 } as const;

export const geminiCli: PolicyFormat = {
  id: 'gemini-cli',
  label: 'Gemini CLI (policy TOML)',
  fileName: 'policy.gemini.toml',
  mediaType: 'application/toml',
  howToUse:
    'Save it as ~/.gemini/policies/<server>.toml (or in /etc/gemini-cli/policies for every user); Gemini CLI loads every .toml file there at start.',
  cannotExpress: [
    'Rate limits: a rate-limited tool asks the user (ask_user) on every call instead.',
    'Argument checks (not exported; argsPattern regexes over the JSON arguments could express some).',
  ],
  render(policy, context) {
    const t = treatPolicy(policy);
    const losses = ruleLosses(t, {
      args: 'argument check not carried over: this export writes tool-level rules only',
      limits: 'rate limit not carried over: the tool asks the user on every call instead (ask_user)',
    });
    const mcp = `mcpName = ${tomlString(context.server)}`;
    const out = [
      `# Gemini CLI policy for the MCP server ${safeQuote(context.server, 80)}, exported by Toolgate. Highest priority wins.`,
    ];
    if (t.defaultDeny)
      out.push(
        '',
        '[[rule]]',
        mcp,
        'toolName = "*"',
        'decision = "deny"',
        `priority = ${GEMINI_PRIORITY.serverDefault}`,
        'denyMessage = "This tool is not permitted by policy."',
      );
    for (const tool of t.tools) {
      if (hasLoneSurrogate(tool.name)) {
        losses.push({
          rule: `/tools/${pointerSegment(tool.name)}`,
          reason:
            'the tool name has an unpaired UTF-16 surrogate, which TOML cannot spell; the server-wide rule decides it',
        });
        continue;
      }
      out.push('', '[[rule]]', mcp, `toolName = ${tomlString(tool.name)}`);
      if (tool.treatment === 'allow') out.push('decision = "allow"', `priority = ${GEMINI_PRIORITY.tool}`);
      else if (tool.treatment === 'limit' || tool.treatment === 'approval')
        out.push('decision = "ask_user"', `priority = ${GEMINI_PRIORITY.tool}`);
      else
        out.push(
          'decision = "deny"',
          `priority = ${tool.treatment === 'hide' ? GEMINI_PRIORITY.hidden : GEMINI_PRIORITY.tool}`,
          `denyMessage = ${tomlString(tool.message ?? 'Hidden by policy.')}`,
        );
    }
    return { text: `${out.join('\n')}\n`, losses };
  },
  // Every rule names its server (mcpName), so a whole setup is the files one after another.
  combine: concatenateServerFiles,
};
