// Windsurf: ~/.codeium/windsurf/mcp_config.json (some builds ~/.codeium/mcp_config.json), `mcpServers`; remote entries
// use `serverUrl`.
import { readEntryMap, readJsonText } from './parse-helpers.ts';
import { joiner } from './types.ts';
import type { McpClient } from './types.ts';

export const windsurf: McpClient = {
  id: 'windsurf',
  label: 'Windsurf',
  locations(host) {
    const join = joiner(host);
    return [
      { client: 'windsurf', path: join(host.home, '.codeium', 'windsurf', 'mcp_config.json'), scope: 'user' },
      { client: 'windsurf', path: join(host.home, '.codeium', 'mcp_config.json'), scope: 'user' },
    ];
  },
  parse(text) {
    return readEntryMap(readJsonText(text), 'mcpServers', {
      urlKeys: [
        ['serverUrl', undefined],
        ['url', undefined],
      ],
    });
  },
};
