// Serves a recorded tools/list over real MCP transports on 127.0.0.1, for remotes unreachable from here (Delx) and for
// tests.
import { createServer } from 'node:http';
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';

export interface Recording {
  serverInfo: { name: string; version: string };
  instructions?: string;
  /** Raw tools exactly as recorded (served untouched, even where the SDK's schema would object). */
  tools: unknown[];
}

export interface ReplayOptions {
  /** Tools per tools/list page; all in one page when absent. */
  pageSize?: number;
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
}

export interface ReplayHandle {
  /** Streamable HTTP endpoint. */
  url: string;
  /** Legacy HTTP+SSE endpoint of the same recording. */
  sseUrl: string;
  close(): Promise<void>;
}

/** Reads a recorded tools/list file: `{ server?: { name, runtime_version|version }, serverInfo?, tools: [...] }`. */
export async function loadRecording(path: string): Promise<Recording> {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new Error(
      `cannot read the recorded tools/list at ${path}: ${(error as Error).message}. Check the path (or --shared / TOOLGATE_SHARED_DIR).`,
    );
  }
  if (!Array.isArray(data.tools))
    throw new Error(`${path} has no "tools" array; expected a recorded tools/list result.`);
  const server = (data.serverInfo ?? data.server ?? {}) as Record<string, unknown>;
  const name = typeof server.name === 'string' ? server.name : 'replay';
  const version =
    typeof server.version === 'string'
      ? server.version
      : typeof server.runtime_version === 'string'
        ? server.runtime_version
        : '0.0.0';
  return { serverInfo: { name, version }, tools: data.tools };
}

function makeServer(recording: Recording, pageSize: number | undefined): Server {
  const server = new Server(recording.serverInfo, {
    capabilities: { tools: {} },
    ...(recording.instructions ? { instructions: recording.instructions } : {}),
  });
  server.setRequestHandler(ListToolsRequestSchema, async (request) => {
    const start = request.params?.cursor ? Number.parseInt(request.params.cursor, 10) || 0 : 0;
    const size = pageSize ?? recording.tools.length;
    const end = Math.min(recording.tools.length, start + size);
    return {
      tools: recording.tools.slice(start, end) as never[],
      ...(end < recording.tools.length ? { nextCursor: String(end) } : {}),
    };
  });
  return server;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

/** Starts the replay on 127.0.0.1: POST /mcp (streamable HTTP, stateless), GET /sse + POST /messages (legacy SSE). */
export async function startReplayServer(recording: Recording, options: ReplayOptions = {}): Promise<ReplayHandle> {
  const sseSessions = new Map<string, SSEServerTransport>();
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/mcp') {
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST' }).end();
        return;
      }
      const body = await readBody(req);
      const server = makeServer(recording, options.pageSize);
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
      res.on('close', () => {
        void transport.close();
        void server.close();
      });
      await server.connect(transport);
      await transport.handleRequest(req, res, body);
      return;
    }
    if (url.pathname === '/sse' && req.method === 'GET') {
      const transport = new SSEServerTransport('/messages', res);
      sseSessions.set(transport.sessionId, transport);
      res.on('close', () => sseSessions.delete(transport.sessionId));
      await makeServer(recording, options.pageSize).connect(transport);
      return;
    }
    if (url.pathname === '/messages' && req.method === 'POST') {
      const transport = sseSessions.get(url.searchParams.get('sessionId') ?? '');
      if (!transport) {
        res.writeHead(404).end('unknown session');
        return;
      }
      await transport.handlePostMessage(req, res, await readBody(req));
      return;
    }
    res.writeHead(404).end('not found');
  };
  const http: HttpServer = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String((error as Error).message ?? error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    sseUrl: `http://127.0.0.1:${port}/sse`,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}
