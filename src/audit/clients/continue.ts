// Continue: ~/.continue/config.yaml (`mcpServers` is a YAML list of {name, type, command, args, env, url}), the older
// config.json, and block folders .continue/mcpServers/ (YAML blocks with the same list, or JSON files in the
// Claude/Cursor `mcpServers` format).
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { isObject, readEntry, readEntryMap, readJsonText } from './parse-helpers.ts';
import { ConfigFormatError, joiner } from './types.ts';
import type { FoundServer, McpClient } from './types.ts';

function readList(list: unknown, key: string): FoundServer[] {
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw new ConfigFormatError(`"${key}" is not a list of servers`);
  return list.map((raw, index) => {
    const name = isObject(raw) && typeof raw.name === 'string' && raw.name !== '' ? raw.name : `${key}[${index}]`;
    // The older config.json nests the launch under "transport".
    const flat = isObject(raw) && isObject(raw.transport) ? { ...raw.transport, name } : raw;
    return readEntry(name, flat);
  });
}

export const continueDev: McpClient = {
  id: 'continue',
  label: 'Continue',
  locations(host) {
    const join = joiner(host);
    const dir = join(host.home, '.continue');
    return [
      { client: 'continue', path: join(dir, 'config.yaml'), scope: 'user' },
      { client: 'continue', path: join(dir, 'config.json'), scope: 'user' },
      { client: 'continue', path: join(dir, 'mcpServers'), scope: 'user', folderOf: ['.yaml', '.yml', '.json'] },
      {
        client: 'continue',
        path: join(host.project, '.continue', 'mcpServers'),
        scope: 'project',
        folderOf: ['.yaml', '.yml', '.json'],
      },
    ];
  },
  parse(text, path) {
    if (extname(path) === '.json') {
      const data = readJsonText(text);
      if (isObject(data) && isObject(data.experimental))
        return readList(data.experimental.modelContextProtocolServers, 'experimental.modelContextProtocolServers');
      return readEntryMap(data, 'mcpServers');
    }
    let data: unknown;
    try {
      data = parseYaml(text, { maxAliasCount: 100 });
    } catch (error) {
      throw new ConfigFormatError(`not valid YAML: ${(error as Error).message.split('\n')[0]}`);
    }
    if (data === null || data === undefined) return [];
    if (!isObject(data)) throw new ConfigFormatError('the file does not hold a YAML mapping at the top level');
    return readList(data.mcpServers, 'mcpServers');
  },
};
