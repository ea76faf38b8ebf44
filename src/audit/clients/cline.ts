// Cline: the VS Code extension's globalStorage cline_mcp_settings.json (per editor), and the CLI's
// ~/.cline/data/settings; `mcpServers`.
import { readEntryMap, readJsonText } from './parse-helpers.ts';
import { editorUserDir, joiner } from './types.ts';
import type { ConfigLocation, McpClient } from './types.ts';

const EDITORS = ['Code', 'Code - Insiders', 'Cursor', 'VSCodium', 'Windsurf'];

export const cline: McpClient = {
  id: 'cline',
  label: 'Cline',
  locations(host) {
    const join = joiner(host);
    const out: ConfigLocation[] = EDITORS.map((editor) => ({
      client: 'cline',
      path: join(
        editorUserDir(host, editor),
        'globalStorage',
        'saoudrizwan.claude-dev',
        'settings',
        'cline_mcp_settings.json',
      ),
      scope: 'user',
    }));
    out.push({
      client: 'cline',
      path: join(host.home, '.cline', 'data', 'settings', 'cline_mcp_settings.json'),
      scope: 'user',
    });
    return out;
  },
  parse(text) {
    return readEntryMap(readJsonText(text), 'mcpServers');
  },
};
