// VS Code: user mcp.json (and the older `mcp` block of settings.json) per OS, workspace .vscode/mcp.json; top-level
// `servers`.
import { basename } from 'node:path';
import { isObject, readEntryMap, readJsonText } from './parse-helpers.ts';
import { editorUserDir, joiner } from './types.ts';
import type { ConfigLocation, McpClient } from './types.ts';

export const vscode: McpClient = {
  id: 'vscode',
  label: 'VS Code',
  locations(host) {
    const join = joiner(host);
    const out: ConfigLocation[] = [];
    for (const product of ['Code', 'Code - Insiders']) {
      const dir = editorUserDir(host, product);
      out.push(
        { client: 'vscode', path: join(dir, 'mcp.json'), scope: 'user' },
        { client: 'vscode', path: join(dir, 'settings.json'), scope: 'user' },
      );
    }
    out.push({ client: 'vscode', path: join(host.project, '.vscode', 'mcp.json'), scope: 'project' });
    return out;
  },
  parse(text, path) {
    const data = readJsonText(text);
    if (basename(path) === 'settings.json') {
      const block = isObject(data) ? data.mcp : undefined;
      return block === undefined ? [] : readEntryMap(block, 'servers');
    }
    return readEntryMap(data, 'servers');
  },
};
