// A rescan that changes a server appends one history record (via the real scan CLI); an unchanged rescan appends
// nothing.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HistoryRecordSchema } from '../../src/core/schemas/history.ts';
import { CHANGING_AFTER, CHANGING_BEFORE, CHANGING_ID, scanStdio } from '../helpers/hostile-catalog.ts';

let dir = '';
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('change history', () => {
  it('records what a rescan found changed, once', async () => {
    dir = await mkdtemp(join(tmpdir(), 'toolgate-history-'));
    const tools = join(dir, 'tools.json');
    const command = `${process.execPath} tests/fixtures/servers/tools-from-file.ts ${tools}`;
    const out = join(dir, 'content');
    const historyFile = join(out, 'history', `${CHANGING_ID}.jsonl`);
    await writeFile(tools, JSON.stringify(CHANGING_BEFORE));
    await scanStdio(command, CHANGING_ID, out);
    await expect(readFile(historyFile, 'utf8')).rejects.toThrow();
    await writeFile(tools, JSON.stringify(CHANGING_AFTER));
    await scanStdio(command, CHANGING_ID, out);
    const lines = (await readFile(historyFile, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(1);
    const record = HistoryRecordSchema.parse(JSON.parse(lines[0]!));
    expect(record.added.map((t) => t.name)).toEqual(['delete_note']);
    expect(record.changed.map((t) => t.name)).toEqual(['send_note']);
    expect(record.changed[0]!.fields.find((f) => f.field === 'description')?.new).toContain('~/.ssh/id_rsa');
    const snapshot = await readFile(join(out, 'servers', `${CHANGING_ID}.json`), 'utf8');
    await scanStdio(command, CHANGING_ID, out);
    expect((await readFile(historyFile, 'utf8')).trim().split('\n')).toHaveLength(1);
    expect(await readFile(join(out, 'servers', `${CHANGING_ID}.json`), 'utf8')).toBe(snapshot);
  });
});
