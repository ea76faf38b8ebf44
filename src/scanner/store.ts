// Writes snapshots and failure records: validated, canonical, atomic, and untouched when nothing but the time changed.
import { appendFile, lstat, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { canonicalJson, toolHash } from '../core/hash.ts';
import { diffSnapshots } from '../core/history.ts';
import { HistoryRecordSchema } from '../core/schemas/history.ts';
import { ScanFailureSchema, SnapshotSchema } from '../core/schemas/snapshot.ts';
import type { ScanFailure, ServerSource, Snapshot } from '../core/schemas/snapshot.ts';
import type { ScanData } from './scan-server.ts';
import { resolveInside } from './paths.ts';

export interface SnapshotMeta {
  id: string;
  name: string;
  homepage?: string;
  source: ServerSource;
  provenance?: string;
}

export type WriteResult = 'created' | 'updated' | 'unchanged';

/** Serialises exactly as files are stored: canonical key order, two-space indent, final newline. */
export function serialise(value: unknown): string {
  return canonicalJson(value, 2) + '\n';
}

/** Builds and validates the snapshot for a successful scan. */
export function buildSnapshot(meta: SnapshotMeta, data: ScanData, scannedAt: string): Snapshot {
  const tools = data.tools.map((tool) => ({ ...tool, hash: toolHash(tool as Parameters<typeof toolHash>[0]) }));
  const name = meta.name || data.serverInfo.name || meta.id;
  return SnapshotSchema.parse({
    schemaVersion: 1,
    id: meta.id,
    name,
    ...(meta.homepage ? { homepage: meta.homepage } : {}),
    source: meta.source,
    transport: data.transport,
    ...(meta.provenance ? { provenance: meta.provenance } : {}),
    scannedAt,
    serverInfo: data.serverInfo,
    protocolVersion: data.protocolVersion,
    capabilities: data.capabilities,
    ...(data.instructions !== undefined ? { instructions: data.instructions } : {}),
    counts: data.counts,
    tools,
    ...(data.prompts?.length ? { prompts: data.prompts } : {}),
    ...(data.resources?.length ? { resources: data.resources } : {}),
    ...(data.resourceTemplates?.length ? { resourceTemplates: data.resourceTemplates } : {}),
    findings: data.findings,
  });
}

// Reads only regular files: a FIFO or device planted at a snapshot path would block the read forever.
async function readText(path: string): Promise<string | undefined> {
  let info;
  try {
    info = await lstat(path);
  } catch {
    return undefined;
  }
  if (!info.isFile())
    throw new Error(`${path} is not a regular file (something else was put there); remove it and scan again`);
  return readFile(path, 'utf8');
}

async function readJson(path: string): Promise<unknown> {
  const text = await readText(path);
  try {
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

// Write beside the target then rename: readers never see half a file, and a crash never truncates the old one.
async function atomicWrite(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, text, 'utf8');
  await rename(tmp, path);
}

/** Keeps the previous timestamp when everything else is identical, so an unchanged rescan changes no byte. */
export async function writeKeepingTime<T extends Record<string, unknown>>(
  path: string,
  next: T,
  timeKey: keyof T & string,
  validate: (value: unknown) => T | undefined,
): Promise<WriteResult> {
  const previousText = await readText(path);
  let value = next;
  if (previousText !== undefined) {
    const previous = validate(await readJson(path));
    if (previous && canonicalJson({ ...previous, [timeKey]: '' }) === canonicalJson({ ...next, [timeKey]: '' })) {
      value = { ...next, [timeKey]: previous[timeKey] };
    }
  }
  const text = serialise(value);
  if (text === previousText) return 'unchanged';
  await atomicWrite(path, text);
  return previousText === undefined ? 'created' : 'updated';
}

export function snapshotPath(outDir: string, id: string): string {
  return resolveInside(outDir, 'servers', `${id}.json`);
}

export function failurePath(outDir: string, id: string): string {
  return resolveInside(outDir, 'failures', `${id}.json`);
}

export function historyPath(outDir: string, id: string): string {
  return join(outDir, 'history', `${id}.jsonl`);
}

/** Stores a good snapshot and clears a stale failure record; a rescan that changed the tools appends a history record. */
export async function storeSnapshot(outDir: string, snapshot: Snapshot): Promise<WriteResult> {
  await mkdir(join(outDir, 'servers'), { recursive: true });
  const before = SnapshotSchema.safeParse(await readJson(snapshotPath(outDir, snapshot.id)));
  const result = await writeKeepingTime(
    snapshotPath(outDir, snapshot.id),
    snapshot as unknown as Record<string, unknown>,
    'scannedAt',
    (value) => {
      const parsed = SnapshotSchema.safeParse(value);
      return parsed.success ? (parsed.data as unknown as Record<string, unknown>) : undefined;
    },
  );
  await rm(failurePath(outDir, snapshot.id), { force: true });
  const record = result === 'updated' && before.success ? diffSnapshots(before.data, snapshot) : undefined;
  if (record) {
    await mkdir(join(outDir, 'history'), { recursive: true });
    const existing = await lstat(historyPath(outDir, snapshot.id)).catch(() => undefined);
    if (existing && !existing.isFile())
      throw new Error(
        `${historyPath(outDir, snapshot.id)} is not a regular file (something else was put there); remove it and scan again`,
      );
    await appendFile(historyPath(outDir, snapshot.id), `${canonicalJson(HistoryRecordSchema.parse(record))}\n`, 'utf8');
  }
  return result;
}

/** Records a failed scan; the last good snapshot, if any, is left exactly as it was. */
export async function storeFailure(
  outDir: string,
  failure: Omit<ScanFailure, 'schemaVersion' | 'lastGoodScannedAt'>,
): Promise<WriteResult> {
  await mkdir(join(outDir, 'failures'), { recursive: true });
  const previous = SnapshotSchema.safeParse(await readJson(snapshotPath(outDir, failure.id)));
  const record = ScanFailureSchema.parse({
    schemaVersion: 1,
    ...failure,
    ...(previous.success ? { lastGoodScannedAt: previous.data.scannedAt } : {}),
  });
  return writeKeepingTime(
    failurePath(outDir, failure.id),
    record as unknown as Record<string, unknown>,
    'failedAt',
    (value) => {
      const parsed = ScanFailureSchema.safeParse(value);
      return parsed.success ? (parsed.data as unknown as Record<string, unknown>) : undefined;
    },
  );
}
