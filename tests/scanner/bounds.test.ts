// biome-ignore-all format: its word lists and tables read best packed, several items a line
// Bounds on what a server sends, over stdio, streamable HTTP and SSE: each attack fails that server with a permanent
// code (or drops a field with a finding) and never ends the scanner; the other servers of the run are still written.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanServer } from '../../src/scanner/scan-server.ts';
import { childEnv } from '../../src/scanner/targets.ts';
import { SnapshotSchema, ScanFailureSchema } from '../../src/core/schemas/snapshot.ts';
import { startHostileHttp } from '../fixtures/servers/hostile-http.ts';
import type { HostileHttpMode } from '../fixtures/servers/hostile-http.ts';
import { startHttpFixture } from '../fixtures/servers/http.ts';
import { fixtureCommand, fixturesDir, readJson, repoRoot, runCli, tempDir } from './helpers.ts';

const hostile = (mode: string) => ({ kind: 'stdio' as const, command: process.execPath, args: [join(fixturesDir, 'hostile-bounds.ts'), mode], env: childEnv({}) });

async function overHttp(mode: HostileHttpMode, transport: 'streamable-http' | 'sse', timeoutMs = 15_000) {
  const server = await startHostileHttp(mode);
  try {
    const started = Date.now();
    const outcome = await scanServer({ kind: 'http', url: server.url, transport }, { timeoutMs });
    return { outcome, ms: Date.now() - started };
  } finally {
    await server.close();
  }
}

