// Zed: settings.json (JSON with comments) `context_servers`: {command, args, env} (older: command {path, args, env}) or
// {url, headers}.
import { isObject, readEntry, readJsonText } from './parse-helpers.ts';
import { ConfigFormatError, appData, joiner, xdgConfig } from './types.ts';
import type { ConfigLocation, FoundServer, McpClient } from './types.ts';

export const zed: McpClient = {
  id: 'zed',
  label: 'Zed',
  locations(host) {
    const join = joiner(host);
    const user: string[] =
      host.platform === 'win32'
        ? [join(appData(host), 'Zed', 'settings.json')]
        : host.platform === 'darwin'
          ? [
              join(host.home, '.config', 'zed', 'settings.json'),
              join(host.home, 'Library', 'Application Support', 'Zed', 'settings.json'),
            ]
          : [join(xdgConfig(host), 'zed', 'settings.json')];
    const out: ConfigLocation[] = user.map((path) => ({ client: 'zed', path, scope: 'user' }));
    out.push({ client: 'zed', path: join(host.project, '.zed', 'settings.json'), scope: 'project' });
    return out;
  },
  parse(text) {
    const data = readJsonText(text);
    if (!isObject(data)) throw new ConfigFormatError('the file does not hold a JSON object at the top level');
    const servers = data.context_servers;
    if (servers === undefined || servers === null) return [];
    if (!isObject(servers)) throw new ConfigFormatError('"context_servers" is not an object of servers by name');
    return Object.entries(servers).map(([name, raw]): FoundServer => {
      if (isObject(raw) && isObject(raw.command)) {
        // Older format: "command": { "path", "args", "env" }.
        const command = raw.command;
        return readEntry(name, { ...raw, command: command.path, args: command.args, env: command.env });
      }
      if (isObject(raw) && raw.command === undefined && raw.url === undefined) {
        return {
          name,
          problem: 'no "command" or "url": the server is provided by a Zed extension, which the audit cannot start',
        };
      }
      return readEntry(name, raw);
    });
  },
};
