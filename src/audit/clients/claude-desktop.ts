// Claude Desktop: claude_desktop_config.json, `mcpServers` (stdio entries; remote connectors are configured in the app,
// not here).
import { readEntryMap, readJsonText } from './parse-helpers.ts';
import { appData, joiner, xdgConfig } from './types.ts';
import type { McpClient } from './types.ts';

export const claudeDesktop: McpClient = {
  id: 'claude-desktop',
  label: 'Claude Desktop',
  locations(host) {
    const join = joiner(host);
    const dir =
      host.platform === 'darwin'
        ? join(host.home, 'Library', 'Application Support', 'Claude')
        : host.platform === 'win32'
          ? join(appData(host), 'Claude')
          : join(xdgConfig(host), 'Claude');
    return [{ client: 'claude-desktop', path: join(dir, 'claude_desktop_config.json'), scope: 'user' }];
  },
  parse(text) {
    return readEntryMap(readJsonText(text), 'mcpServers');
  },
};
