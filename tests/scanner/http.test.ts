// Streamable HTTP, SSE fallback and the Delx replay, all over real sockets on 127.0.0.1.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SnapshotSchema } from '../../src/core/schemas/snapshot.ts';
import { loadRecording, startReplayServer } from '../../src/scanner/replay-server.ts';
import type { ReplayHandle } from '../../src/scanner/replay-server.ts';
import { scanServer } from '../../src/scanner/scan-server.ts';
import { startHttpFixture } from '../fixtures/servers/http.ts';
import { startSseFixture } from '../fixtures/servers/sse.ts';
import { readJson, runCli, sharedDir, tempDir } from './helpers.ts';

let http: { url: string; close(): Promise<void> };
let sse: { url: string; close(): Promise<void> };
let replay: ReplayHandle;

beforeAll(async () => {
  http = await startHttpFixture();
  sse = await startSseFixture();
  replay = await startReplayServer(await loadRecording(join(sharedDir, 'fixtures', 'delx', 'tools.json')), {
    pageSize: 50,
  });
});
afterAll(async () => {
  await Promise.all([http.close(), sse.close(), replay.close()]);
});

describe('scan over HTTP', () => {
  it('scans streamable HTTP (with pages) and falls back to SSE for a legacy server', async () => {
    const out = await tempDir();
    const result = await runCli(['--url', http.url, '--id', 'http', '--url', sse.url, '--id', 'sse', '--out', out]);
    expect(result.code).toBe(0);
    const viaHttp = SnapshotSchema.parse(await readJson(join(out, 'servers', 'http.json')));
    expect(viaHttp.transport).toBe('streamable-http');
    expect(viaHttp.source).toEqual({ kind: 'remote', url: http.url });
    expect(viaHttp.tools.map((tool) => tool.name)).toEqual(['http_tool', 'second']);
    const viaSse = SnapshotSchema.parse(await readJson(join(out, 'servers', 'sse.json')));
    expect(viaSse.transport).toBe('sse');
    expect(viaSse.tools.map((tool) => tool.name)).toEqual(['sse_tool']);
  });

  it('scans the Delx replay: 143 tools in recorded order with annotations, close_session included', async () => {
    const recorded = (await readJson(join(sharedDir, 'fixtures', 'delx', 'tools.json'))).tools as Array<
      Record<string, unknown>
    >;
    for (const url of [replay.url, replay.sseUrl]) {
      const outcome = await scanServer(
        { kind: 'http', url, transport: url === replay.url ? 'streamable-http' : 'sse' },
        { timeoutMs: 20_000 },
      );
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) continue;
      expect(outcome.data.tools).toHaveLength(143);
      expect(outcome.data.tools.map((tool) => tool.name)).toEqual(recorded.map((tool) => tool.name));
      expect(outcome.data.tools).toEqual(recorded);
      const close = outcome.data.tools.find((tool) => tool.name === 'close_session')!;
      expect(close.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: false });
      expect(outcome.data.serverInfo).toEqual({ name: 'Delx MCP Server', version: '3.3.1' });
    }
  });

  it('reports a closed port as CONNECT_FAILED quickly', async () => {
    const out = await tempDir();
    const result = await runCli([
      '--url',
      'http://127.0.0.1:9/mcp',
      '--id',
      'closed',
      '--out',
      out,
      '--json',
      '--timeout',
      '10',
    ]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).servers[0].error.code).toBe('CONNECT_FAILED');
  });
});
