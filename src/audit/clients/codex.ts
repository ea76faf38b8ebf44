// Codex CLI: config.toml under $CODEX_HOME (default ~/.codex) and a trusted project's .codex/config.toml,
// `[mcp_servers.<name>]`.
import { parse as parseToml } from 'smol-toml';
import { isObject, readEntry } from './parse-helpers.ts';
import { ConfigFormatError, joiner } from './types.ts';
import type { McpClient } from './types.ts';

export const codex: McpClient = {
  id: 'codex',
  label: 'Codex CLI',
  locations(host) {
    const join = joiner(host);
    return [
      { client: 'codex', path: join(host.codexHome ?? join(host.home, '.codex'), 'config.toml'), scope: 'user' },
      { client: 'codex', path: join(host.project, '.codex', 'config.toml'), scope: 'project' },
    ];
  },
  parse(text) {
    let data: Record<string, unknown>;
    try {
      data = parseToml(text) as Record<string, unknown>;
    } catch (error) {
      throw new ConfigFormatError(`not valid TOML: ${(error as Error).message.split('\n')[0]}`);
    }
    const servers = data.mcp_servers;
    if (servers === undefined) return [];
    if (!isObject(servers)) throw new ConfigFormatError('"mcp_servers" is not a table of servers');
    return Object.entries(servers).map(([name, raw]) =>
      readEntry(name, raw, { urlKeys: [['url', 'http']], headerKeys: ['http_headers'] }),
    );
  },
};
