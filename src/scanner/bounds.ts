// Bounds on what a server may send: bytes per message and per server, JSON nesting depth, tool count and field sizes.
// Every check is linear and iterative: nothing here recurses over server data, so no bound depends on the call stack.
import type { Finding } from '../core/schemas/finding.ts';

/** Permanent codes for a server that went over a bound; the server fails, the rest of the run carries on. */
export type FaultCode = 'OVERSIZE' | 'TOO_DEEP' | 'TOO_MANY_TOOLS' | 'MESSAGE_REJECTED';

/** A server broke a bound (or sent something the client could not handle): fails that server only. */
export class ServerFault extends Error {
  readonly code: FaultCode;
  constructor(code: FaultCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Bounds applied to every message of one server. */
export interface MessageBounds {
  /** Bytes of one JSON-RPC message (a stdio line, an HTTP body, an SSE line or event). */
  maxMessageBytes: number;
  /** Bytes of all messages of one server together. */
  maxTotalBytes: number;
  /** JSON nesting depth of one message, checked on the raw bytes before parsing. */
  maxDepth: number;
}

/** Nesting depth kept in a parsed message; deeper values are cut (see pruneDeep) before the SDK sees them. */
export const KEEP_DEPTH = 512;
/** Nesting depth accepted inside one tool field (inputSchema, outputSchema, annotations, ...). */
export const FIELD_MAX_DEPTH = 256;
/** Characters of a tool description or of the server instructions; longer text is cut with a finding. */
export const MAX_TEXT_CHARS = 2 * 1024 * 1024;
/** Characters of a tool name or title; a longer name drops the tool (with a finding), a longer title is cut. */
export const MAX_NAME_CHARS = 4096;
/** Approximate JSON characters of one structured tool field; a bigger field is dropped with a finding. */
export const MAX_FIELD_CHARS = 4 * 1024 * 1024;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Tracks JSON nesting depth over bytes fed in any number of pieces (strings and escapes respected). */
export class JsonDepthMeter {
  depth = 0;
  private inString = false;
  private escaped = false;
  private readonly max: number;

  constructor(max: number) {
    this.max = max;
  }

  reset(): void {
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
  }

  /** Feeds bytes; throws TOO_DEEP as soon as the depth passes the bound. */
  feed(bytes: Uint8Array, start = 0, end = bytes.length): void {
    let { depth, inString, escaped } = this;
    for (let i = start; i < end; i++) {
      const byte = bytes[i]!;
      if (inString) {
        if (escaped) escaped = false;
        else if (byte === BACKSLASH) escaped = true;
        else if (byte === QUOTE) inString = false;
      } else if (byte === QUOTE) inString = true;
      else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
        if (++depth > this.max) {
          this.depth = depth;
          throw new ServerFault(
            'TOO_DEEP',
            `the server sent JSON nested more than ${this.max} levels deep; stopped before parsing it`,
          );
        }
      } else if ((byte === CLOSE_BRACE || byte === CLOSE_BRACKET) && depth > 0) depth--;
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
  }
}

/** Throws TOO_DEEP when one complete JSON text nests deeper than `max`. */
export function checkDepth(bytes: Uint8Array, max: number): void {
  new JsonDepthMeter(max).feed(bytes);
}

/** Values cut by pruneDeep; a tool that holds one has a field too deep to keep. */
const pruned = new WeakSet<object>();

/**
 * Replaces every array or object deeper than `maxDepth` by an empty marker object, in place, without recursion; returns
 * how many were cut. Keeps the SDK's own recursive code (JSON.stringify in its error messages) far from the stack
 * limit.
 */
export function pruneDeep(root: unknown, maxDepth = KEEP_DEPTH): number {
  if (typeof root !== 'object' || root === null) return 0;
  let cut = 0;
  const stack: Array<[Record<string, unknown> | unknown[], number]> = [[root as Record<string, unknown>, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    const keys = Array.isArray(node) ? node.keys() : Object.keys(node);
    for (const key of keys) {
      const child = (node as Record<string | number, unknown>)[key];
      if (typeof child !== 'object' || child === null) continue;
      if (depth >= maxDepth) {
        const marker = {};
        pruned.add(marker);
        (node as Record<string | number, unknown>)[key] = marker;
        cut++;
      } else stack.push([child as Record<string, unknown>, depth + 1]);
    }
  }
  return cut;
}

export interface Shape {
  depth: number;
  /** Approximate JSON length: string lengths plus a few characters per value. */
  chars: number;
  /** Whether pruneDeep cut something inside. */
  pruned: boolean;
}

/** Depth, size and cut markers of a parsed JSON value, iteratively; stops counting once `stopAt` characters are passed. */
export function measure(value: unknown, stopAt = Number.POSITIVE_INFINITY): Shape {
  const shape: Shape = { depth: 0, chars: 0, pruned: false };
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length && shape.chars <= stopAt) {
    const [node, depth] = stack.pop()!;
    if (typeof node === 'string') {
      shape.chars += node.length + 2;
      continue;
    }
    shape.chars += 4;
    if (typeof node !== 'object' || node === null) continue;
    if (pruned.has(node)) shape.pruned = true;
    if (depth > shape.depth) shape.depth = depth;
    if (Array.isArray(node)) for (const item of node) stack.push([item, depth + 1]);
    else
      for (const [key, item] of Object.entries(node)) {
        shape.chars += key.length + 3;
        stack.push([item, depth + 1]);
      }
  }
  return shape;
}

// Defines an own property even for "__proto__", which plain assignment would turn into a prototype change.
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** A tool entry made safe to store: every field within its bound, or dropped or cut with a finding saying so. */
export function boundTool(entry: Record<string, unknown> & { name: string }): {
  tool?: Record<string, unknown> & { name: string };
  findings: Finding[];
} {
  const findings: Finding[] = [];
  const name = entry.name;
  if (name.length > MAX_NAME_CHARS) {
    findings.push({
      code: 'TOOL_FIELD_OVERSIZE',
      severity: 'error',
      tool: name.slice(0, 200),
      message: `A tool name of ${name.length} characters (over ${MAX_NAME_CHARS}) was left out; no client can show or call such a name sensibly.`,
      args: { field: 'name', length: name.length, limit: MAX_NAME_CHARS },
    });
    return { findings };
  }
  const tool: Record<string, unknown> & { name: string } = { name };
  for (const [field, value] of Object.entries(entry)) {
    if (field === 'name' || field === 'hash') continue;
    if (field === 'title' || field === 'description') {
      if (typeof value !== 'string') {
        findings.push({
          code: 'TOOL_FIELD_INVALID',
          severity: 'error',
          tool: name,
          message: `The tool's ${field} is ${typeName(value)}, not a string; it was left out.`,
          args: { field, type: typeName(value) },
        });
        continue;
      }
      const limit = field === 'title' ? MAX_NAME_CHARS : MAX_TEXT_CHARS;
      if (value.length > limit) {
        findings.push({
          code: 'TOOL_FIELD_OVERSIZE',
          severity: 'error',
          tool: name,
          message: `The tool's ${field} has ${value.length} characters; only the first ${limit} were kept.`,
          args: { field, length: value.length, limit },
        });
        setOwn(tool, field, value.slice(0, limit));
      } else setOwn(tool, field, value);
      continue;
    }
    if (field === 'annotations' && !isPlainObject(value)) {
      findings.push({
        code: 'TOOL_FIELD_INVALID',
        severity: 'error',
        tool: name,
        message: `The tool's annotations are ${typeName(value)}, not an object; they were left out.`,
        args: { field, type: typeName(value) },
      });
      continue;
    }
    const shape = measure(value, MAX_FIELD_CHARS);
    if (shape.pruned || shape.depth > FIELD_MAX_DEPTH) {
      findings.push({
        code: 'TOOL_FIELD_TOO_DEEP',
        severity: 'error',
        tool: name,
        message: `The tool's ${field} nests more than ${FIELD_MAX_DEPTH} levels deep; it was left out.`,
        args: { field, limit: FIELD_MAX_DEPTH },
      });
      continue;
    }
    if (shape.chars > MAX_FIELD_CHARS) {
      findings.push({
        code: 'TOOL_FIELD_OVERSIZE',
        severity: 'error',
        tool: name,
        message: `The tool's ${field} is larger than ${MAX_FIELD_CHARS} characters of JSON; it was left out.`,
        args: { field, limit: MAX_FIELD_CHARS },
      });
      continue;
    }
    setOwn(tool, field, value);
  }
  return { tool, findings };
}
