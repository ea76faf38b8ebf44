// Lenient readers shared by the client parsers: one server entry, a map of entries, JSON/JSONC text.
import { parseJsonc } from '../../core/jsonc.ts';
import { ConfigFormatError } from './types.ts';
import type { FoundServer } from './types.ts';

type Entry = NonNullable<FoundServer['entry']>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringMap(value: unknown): Record<string, string> | undefined {
  if (!isObject(value)) return undefined;
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string') out[key] = item;
    else if (typeof item === 'number' || typeof item === 'boolean') out[key] = String(item);
  }
  return out;
}

const TYPES: Record<string, Entry['type']> = {
  stdio: 'stdio',
  local: 'stdio',
  http: 'http',
  'streamable-http': 'http',
  streamablehttp: 'http',
  streamable_http: 'http',
  sse: 'sse',
  remote: 'http',
};

export interface EntryOptions {
  /** Keys that hold a remote URL, in order of preference, with the transport each implies (undefined: try both). */
  urlKeys?: Array<[key: string, type: Entry['type'] | undefined]>;
  /** Keys holding HTTP headers. */
  headerKeys?: string[];
  /** Claude Code: a url without "type" is read as stdio and fails. */
  urlNeedsType?: boolean;
}

/** Normalises one raw entry (command/args/env/cwd/url/type/headers, disabled/enabled). */
export function readEntry(name: string, raw: unknown, options: EntryOptions = {}): FoundServer {
  if (!isObject(raw))
    return {
      name,
      problem: `the entry is ${raw === null ? 'null' : Array.isArray(raw) ? 'a list' : typeof raw}, not an object with "command" or "url"`,
    };
  const disabled = raw.disabled === true || raw.enabled === false;
  const entry: Entry = {};
  const rawType =
    typeof raw.type === 'string' ? raw.type : typeof raw.transport === 'string' ? raw.transport : undefined;
  if (rawType !== undefined) {
    const type = TYPES[rawType.toLowerCase()];
    if (!type) return { name, disabled, problem: `unknown transport type "${rawType}"; expected stdio, http or sse` };
    entry.type = type;
  }
  if (typeof raw.command === 'string' && raw.command.trim() !== '') entry.command = raw.command;
  if (Array.isArray(raw.args))
    entry.args = raw.args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg)));
  const env = stringMap(raw.env);
  if (env && Object.keys(env).length > 0) entry.env = env;
  if (typeof raw.cwd === 'string' && raw.cwd !== '') entry.cwd = raw.cwd;
  for (const [key, type] of options.urlKeys ?? [['url', undefined]]) {
    if (typeof raw[key] === 'string' && raw[key] !== '') {
      entry.url = raw[key] as string;
      if (entry.type === undefined && type !== undefined) entry.type = type;
      break;
    }
  }
  for (const key of options.headerKeys ?? ['headers']) {
    const headers = stringMap(raw[key]);
    if (headers && Object.keys(headers).length > 0) entry.headers = headers;
  }
  if (entry.url !== undefined && entry.type === 'stdio') {
    if (entry.command === undefined)
      return { name, disabled, problem: 'type is "stdio" but the entry has a "url" and no "command"' };
    delete entry.url;
  }
  if (options.urlNeedsType && entry.url !== undefined && rawType === undefined && entry.command === undefined) {
    return {
      name,
      disabled,
      problem:
        'it has a "url" but no "type"; Claude Code reads such an entry as stdio and cannot start it — add "type": "http" (or "sse")',
    };
  }
  if (entry.command === undefined && entry.url === undefined)
    return { name, disabled, problem: 'it has neither "command" nor a URL, so there is nothing to start or contact' };
  return { name, entry, ...(disabled ? { disabled } : {}) };
}

/** Reads a `{ name: entry }` map under `key`; a missing key is zero servers, a wrong type is an error. */
export function readEntryMap(data: unknown, key: string, options: EntryOptions = {}, section?: string): FoundServer[] {
  if (!isObject(data)) throw new ConfigFormatError('the file does not hold a JSON object at the top level');
  const map = data[key];
  if (map === undefined || map === null) return [];
  if (!isObject(map))
    throw new ConfigFormatError(
      `"${key}" is ${Array.isArray(map) ? 'a list' : typeof map}, expected an object of servers by name`,
    );
  return Object.entries(map).map(([name, raw]) => ({
    ...readEntry(name, raw, options),
    ...(section ? { section } : {}),
  }));
}

/** JSON (comments and trailing commas allowed, as the editors accept them). */
export function readJsonText(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return parseJsonc(text);
  } catch (error) {
    throw new ConfigFormatError(`not valid JSON: ${(error as Error).message}`);
  }
}

export { isObject };
