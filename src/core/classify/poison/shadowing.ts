// POISON_TOOL_SHADOWED: the same tool name (exactly, or once folded) offered by two or more servers that one agent sees
// together.
import type { Finding } from '../../schemas/finding.ts';
import type { PoisonInfo } from './check.ts';
import { foldName } from './name-collision.ts';

export const TOOL_SHADOWED_INFO: PoisonInfo = {
  code: 'POISON_TOOL_SHADOWED',
  severity: 'warning',
  title: 'Same tool name on another server',
  description:
    'Another server configured beside this one offers a tool with the same name (or one that differs only in case or look-alike letters). Clients that do not prefix names by server call whichever they meet first, so one server can shadow the other’s tool and receive calls meant for it.',
};

/** A server as the shadowing check needs it: an id and its tool names. */
export interface NamedServer {
  id: string;
  tools: ReadonlyArray<{ name: string }>;
}

/**
 * One finding per (server, tool) whose name another of `servers` also offers; pure, O(total tools). Meant for one
 * agent's set of servers (the audit of a client config, a multi-server view), not a public catalogue where every server
 * is separate.
 */
export function shadowingFindings(servers: readonly NamedServer[]): Array<Finding & { server: string }> {
  const byFold = new Map<string, Array<{ server: string; name: string }>>();
  for (const server of servers) {
    const seen = new Set<string>();
    for (const tool of server.tools.slice(0, 20_000)) {
      const key = foldName(tool.name);
      if (seen.has(key)) continue;
      seen.add(key);
      const list = byFold.get(key);
      if (list) list.push({ server: server.id, name: tool.name });
      else byFold.set(key, [{ server: server.id, name: tool.name }]);
    }
  }
  const out: Array<Finding & { server: string }> = [];
  for (const list of byFold.values()) {
    if (new Set(list.map((e) => e.server)).size < 2) continue;
    for (const entry of list) {
      const others = list.filter((e) => e.server !== entry.server);
      out.push({
        server: entry.server,
        code: TOOL_SHADOWED_INFO.code,
        severity: TOOL_SHADOWED_INFO.severity,
        tool: entry.name,
        message: `${TOOL_SHADOWED_INFO.title}.`,
        args: {
          servers: [...new Set(others.map((e) => e.server))].sort(),
          kind: others.every((e) => e.name === entry.name) ? 'exact' : 'folded',
        },
      });
    }
  }
  return out.sort((a, b) =>
    a.server < b.server ? -1 : a.server > b.server ? 1 : a.tool! < b.tool! ? -1 : a.tool! > b.tool! ? 1 : 0,
  );
}
