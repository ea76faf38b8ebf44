// Property: whatever bytes a server sends (sizes, depths, types, encodings), over stdio or HTTP, the scan returns a
// per-server result (a snapshot that validates, or a coded failure), never throws, and stays within its memory bound.
import { createServer } from 'node:http';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SnapshotSchema } from '../../src/core/schemas/snapshot.ts';
import { scanServer } from '../../src/scanner/scan-server.ts';
import type { ScanOutcome } from '../../src/scanner/scan-server.ts';
import { buildSnapshot } from '../../src/scanner/store.ts';
import { childEnv } from '../../src/scanner/targets.ts';
import { listenOnLoopback } from '../fixtures/servers/serve-tools.ts';
import { fixturesDir, tempDir } from './helpers.ts';

const LIMITS = { timeoutMs: 2500, maxMessageBytes: 64 * 1024, maxBytes: 256 * 1024 };
const CODES = [
  'TIMEOUT',
  'PROCESS_EXITED',
  'CONNECT_FAILED',
  'INITIALIZE_FAILED',
  'TOOLS_LIST_FAILED',
  'OVERSIZE',
  'TOO_DEEP',
  'TOO_MANY_TOOLS',
  'MESSAGE_REJECTED',
];
const MEMORY_BOUND_MB = 512;

const INIT_OK =
  '{"jsonrpc":"2.0","id":$ID,"result":{"protocolVersion":"2025-06-18","capabilities":{"tools":{}},"serverInfo":{"name":"p","version":"1"}}}\n';

const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const json = fc.jsonValue({ maxDepth: 5 });
const tool = fc.record(
  {
    name: fc.oneof(fc.string(), fc.string({ unit: 'binary' }), json),
    description: json,
    title: json,
    inputSchema: json,
    annotations: json,
    hash: json,
  },
  { requiredKeys: [] },
);

/** One hostile frame: what a server might write in one go. */
const frame = fc.oneof(
  {
    arbitrary: fc
      .integer({ min: 1, max: 40_000 })
      .map((d) => `{"jsonrpc":"2.0","method":"notifications/message","params":{"level":"info","data":${deep(d)}}}\n`),
    weight: 2,
  },
  {
    arbitrary: fc
      .integer({ min: 1, max: 40_000 })
      .map((d) => `{"jsonrpc":"2.0","id":$ID,"result":{"tools":${deep(d)}}}\n`),
    weight: 2,
  },
  fc.integer({ min: 1, max: 5_000 }).map((d) => `{"jsonrpc":"2.0","id":987654,"result":{"x":${deep(d)}}}\n`),
  fc
    .tuple(fc.integer({ min: 1, max: 300_000 }), fc.boolean())
    .map(([size, newline]) => 'A'.repeat(size) + (newline ? '\n' : '')),
  fc
    .array(tool, { maxLength: 20 })
    .map((tools) => `${JSON.stringify({ jsonrpc: '2.0', id: '$ID', result: { tools } }).replace('"$ID"', '$ID')}\n`),
  json.map((value) => `${JSON.stringify({ jsonrpc: '2.0', id: '$ID', result: value }).replace('"$ID"', '$ID')}\n`),
  json.map((value) => `${JSON.stringify({ jsonrpc: '2.0', id: value, result: {} })}\n`),
  json.map((params) => `${JSON.stringify({ jsonrpc: '2.0', id: 's1', method: 'sampling/createMessage', params })}\n`),
  fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes).toString('latin1') + '\n'),
  fc.constantFrom(
    '\ufeff{"jsonrpc":"2.0","id":$ID,"result":{"tools":[{"name":"bom"}]}}\n',
    '{"jsonrpc":"2.0","id":$ID,"result":{"tools":[{"name":"\\ud800\\u0000\\u2028","description":"\\udfff"}]}}\n',
    '{"jsonrpc":"2.0","id":$ID,"result":{"tools":[{"name":"\xff\xfe\xc3"}]}}\n',
    '[{"jsonrpc":"2.0","id":$ID,"result":{"tools":[]}},{"jsonrpc":"2.0","method":"x"}]\n',
    '{"jsonrpc":"2.0","id":$ID,"error":{"code":-1,"message":"\\u001b]52;c;x\\u0007","data":[[[[[[]]]]]]}}\n',
    '{"jsonrpc":"2.0","id":$ID,"result":{"tools":[],"nextCursor":"again"}}\n',
  ),
);

