// The scan CLI against real stdio fixture servers: snapshot content, determinism, misbehaving servers.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toolHash } from '../../src/core/hash.ts';
import { ScanFailureSchema, SnapshotSchema } from '../../src/core/schemas/snapshot.ts';
import { fixtureCommand, readJson, runCli, tempDir } from './helpers.ts';

describe('scan over stdio', () => {
  it('writes a valid snapshot of a normal server, and a rescan changes no byte', async () => {
    const out = await tempDir();
    const first = await runCli(['--stdio', fixtureCommand('normal'), '--id', 'normal', '--out', out]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^scanned 1 servers in [\d.]+ s: 1 ok \(3 tools, 1 snapshots changed\), 0 failed\n$/);
    const path = join(out, 'servers', 'normal.json');
    const text = await readFile(path, 'utf8');
    const snapshot = SnapshotSchema.parse(JSON.parse(text));
    expect(snapshot.id).toBe('normal');
    expect(snapshot.transport).toBe('stdio');
    expect(snapshot.serverInfo.name).toBe('fixture-normal');
    expect(snapshot.instructions).toBe('Use read_note before write_note.');
    expect(snapshot.source).toMatchObject({ kind: 'command', command: process.execPath, envNames: [] });
    expect(snapshot.tools.map((tool) => tool.name)).toEqual(['read_note', 'write_note', 'delete_note']);
    expect(snapshot.tools[0]!.annotations).toEqual({ readOnlyHint: true, title: 'Read note' });
    for (const tool of snapshot.tools) expect(tool.hash).toBe(toolHash(tool));
    expect(snapshot.protocolVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Keys are sorted at every level, so the file is stable whatever order the server used.
    expect(Object.keys(JSON.parse(text))).toEqual(Object.keys(JSON.parse(text)).sort());

    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await runCli(['--stdio', fixtureCommand('normal'), '--id', 'normal', '--out', out]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('0 snapshots changed');
    expect(await readFile(path, 'utf8')).toBe(text);
  });

  it('reads all 2,500 tools over 25 pages, in server order', async () => {
    const out = await tempDir();
    const result = await runCli(['--stdio', fixtureCommand('many-tools-2500'), '--id', 'many', '--out', out, '--json']);
    expect(result.code).toBe(0);
    const snapshot = SnapshotSchema.parse(await readJson(join(out, 'servers', 'many.json')));
    expect(snapshot.counts.tools).toBe(2500);
    expect(snapshot.tools.map((tool) => tool.name)).toEqual(
      Array.from({ length: 2500 }, (_, i) => `tool_${String(i).padStart(4, '0')}`),
    );
    expect(snapshot.findings).toContainEqual(expect.objectContaining({ code: 'TOOLS_PAGINATED', args: { pages: 25 } }));
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ ok: true, servers: [{ id: 'many', status: 'ok', tools: 2500, write: 'created' }] });
  });

  it('tolerates non-protocol lines on stdout', async () => {
    const out = await tempDir();
    const result = await runCli(['--stdio', fixtureCommand('garbage-stdout'), '--id', 'garbage', '--out', out]);
    expect(result.code).toBe(0);
    const snapshot = SnapshotSchema.parse(await readJson(join(out, 'servers', 'garbage.json')));
    expect(snapshot.tools.map((tool) => tool.name)).toEqual(['echo']);
    const noise = snapshot.findings.find((finding) => finding.code === 'STDOUT_NOISE');
    expect(noise?.args?.lines).toBeGreaterThanOrEqual(3);
  });

  it('keeps raw tools the SDK would reject, with findings', async () => {
    const out = await tempDir();
    const result = await runCli(['--stdio', fixtureCommand('invalid-schema'), '--id', 'invalid', '--out', out]);
    expect(result.code).toBe(0);
    const snapshot = SnapshotSchema.parse(await readJson(join(out, 'servers', 'invalid.json')));
    expect(snapshot.tools.map((tool) => tool.name)).toEqual(['no_type', 'no_schema', 'array_schema', 'fine']);
    expect(snapshot.tools[0]!.inputSchema).toEqual({ $schema: 'http://json-schema.org/draft-07/schema#' });
    const codes = snapshot.findings.map((finding) => `${finding.code}:${finding.tool ?? ''}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'INPUT_SCHEMA_INVALID:no_type',
        'INPUT_SCHEMA_MISSING:no_schema',
        'INPUT_SCHEMA_INVALID:array_schema',
        'TOOL_ENTRY_INVALID:',
      ]),
    );
    expect(codes.filter((code) => code.endsWith(':fine'))).toEqual([]);
  });

  it('records a crash halfway as a failure and keeps the last good snapshot byte for byte', async () => {
    const out = await tempDir();
    expect((await runCli(['--stdio', fixtureCommand('normal'), '--id', 'flaky', '--out', out])).code).toBe(0);
    const path = join(out, 'servers', 'flaky.json');
    const good = await readFile(path, 'utf8');
    const result = await runCli([
      '--stdio',
      fixtureCommand('crashes-halfway'),
      '--id',
      'flaky',
      '--out',
      out,
      '--json',
    ]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).servers[0]).toMatchObject({
      id: 'flaky',
      status: 'failed',
      error: { code: 'PROCESS_EXITED' },
      lastStderrLine: 'fatal: simulated crash',
    });
    expect(await readFile(path, 'utf8')).toBe(good);
    const failure = ScanFailureSchema.parse(await readJson(join(out, 'failures', 'flaky.json')));
    expect(failure.code).toBe('PROCESS_EXITED');
    expect(failure.message).toMatch(/code 3/);
    expect(failure.lastGoodScannedAt).toBe(JSON.parse(good).scannedAt);
    // stderr is kept, but only a bounded tail of the megabyte the server wrote.
    expect(failure.stderr).toContain('fatal: simulated crash');
    expect(failure.stderr!.length).toBeLessThanOrEqual(16_384);

    // A later good scan clears the failure record.
    expect((await runCli(['--stdio', fixtureCommand('normal'), '--id', 'flaky', '--out', out])).code).toBe(0);
    await expect(readFile(join(out, 'failures', 'flaky.json'), 'utf8')).rejects.toThrow(/ENOENT/);
    expect(await readFile(path, 'utf8')).toBe(good);
  });

  it('explains bad input and exits 2', async () => {
    const noId = await runCli(['--stdio', 'node x.js']);
    expect(noId.code).toBe(2);
    expect(noId.stderr).toMatch(/needs its own --id/);
    const badId = await runCli(['--stdio', 'node x.js', '--id', 'Bad/Id']);
    expect(badId.code).toBe(2);
    expect(badId.stderr).toMatch(/not a valid id.*"bad-id"/);
    const missing = await runCli([
      '--stdio',
      'definitely-not-a-command-xyz',
      '--id',
      'missing',
      '--out',
      await tempDir(),
      '--json',
    ]);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout).servers[0].error.code).toBe('SPAWN_FAILED');
    const dir = await tempDir();
    await writeFile(join(dir, 'x.json'), '{"nothing": true}');
    const unknown = await runCli(['--config', join(dir, 'x.json')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/not a config file the scanner knows/);
  });
});