describe('bounds over stdio', () => {
  it.each([
    ['deep-reply', 'TOO_DEEP'],
    ['deep-notification', 'TOO_DEEP'],
    ['endless-line', 'OVERSIZE'],
    ['many-tools', 'TOO_MANY_TOOLS'],
  ])('%s fails the server with %s', async (mode, code) => {
    const outcome = await scanServer(hostile(mode), { timeoutMs: 15_000 });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBe(code);
  });

  it('a deep reply to an unknown id is cut before the SDK stringifies it; the scan succeeds', async () => {
    const outcome = await scanServer(hostile('deep-unknown-id'), { timeoutMs: 15_000 });
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.data.tools.map((tool) => tool.name)).toEqual(['good_tool']);
  });

  it('keeps tools with bad fields (dropping or cutting the field with a finding) and drops an absurd name with a finding', async () => {
    const outcome = await scanServer(hostile('bad-fields'), { timeoutMs: 15_000 });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const byName = new Map(outcome.data.tools.map((tool) => [tool.name, tool]));
    expect([...byName.keys()]).toEqual(['good_tool', 'number_description', 'object_title', 'deep_schema', 'string_annotations', 'long_description', 'own_hash']);
    expect(byName.get('number_description')).not.toHaveProperty('description');
    expect(byName.get('object_title')).not.toHaveProperty('title');
    expect(byName.get('deep_schema')).not.toHaveProperty('inputSchema');
    expect(byName.get('string_annotations')).not.toHaveProperty('annotations');
    expect((byName.get('long_description')!.description as string).length).toBe(2 * 1024 * 1024);
    const codes = outcome.data.findings.map((finding) => `${finding.code} ${finding.tool?.slice(0, 20)}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'TOOL_FIELD_INVALID number_description',
        'TOOL_FIELD_INVALID object_title',
        'TOOL_FIELD_TOO_DEEP deep_schema',
        'TOOL_FIELD_INVALID string_annotations',
        'TOOL_FIELD_OVERSIZE long_description',
        `TOOL_FIELD_OVERSIZE ${'n'.repeat(20)}`,
      ]),
    );
  });
});

describe('bounds over HTTP and SSE', () => {
  it.each([
    ['huge-content-length', 'streamable-http', 'OVERSIZE'],
    ['endless-json', 'streamable-http', 'OVERSIZE'],
    ['endless-sse-line', 'streamable-http', 'OVERSIZE'],
    ['endless-sse-events', 'streamable-http', 'OVERSIZE'],
    ['deep-json', 'streamable-http', 'TOO_DEEP'],
    ['deep-sse', 'streamable-http', 'TOO_DEEP'],
    ['legacy-sse-endless-line', 'sse', 'OVERSIZE'],
  ] as const)('%s over %s fails the server with %s well before its deadline', async (mode, transport, code) => {
    const { outcome, ms } = await overHttp(mode, transport);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBe(code);
    expect(ms).toBeLessThan(15_000);
  });
});

describe('a run with one hostile server', () => {
  it('writes both healthy snapshots and a failure record for the hostile one', async () => {
    const out = await tempDir();
    const http = await startHttpFixture();
    try {
      const result = await runCli([
        '--stdio', fixtureCommand('normal'), '--id', 'healthy-stdio',
        '--url', http.url, '--id', 'healthy-http',
        '--stdio', `${fixtureCommand('hostile-bounds')} deep-reply`, '--id', 'hostile',
        '--out', out, '--json',
      ]);
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout);
      const statuses = Object.fromEntries(report.servers.map((server: { id: string; status: string }) => [server.id, server.status]));
      expect(statuses).toEqual({ 'healthy-stdio': 'ok', 'healthy-http': 'ok', hostile: 'failed' });
      SnapshotSchema.parse(await readJson(join(out, 'servers', 'healthy-stdio.json')));
      SnapshotSchema.parse(await readJson(join(out, 'servers', 'healthy-http.json')));
      const failure = ScanFailureSchema.parse(await readJson(join(out, 'failures', 'hostile.json')));
      expect(failure.code).toBe('TOO_DEEP');
    } finally {
      await http.close();
    }
  }, 180_000);

  it('writes a valid snapshot for a server whose tools have bad fields, with a finding per field', async () => {
    const out = await tempDir();
    const result = await runCli(['--stdio', `${fixtureCommand('hostile-bounds')} bad-fields`, '--id', 'bad-fields', '--out', out, '--json']);
    expect(result.code).toBe(0);
    const snapshot = SnapshotSchema.parse(await readJson(join(out, 'servers', 'bad-fields.json')));
    expect(snapshot.tools).toHaveLength(7);
    expect(snapshot.findings.filter((finding) => finding.code.startsWith('TOOL_FIELD_'))).toHaveLength(6);
  }, 180_000);

  it('keeps the scanner under 512 MB peak RSS against an endless body, and fails that server by its deadline', async () => {
    const out = await tempDir();
    const server = spawn(process.execPath, [join(fixturesDir, 'hostile-http.ts'), 'endless-json', '60'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const url = await new Promise<string>((resolve) => server.stdout.once('data', (chunk) => resolve(String(chunk).trim())));
      let peakKb = 0;
      const started = Date.now();
      const scanner = spawn(process.execPath, [join(repoRoot, 'src', 'cli', 'scan.ts'), '--url', url, '--id', 'endless', '--out', out, '--json', '--timeout', '10'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
      const poll = setInterval(() => {
        try {
          const status = readFileSync(`/proc/${scanner.pid}/status`, 'utf8');
          const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
          if (hwm > peakKb) peakKb = hwm;
        } catch {
          // Exited between polls.
        }
      }, 20);
      let stdout = '';
      scanner.stdout.on('data', (chunk) => (stdout += chunk));
      const code = await new Promise<number | null>((resolve) => scanner.once('close', resolve));
      clearInterval(poll);
      const ms = Date.now() - started;
      expect(code).toBe(1);
      const scanned = JSON.parse(stdout).servers[0];
      // The bound, not the deadline, ended it; measured by the scanner itself, so a loaded machine's slow start does
      // not count.
      expect(scanned.error.code).toBe('OVERSIZE');
      expect(scanned.durationMs).toBeLessThanOrEqual(10_000);
      expect(peakKb).toBeGreaterThan(0);
      expect(peakKb / 1024).toBeLessThanOrEqual(512);
      console.log(`endless body: scanner peak RSS ${(peakKb / 1024).toFixed(0)} MB, server failed after ${scanned.durationMs} ms (${ms} ms with start-up)`);
    } finally {
      server.kill('SIGKILL');
    }
  }, 180_000);
});