const plan = fc.record({
  init: fc
    .tuple(fc.array(frame, { maxLength: 3 }), fc.nat(9))
    .map(([frames, p]) => (p < 8 ? [...frames, INIT_OK] : frames)),
  list: fc.array(frame, { minLength: 1, maxLength: 3 }),
});

const latin1 = (frames: string[]) => frames.map((text) => Buffer.from(text, 'latin1'));

function checkOutcome(outcome: ScanOutcome): void {
  if (outcome.ok) {
    // A success must store: the snapshot validates, whatever the tools held.
    SnapshotSchema.parse(
      buildSnapshot(
        { id: 'prop', name: 'prop', source: { kind: 'remote', url: 'http://127.0.0.1/' } },
        outcome.data,
        '2026-01-01T00:00:00Z',
      ),
    );
  } else {
    expect(CODES).toContain(outcome.error.code);
  }
  expect(process.memoryUsage().rss / 1024 / 1024).toBeLessThan(MEMORY_BOUND_MB);
}

describe('hostile JSON-RPC traffic', () => {
  it('over stdio: always a per-server result, never a throw, memory bounded', async () => {
    const dir = await tempDir();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(plan, async (p) => {
        const file = join(dir, `plan-${run++}.json`);
        const encode = (frames: string[]) => latin1(frames).map((bytes) => bytes.toString('base64'));
        await writeFile(file, JSON.stringify({ init: encode(p.init), list: encode(p.list) }));
        const outcome = await scanServer(
          {
            kind: 'stdio',
            command: process.execPath,
            args: [join(fixturesDir, 'replay-frames.ts'), file],
            env: childEnv({}),
          },
          LIMITS,
        );
        checkOutcome(outcome);
      }),
      { numRuns: 12 },
    );
  }, 300_000);

  it('over HTTP (JSON bodies and SSE, honest, missing or lying Content-Length): the same', async () => {
    let current: { init: string[]; list: string[]; mode: 'json' | 'sse'; length: 'true' | 'none' | 'huge' } | undefined;
    const http = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      if (req.method !== 'POST' || !current) return void res.writeHead(405).end();
      let message: { id?: unknown; method?: string } = {};
      try {
        message = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        // Answer anyway.
      }
      const frames =
        message.method === 'initialize' ? current.init : message.method === 'tools/list' ? current.list : undefined;
      if (!frames) return void res.writeHead(202).end();
      const raw = Buffer.concat(
        latin1(frames.map((text) => text.replaceAll('$ID', JSON.stringify(message.id ?? null)))),
      );
      const body =
        current.mode === 'json'
          ? raw
          : Buffer.concat(
              raw
                .toString('latin1')
                .split('\n')
                .filter(Boolean)
                .map((line) => Buffer.from(`event: message\ndata: ${line}\n\n`, 'latin1')),
            );
      const headers: Record<string, string> = {
        'content-type': current.mode === 'json' ? 'application/json' : 'text/event-stream',
        'mcp-session-id': 'prop',
      };
      if (current.length === 'true') headers['content-length'] = String(body.length);
      if (current.length === 'huge') headers['content-length'] = String(10 ** 12);
      res.writeHead(200, headers);
      res.end(body);
    });
    const server = await listenOnLoopback(http);
    try {
      await fc.assert(
        fc.asyncProperty(
          plan,
          fc.constantFrom('json' as const, 'sse' as const),
          fc.constantFrom('true' as const, 'none' as const, 'huge' as const),
          async (p, mode, length) => {
            current = { ...p, mode, length };
            const outcome = await scanServer({ kind: 'http', url: server.url, transport: 'streamable-http' }, LIMITS);
            checkOutcome(outcome);
          },
        ),
        { numRuns: 12 },
      );
    } finally {
      await server.close();
    }
  }, 300_000);
});
