// Claude Code permissions (settings.json fragment): allow, ask and deny lists of mcp__<server>__<tool> rules. Facts:
// Claude Code settings docs (permissions.allow / ask / deny, deny beats ask beats allow; `*` only in the tool part).
import { asciiJson } from '../quote.ts';
import { ruleLosses, treatPolicy } from '../treatment.ts';
import { compareStrings, pointerSegment } from '../util.ts';
import type { PolicyFormat } from './types.ts';

/** Claude Code's spelling of a name inside mcp__<server>__<tool>: characters outside [A-Za-z0-9_-] become "_". */
export function claudeName(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, '_');
}

export const claudeCode: PolicyFormat = {
  id: 'claude-code',
  label: 'Claude Code (settings.json)',
  fileName: 'policy.claude-settings.json',
  mediaType: 'application/json',
  howToUse:
    'Merge the permissions lists into .claude/settings.json (project) or ~/.claude/settings.json (user); the server name in the rules must be the one in your MCP config.',
  cannotExpress: [
    'Rate limits: a rate-limited tool asks each time instead.',
    'Argument checks.',
    "Default deny: a tool this file does not name is asked about (Claude Code's default), not refused.",
  ],
  render(policy, context) {
    const t = treatPolicy(policy);
    const losses = ruleLosses(t, {
      args: 'argument check not carried over: Claude Code permission rules for MCP tools match the tool name only',
      limits: 'rate limit not carried over: the tool asks for permission on every call instead',
    });
    if (t.defaultDeny)
      losses.unshift({
        rule: '/default',
        reason:
          'Claude Code cannot deny tools it is not told about: an unnamed tool of this server is asked about instead of refused',
      });
    const server = claudeName(context.server);
    const lists = { allow: new Set<string>(), ask: new Set<string>(), deny: new Set<string>() };
    for (const tool of t.tools) {
      const rule = `mcp__${server}__${claudeName(tool.name)}`;
      if (claudeName(tool.name) !== tool.name)
        losses.push({
          rule: `/tools/${pointerSegment(tool.name)}`,
          reason: `Claude Code spells this tool ${rule}; a tool with the same spelling would share the rule (the stricter list wins)`,
        });
      if (tool.treatment === 'allow') lists.allow.add(rule);
      else if (tool.treatment === 'limit' || tool.treatment === 'approval') lists.ask.add(rule);
      else lists.deny.add(rule);
    }
    if (!t.defaultDeny) lists.allow.add(`mcp__${server}`);
    const sorted = (s: Set<string>) => [...s].sort(compareStrings);
    const permissions = { allow: sorted(lists.allow), ask: sorted(lists.ask), deny: sorted(lists.deny) };
    return { text: `${asciiJson({ permissions })}\n`, losses };
  },
  // Every rule names its server (mcp__<server>__…), so one settings fragment holds a whole setup: the lists are
  // unioned, and where two servers' spellings meet, Claude Code's own order (deny, then ask, then allow) keeps the
  // stricter rule.
  combine(parts) {
    const lists = { allow: new Set<string>(), ask: new Set<string>(), deny: new Set<string>() };
    for (const part of parts) {
      const { permissions } = JSON.parse(part.rendered.text) as { permissions: Record<keyof typeof lists, string[]> };
      for (const key of ['allow', 'ask', 'deny'] as const) for (const rule of permissions[key]) lists[key].add(rule);
    }
    const sorted = (s: Set<string>) => [...s].sort(compareStrings);
    const permissions = { allow: sorted(lists.allow), ask: sorted(lists.ask), deny: sorted(lists.deny) };
    const losses = parts.flatMap((part) =>
      part.rendered.losses.map((loss) => ({ ...loss, rule: `${part.server}:${loss.rule}` })),
    );
    return { text: `${asciiJson({ permissions })}\n`, losses };
  },
};
