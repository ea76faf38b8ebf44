// Claude Code: ~/.claude.json (user `mcpServers`, and per-project `projects[path].mcpServers`), project .mcp.json,
// managed-mcp.json.
import { basename, isAbsolute, join, win32 } from 'node:path';
import { ConfigFormatError, joiner } from './types.ts';
import type { FoundServer, McpClient } from './types.ts';
import { isObject, readEntryMap, readJsonText } from './parse-helpers.ts';

const OPTIONS = { urlNeedsType: true };

/** Projects of ~/.claude.json whose .mcp.json is read. */
const MAX_PROJECTS = 500;

export const claudeCode: McpClient = {
  id: 'claude-code',
  label: 'Claude Code',
  locations(host) {
    const join = joiner(host);
    const managed =
      host.platform === 'darwin'
        ? ['/Library/Application Support/ClaudeCode/managed-mcp.json']
        : host.platform === 'win32'
          ? [
              'C:\\Program Files\\ClaudeCode\\managed-mcp.json',
              join(host.programData ?? 'C:\\ProgramData', 'ClaudeCode', 'managed-mcp.json'),
            ]
          : ['/etc/claude-code/managed-mcp.json'];
    return [
      { client: 'claude-code', path: join(host.claudeConfigDir ?? host.home, '.claude.json'), scope: 'user' },
      { client: 'claude-code', path: join(host.project, '.mcp.json'), scope: 'project' },
      ...managed.map((path) => ({ client: 'claude-code', path, scope: 'managed' as const })),
    ];
  },
  relatedLocations(text, path) {
    if (basename(path) !== '.claude.json') return [];
    let data: unknown;
    try {
      data = readJsonText(text);
    } catch {
      return [];
    }
    const projects = isObject(data) && isObject(data.projects) ? Object.keys(data.projects).sort() : [];
    // Each project Claude Code has opened keeps its shared servers in its own .mcp.json (bounded: a home can list
    // hundreds).
    return projects
      .filter((folder) => isAbsolute(folder) || win32.isAbsolute(folder))
      .slice(0, MAX_PROJECTS)
      .map((folder) => ({
        client: 'claude-code',
        path: (win32.isAbsolute(folder) && !isAbsolute(folder) ? win32.join : join)(folder, '.mcp.json'),
        scope: 'project' as const,
        projectDir: folder,
      }));
  },
  parse(text, path) {
    const data = readJsonText(text);
    if (basename(path) !== '.claude.json') return readEntryMap(data, 'mcpServers', OPTIONS);
    const servers: FoundServer[] = readEntryMap(data, 'mcpServers', OPTIONS, 'user');
    const projects = (data as Record<string, unknown>).projects;
    if (projects !== undefined && !isObject(projects))
      throw new ConfigFormatError('"projects" is not an object of project folders');
    for (const folder of Object.keys(projects ?? {}).sort()) {
      const project = (projects as Record<string, unknown>)[folder];
      if (!isObject(project)) continue;
      servers.push(...readEntryMap(project, 'mcpServers', OPTIONS, `project ${folder}`));
    }
    return servers;
  },
};
