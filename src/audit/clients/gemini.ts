// Gemini CLI: ~/.gemini/settings.json, project .gemini/settings.json, system settings; `mcpServers` with command, url
// (SSE) or httpUrl.
import { readEntryMap, readJsonText } from './parse-helpers.ts';
import { joiner } from './types.ts';
import type { McpClient } from './types.ts';

export const gemini: McpClient = {
  id: 'gemini',
  label: 'Gemini CLI',
  locations(host) {
    const join = joiner(host);
    const system =
      host.platform === 'darwin'
        ? '/Library/Application Support/GeminiCli/settings.json'
        : host.platform === 'win32'
          ? join(host.programData ?? 'C:\\ProgramData', 'gemini-cli', 'settings.json')
          : '/etc/gemini-cli/settings.json';
    return [
      { client: 'gemini', path: join(host.home, '.gemini', 'settings.json'), scope: 'user' },
      { client: 'gemini', path: join(host.project, '.gemini', 'settings.json'), scope: 'project' },
      { client: 'gemini', path: system, scope: 'managed' },
    ];
  },
  parse(text) {
    return readEntryMap(readJsonText(text), 'mcpServers', {
      urlKeys: [
        ['httpUrl', 'http'],
        ['url', 'sse'],
      ],
    });
  },
};
