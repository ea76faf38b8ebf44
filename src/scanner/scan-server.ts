// Scans one MCP server: connect, initialize, page through tools/list, prompts/list, resources/list and
// resources/templates/list, within hard limits.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { ToolSchema } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { Finding } from '../core/schemas/finding.ts';
import type {
  SnapshotPrompt,
  SnapshotResource,
  SnapshotResourceTemplate,
  Transport as TransportName,
} from '../core/schemas/snapshot.ts';
import { ProcessStdioTransport } from './process-transport.ts';
import { boundedFetch } from './bounded-fetch.ts';
import type { FetchMeter } from './bounded-fetch.ts';
import { MAX_TEXT_CHARS, ServerFault, boundTool, measure, pruneDeep } from './bounds.ts';
import type { ProcessTransportOptions } from './process-transport.ts';

/** How to reach a server. `env` is the complete child environment (allow-listed by the caller). */
export type Launch =
  | {
      kind: 'stdio';
      command: string;
      args: string[];
      env: Record<string, string>;
      cwd?: string;
      sandbox?: ProcessTransportOptions['sandbox'];
    }
  | { kind: 'http'; url: string; transport?: 'streamable-http' | 'sse'; headers?: Record<string, string> };

export interface ScanLimits {
  timeoutMs: number;
  maxPages: number;
  /** Tools accepted from one server; more fails the server with TOO_MANY_TOOLS. */
  maxTools: number;
  /** Bytes of protocol messages accepted from one server (stdout, HTTP bodies, SSE streams together). */
  maxBytes: number;
  /** Bytes of one message: a stdout line, an HTTP body, an SSE line or event. */
  maxMessageBytes: number;
  /** JSON nesting depth of one message, checked on the raw bytes before parsing. */
  maxDepth: number;
  stderrBytes: number;
}

// Sized so that a hostile server cannot push the scanner much past a few hundred MB: a message is parsed whole, and
// JSON of tiny objects grows about tenfold in memory.
export const DEFAULT_LIMITS: ScanLimits = {
  timeoutMs: 30_000,
  maxPages: 1_000,
  maxTools: 20_000,
  maxBytes: 32 * 1024 * 1024,
  maxMessageBytes: 8 * 1024 * 1024,
  maxDepth: 10_000,
  stderrBytes: 16_384,
};

/** How long resources/templates/list may take: optional for servers, so one that ignores it must not cost the scan. */
const TEMPLATES_TIMEOUT_MS = 5_000;

export interface RawTool {
  [key: string]: unknown;
  name: string;
}

export interface ScanData {
  transport: TransportName;
  serverInfo: Record<string, unknown> & { name: string; version: string };
  protocolVersion: string;
  capabilities: Record<string, unknown>;
  instructions?: string;
  counts: { tools: number; resources?: number; prompts?: number; resourceTemplates?: number };
  tools: RawTool[];
  /** Listed prompts, resources and resource templates (present only when the server listed any). */
  prompts?: SnapshotPrompt[];
  resources?: SnapshotResource[];
  resourceTemplates?: SnapshotResourceTemplate[];
  findings: Finding[];
}

/** Permanent failure codes written to content/failures/<id>.json and the CLI output. */
export type ScanErrorCode =
  | 'TIMEOUT'
  | 'SPAWN_FAILED'
  | 'PROCESS_EXITED'
  | 'CONNECT_FAILED'
  | 'INITIALIZE_FAILED'
  | 'TOOLS_LIST_FAILED'
  /** Former name of OVERSIZE (kept so older records still type-check; no longer written). */
  | 'LIMIT_EXCEEDED'
  | 'OVERSIZE'
  | 'TOO_DEEP'
  | 'TOO_MANY_TOOLS'
  | 'MESSAGE_REJECTED'
  | 'PREPARE_FAILED'
  | 'INTERNAL_ERROR';

/** What the process left behind: its stdout lines that were not protocol messages, and how it exited (stdio only). */
export interface ScanLeftovers {
  stderr: string;
  noise?: string;
  exit?: { code: number | null; signal: string | null };
}

export type ScanOutcome =
  | ({ ok: true; data: ScanData } & ScanLeftovers)
  | ({ ok: false; error: { code: ScanErrorCode; message: string } } & ScanLeftovers);

