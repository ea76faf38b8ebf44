// Cursor: ~/.cursor/mcp.json (user) and .cursor/mcp.json (project), `mcpServers`; `url` entries are remote.
import { readEntryMap, readJsonText } from './parse-helpers.ts';
import { joiner } from './types.ts';
import type { McpClient } from './types.ts';

export const cursor: McpClient = {
  id: 'cursor',
  label: 'Cursor',
  locations(host) {
    const join = joiner(host);
    return [
      { client: 'cursor', path: join(host.home, '.cursor', 'mcp.json'), scope: 'user' },
      { client: 'cursor', path: join(host.project, '.cursor', 'mcp.json'), scope: 'project' },
    ];
  },
  parse(text) {
    return readEntryMap(readJsonText(text), 'mcpServers');
  },
};