// Lenient on purpose: the SDK's ListToolsResultSchema would reject the whole page for one odd tool.
const RawPageSchema = z
  .object({ tools: z.array(z.unknown()).optional(), nextCursor: z.string().optional() })
  .passthrough();
const RawListSchema = z.object({ nextCursor: z.string().optional() }).passthrough();

class ScanError extends Error {
  readonly code: ScanErrorCode;
  constructor(code: ScanErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

// Wraps any transport to learn the negotiated protocol version, and to cut every message to a depth the SDK's own
// recursive code (JSON.stringify in its error messages) handles; bytes and raw depth are bounded below it, while
// reading.
class MeteredTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: <T extends JSONRPCMessage>(message: T) => void;
  protocolVersion: string | undefined;
  fault: ServerFault | undefined;
  readonly inner: Transport;
  private readonly onFault: (fault: ServerFault) => void;

  constructor(inner: Transport, onFault: (fault: ServerFault) => void) {
    this.inner = inner;
    this.onFault = onFault;
    inner.onclose = () => this.onclose?.();
    inner.onerror = (error) => this.onerror?.(error);
    inner.onmessage = (message) => {
      if (this.fault) return;
      try {
        pruneDeep(message);
        this.onmessage?.(message);
      } catch (error) {
        // Whatever the SDK could not handle ends this server's scan, not the scanner.
        this.fault = new ServerFault(
          'MESSAGE_REJECTED',
          `a message from the server could not be handled: ${describe(error)}`,
        );
        this.onFault(this.fault);
        void this.inner.close().catch(() => undefined);
      }
    };
  }
  get sessionId(): string | undefined {
    return this.inner.sessionId;
  }
  start(): Promise<void> {
    return this.inner.start();
  }
  send(message: JSONRPCMessage, options?: Parameters<Transport['send']>[1]): Promise<void> {
    return this.inner.send(message, options);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
  setProtocolVersion(version: string): void {
    this.protocolVersion = version;
    this.inner.setProtocolVersion?.(version);
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Findings about one tool as sent: what a strict client would reject or what readers should know. */
export function toolFindings(tool: RawTool): Finding[] {
  const findings: Finding[] = [];
  const schema = tool.inputSchema;
  if (!isPlainObject(schema)) {
    findings.push({
      code: 'INPUT_SCHEMA_MISSING',
      severity: 'warning',
      tool: tool.name,
      message: 'The tool publishes no inputSchema object, so clients cannot check its arguments.',
    });
  } else if (schema.type !== 'object') {
    findings.push({
      code: 'INPUT_SCHEMA_INVALID',
      severity: 'warning',
      tool: tool.name,
      message:
        'The inputSchema is not a JSON Schema of type "object", which the MCP specification requires; strict clients reject this tool.',
      args: { type: schema.type === undefined ? null : schema.type },
    });
  }
  const strict = ToolSchema.safeParse(tool);
  if (!strict.success && isPlainObject(schema) && schema.type === 'object') {
    const paths = [...new Set(strict.error.issues.map((issue) => issue.path.join('.')))].sort();
    findings.push({
      code: 'TOOL_REJECTED_BY_SDK',
      severity: 'warning',
      tool: tool.name,
      message: 'The MCP SDK rejects this tool definition; the raw definition is kept as sent.',
      args: { paths },
    });
  }
  return findings;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

// Keeps only the string fields of an entry that the snapshot schema knows; anything else the server sent is dropped.
function pick<K extends string>(raw: Record<string, unknown>, keys: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const value = text(raw[key]);
    // Bounded like a tool description: a listing entry can hold at most MAX_TEXT_CHARS of each field.
    if (value !== undefined) out[key] = value.length > MAX_TEXT_CHARS ? value.slice(0, MAX_TEXT_CHARS) : value;
  }
  return out;
}

/** A prompts/list entry as the snapshot keeps it, or undefined when it has no string name. */
export function promptEntry(raw: unknown): SnapshotPrompt | undefined {
  if (!isPlainObject(raw) || typeof raw.name !== 'string') return undefined;
  const args = Array.isArray(raw.arguments)
    ? raw.arguments
        .filter((a): a is Record<string, unknown> => isPlainObject(a) && typeof a.name === 'string')
        .map(
          (a) =>
            ({
              ...pick(a, ['name', 'title', 'description'] as const),
              ...(typeof a.required === 'boolean' ? { required: a.required } : {}),
            }) as NonNullable<SnapshotPrompt['arguments']>[number],
        )
    : undefined;
  return {
    ...pick(raw, ['name', 'title', 'description'] as const),
    ...(args ? { arguments: args } : {}),
  } as SnapshotPrompt;
}

/** A resources/list entry as the snapshot keeps it, or undefined when it has no string uri. */
export function resourceEntry(raw: unknown): SnapshotResource | undefined {
  if (!isPlainObject(raw) || typeof raw.uri !== 'string') return undefined;
  return pick(raw, ['uri', 'name', 'title', 'description', 'mimeType'] as const) as SnapshotResource;
}

/** A resources/templates/list entry as the snapshot keeps it, or undefined when it has no string uriTemplate. */
export function resourceTemplateEntry(raw: unknown): SnapshotResourceTemplate | undefined {
  if (!isPlainObject(raw) || typeof raw.uriTemplate !== 'string') return undefined;
  return pick(raw, ['uriTemplate', 'name', 'title', 'description', 'mimeType'] as const) as SnapshotResourceTemplate;
}

/** Pages through prompts/list, resources/list or resources/templates/list within the tool limits (pages and entries). */
async function listSurface<T>(
  client: Client,
  method: 'resources/list' | 'prompts/list' | 'resources/templates/list',
  key: string,
  toEntry: (raw: unknown) => T | undefined,
  limits: ScanLimits,
  deadline: number,
): Promise<{ count: number; items: T[]; findings: Finding[] }> {
  let count = 0;
  let invalid = 0;
  const items: T[] = [];
  const findings: Finding[] = [];
  let cursor: string | undefined;
  const seen = new Set<string>();
  for (let page = 0; page < limits.maxPages; page++) {
    const result = await client.request({ method, params: cursor === undefined ? {} : { cursor } }, RawListSchema, {
      timeout: Math.max(1, deadline - Date.now()),
    });
    const raw = (result as Record<string, unknown>)[key];
    const entries = Array.isArray(raw) ? raw : [];
    let capped = false;
    for (const entry of entries) {
      if (count >= limits.maxTools) {
        capped = true;
        break;
      }
      count++;
      const item = toEntry(entry);
      if (item === undefined) invalid++;
      else items.push(item);
    }
    if (capped) {
      findings.push({
        code: 'SURFACE_CAP_REACHED',
        severity: 'warning',
        message: `Stopped at ${limits.maxTools} entries of ${method}; the rest of the list was not read.`,
        args: { method, max: limits.maxTools },
      });
      break;
    }
    cursor = result.nextCursor;
    if (cursor === undefined || seen.has(cursor)) break;
    seen.add(cursor);
  }
  if (invalid > 0) {
    findings.push({
      code: 'SURFACE_ENTRY_INVALID',
      severity: 'warning',
      message: `${invalid} ${method} entries lacked the required string field and were left out.`,
      args: { method, count: invalid },
    });
  }
  return { count, items, findings };
}

function makeTransport(
  launch: Launch,
  limits: ScanLimits,
  kind: TransportName,
  meter: FetchMeter,
  onFault: (fault: ServerFault) => void,
): { metered: MeteredTransport; process?: ProcessStdioTransport } {
  if (launch.kind === 'stdio') {
    const processTransport = new ProcessStdioTransport({
      command: launch.command,
      args: launch.args,
      env: launch.env,
      cwd: launch.cwd,
      sandbox: launch.sandbox,
      maxTotalBytes: limits.maxBytes,
      maxLineBytes: Math.min(limits.maxBytes, limits.maxMessageBytes),
      maxDepth: limits.maxDepth,
      stderrBytes: limits.stderrBytes,
      onFault,
    });
    return { metered: new MeteredTransport(processTransport, onFault), process: processTransport };
  }
  const url = new URL(launch.url);
  const requestInit = launch.headers ? { headers: launch.headers } : undefined;
  const fetch = boundedFetch(meter, {
    maxMessageBytes: limits.maxMessageBytes,
    maxTotalBytes: limits.maxBytes,
    maxDepth: limits.maxDepth,
  });
  const inner =
    kind === 'sse'
      ? new SSEClientTransport(url, { requestInit, fetch })
      : new StreamableHTTPClientTransport(url, {
          requestInit,
          fetch,
          reconnectionOptions: {
            maxRetries: 0,
            initialReconnectionDelay: 1000,
            maxReconnectionDelay: 1000,
            reconnectionDelayGrowFactor: 1,
          },
        });
  return { metered: new MeteredTransport(inner, onFault) };
}

interface Session {
  client: Client;
  metered: MeteredTransport;
  process?: ProcessStdioTransport;
  transport: TransportName;
}

interface Guard {
  meter: FetchMeter;
  fault(): ServerFault | undefined;
  onFault(fault: ServerFault): void;
}

async function connect(
  launch: Launch,
  limits: ScanLimits,
  deadline: number,
  sessions: Session[],
  guard: Guard,
): Promise<Session> {
  const kinds: TransportName[] =
    launch.kind === 'stdio' ? ['stdio'] : launch.transport ? [launch.transport] : ['streamable-http', 'sse'];
  let lastError: unknown;
  for (const kind of kinds) {
    const { metered, process: processTransport } = makeTransport(launch, limits, kind, guard.meter, guard.onFault);
    const client = new Client({ name: 'toolgate-scanner', version: '0.1.0' }, { capabilities: {} });
    const session: Session = { client, metered, process: processTransport, transport: kind };
    sessions.push(session);
    let transportError: Error | undefined;
    client.onerror = (error) => {
      if (error instanceof ScanError) transportError = error;
    };
    try {
      await client.connect(metered, { timeout: Math.max(1, deadline - Date.now()) });
      return session;
    } catch (error) {
      lastError = guard.fault() ?? transportError ?? error;
      await client.close().catch(() => undefined);
      if (processTransport || lastError instanceof ServerFault) break;
    }
  }
  if (lastError instanceof ScanError || lastError instanceof ServerFault) throw lastError;
  const message = describe(lastError);
  if (launch.kind === 'stdio') {
    if (/ENOENT|EACCES/.test(message))
      throw new ScanError('SPAWN_FAILED', `could not start "${launch.command}": ${message}`);
    throw new ScanError('INITIALIZE_FAILED', `initialize failed: ${message}`);
  }
  throw new ScanError('CONNECT_FAILED', `could not connect to ${launch.url} over ${kinds.join(' or ')}: ${message}`);
}

async function listTools(
  session: Session,
  limits: ScanLimits,
  deadline: number,
): Promise<{ tools: RawTool[]; findings: Finding[] }> {
  const tools: RawTool[] = [];
  const findings: Finding[] = [];
  const names = new Set<string>();
  const cursors = new Set<string>();
  let cursor: string | undefined;
  let pages = 0;
  let invalidEntries = 0;
  for (;;) {
    if (pages >= limits.maxPages) {
      findings.push({
        code: 'TOOLS_PAGE_CAP_REACHED',
        severity: 'error',
        message: `Stopped after ${limits.maxPages} pages of tools/list; the server kept returning a nextCursor.`,
        args: { pages },
      });
      break;
    }
    const page = await session.client.request(
      { method: 'tools/list', params: cursor === undefined ? {} : { cursor } },
      RawPageSchema,
      { timeout: Math.max(1, deadline - Date.now()) },
    );
    pages++;
    const entries = page.tools ?? [];
    if (tools.length + entries.length > limits.maxTools) {
      throw new ServerFault(
        'TOO_MANY_TOOLS',
        `the server listed more than ${limits.maxTools} tools; a server that large is not scanned`,
      );
    }
    for (const entry of entries) {
      if (!isPlainObject(entry) || typeof entry.name !== 'string') {
        invalidEntries++;
        continue;
      }
      const bounded = boundTool(entry as RawTool);
      findings.push(...bounded.findings);
      if (!bounded.tool) continue;
      const tool = bounded.tool;
      if (names.has(tool.name)) {
        findings.push({
          code: 'TOOL_NAME_DUPLICATE',
          severity: 'error',
          tool: tool.name,
          message: 'Two tools share this name; clients will call only one of them.',
        });
      }
      names.add(tool.name);
      tools.push(tool);
    }
    cursor = page.nextCursor;
    if (cursor === undefined) break;
    if (cursors.has(cursor)) {
      findings.push({
        code: 'TOOLS_CURSOR_REPEATED',
        severity: 'warning',
        message: 'tools/list returned a cursor it had already returned; stopped paging to avoid a loop.',
        args: { pages },
      });
      break;
    }
    cursors.add(cursor);
  }
  if (invalidEntries > 0) {
    findings.push({
      code: 'TOOL_ENTRY_INVALID',
      severity: 'error',
      message: `${invalidEntries} tools/list entries were not objects with a string name and were left out.`,
      args: { count: invalidEntries },
    });
  }
  if (pages > 1) {
    findings.push({
      code: 'TOOLS_PAGINATED',
      severity: 'info',
      message: `tools/list returned ${pages} pages.`,
      args: { pages },
    });
  }
  return { tools, findings };
}

/** Scans one server within `limits.timeoutMs`; never throws, always leaves no process behind. */
export async function scanServer(launch: Launch, limitsIn: Partial<ScanLimits> = {}): Promise<ScanOutcome> {
  const limits = { ...DEFAULT_LIMITS, ...limitsIn };
  const deadline = Date.now() + limits.timeoutMs;
  const sessions: Session[] = [];
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ScanError('TIMEOUT', `no complete answer within ${Math.round(limits.timeoutMs / 100) / 10} s`)),
      limits.timeoutMs,
    );
  });
  // The first bound a server breaks, on any transport, ends its scan at once with that bound's code.
  let firstFault: ServerFault | undefined;
  let rejectFault: (fault: ServerFault) => void = () => undefined;
  const faulted = new Promise<never>((_, reject) => {
    rejectFault = reject;
  });
  faulted.catch(() => undefined);
  const meter: FetchMeter = { totalBytes: 0 };
  const guard: Guard = {
    meter,
    fault: () => firstFault,
    onFault: (fault) => {
      if (firstFault) return;
      firstFault = fault;
      rejectFault(fault);
    },
  };
  meter.onFault = guard.onFault;
  const work = (async (): Promise<ScanData> => {
    const session = await connect(launch, limits, deadline, sessions, guard);
    const { client, metered } = session;
    const capabilities = (client.getServerCapabilities() ?? {}) as Record<string, unknown>;
    const serverInfo = (client.getServerVersion() ?? { name: '', version: '' }) as ScanData['serverInfo'];
    for (const [what, value] of [
      ['capabilities', capabilities],
      ['serverInfo', serverInfo],
    ] as const) {
      const shape = measure(value, MAX_TEXT_CHARS);
      if (shape.pruned || shape.depth > 64)
        throw new ServerFault('TOO_DEEP', `the server's ${what} nest more than 64 levels deep`);
      if (shape.chars > MAX_TEXT_CHARS)
        throw new ServerFault('OVERSIZE', `the server's ${what} are larger than ${MAX_TEXT_CHARS} characters of JSON`);
    }
    let toolList: { tools: RawTool[]; findings: Finding[] };
    try {
      toolList = await listTools(session, limits, deadline);
    } catch (error) {
      if (error instanceof ScanError || error instanceof ServerFault) throw error;
      throw new ScanError('TOOLS_LIST_FAILED', `tools/list failed: ${describe(error)}`);
    }
    const findings: Finding[] = [];
    const counts: ScanData['counts'] = { tools: toolList.tools.length };
    if (!capabilities.tools) {
      findings.push({
        code: 'TOOLS_CAPABILITY_MISSING',
        severity: 'info',
        message: 'The server answered tools/list without advertising the tools capability.',
      });
    }
    const surface: Pick<ScanData, 'prompts' | 'resources' | 'resourceTemplates'> = {};
    const failed = (capability: string, method: string, error: unknown) =>
      findings.push({
        code: capability === 'resources' ? 'RESOURCES_LIST_FAILED' : 'PROMPTS_LIST_FAILED',
        severity: 'info',
        message: `The server advertises ${capability} but ${method} failed: ${describe(error).slice(0, 300)}`,
      });
    if (capabilities.resources) {
      try {
        const list = await listSurface(client, 'resources/list', 'resources', resourceEntry, limits, deadline);
        counts.resources = list.count;
        if (list.items.length > 0) surface.resources = list.items;
        findings.push(...list.findings);
      } catch (error) {
        failed('resources', 'resources/list', error);
      }
      // Many servers with resources do not implement templates (some never answer): a short deadline, and no finding on
      // failure.
      try {
        const list = await listSurface(
          client,
          'resources/templates/list',
          'resourceTemplates',
          resourceTemplateEntry,
          limits,
          Math.min(deadline, Date.now() + TEMPLATES_TIMEOUT_MS),
        );
        if (list.count > 0) counts.resourceTemplates = list.count;
        if (list.items.length > 0) surface.resourceTemplates = list.items;
        findings.push(...list.findings);
      } catch {
        // not implemented: nothing to record
      }
    }
    if (capabilities.prompts) {
      try {
        const list = await listSurface(client, 'prompts/list', 'prompts', promptEntry, limits, deadline);
        counts.prompts = list.count;
        if (list.items.length > 0) surface.prompts = list.items;
        findings.push(...list.findings);
      } catch (error) {
        failed('prompts', 'prompts/list', error);
      }
    }
    for (const tool of toolList.tools) findings.push(...toolFindings(tool));
    findings.push(...toolList.findings);
    if (session.process && session.process.noiseLines > 0) {
      findings.push({
        code: 'STDOUT_NOISE',
        severity: 'info',
        message: `The server wrote ${session.process.noiseLines} non-protocol lines to stdout; they were ignored.`,
        args: { lines: session.process.noiseLines },
      });
    }
    let instructions = client.getInstructions();
    if (instructions !== undefined && typeof instructions !== 'string') {
      findings.push({
        code: 'INSTRUCTIONS_INVALID',
        severity: 'error',
        message: 'The server instructions are not a string; they were left out.',
      });
      instructions = undefined;
    } else if (instructions !== undefined && instructions.length > MAX_TEXT_CHARS) {
      findings.push({
        code: 'INSTRUCTIONS_OVERSIZE',
        severity: 'error',
        message: `The server instructions have ${instructions.length} characters; only the first ${MAX_TEXT_CHARS} were kept.`,
        args: { length: instructions.length, limit: MAX_TEXT_CHARS },
      });
      instructions = instructions.slice(0, MAX_TEXT_CHARS);
    }
    return {
      transport: session.transport,
      serverInfo,
      protocolVersion: metered.protocolVersion ?? '',
      capabilities,
      ...(instructions !== undefined ? { instructions } : {}),
      counts,
      tools: toolList.tools,
      ...surface,
      findings,
    };
  })();
  let outcome: ScanOutcome;
  try {
    const data = await Promise.race([work, timeout, faulted]);
    outcome = { ok: true, data, stderr: '' };
  } catch (error) {
    work.catch(() => undefined);
    const processTransport = sessions.at(-1)?.process;
    let code: ScanErrorCode =
      error instanceof ScanError || error instanceof ServerFault ? error.code : 'TOOLS_LIST_FAILED';
    let message = describe(error);
    const fault =
      firstFault ?? sessions.map((session) => session.metered.fault ?? session.process?.limitError).find(Boolean);
    if (fault && code !== 'TIMEOUT') {
      code = fault.code;
      message = fault.message;
    }
    if (code !== 'TIMEOUT' && code !== 'SPAWN_FAILED' && !fault && processTransport?.exit) {
      const { code: exitCode, signal } = processTransport.exit;
      code = 'PROCESS_EXITED';
      message = `the server process exited (${signal ? `signal ${signal}` : `code ${exitCode}`}) before the scan finished: ${message}`;
    }
    outcome = { ok: false, error: { code, message }, stderr: '' };
  } finally {
    clearTimeout(timer);
  }
  await Promise.all(sessions.map((session) => session.client.close().catch(() => undefined)));
  await Promise.all(sessions.map((session) => session.process?.close().catch(() => undefined)));
  outcome.stderr = sessions.map((session) => session.process?.stderrTail() ?? '').join('');
  const noise = sessions.map((session) => session.process?.noiseTail() ?? '').join('');
  if (noise) outcome.noise = noise;
  const exit = sessions.at(-1)?.process?.exit;
  if (exit) outcome.exit = exit;
  return outcome;
}
