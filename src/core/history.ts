// What changed between two snapshots of one server: the change record the scanner appends to
// content/history/<id>.jsonl.
import { canonicalJson } from './hash.ts';
import { HISTORY_FIELDS } from './schemas/history.ts';
import type { FieldChange, HistoryRecord } from './schemas/history.ts';
import type { Snapshot, SnapshotTool } from './schemas/snapshot.ts';

/** Longest field text a record keeps (the snapshot keeps everything; a record must stay a readable line). */
export const FIELD_TEXT_LIMIT = 20_000;

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The version a change is filed under: the package version, else what the server reports. */
export function snapshotVersion(s: Snapshot): string {
  return s.source.kind === 'npm' || s.source.kind === 'pypi' ? s.source.version : s.serverInfo.version;
}

function fieldText(tool: SnapshotTool, field: (typeof HISTORY_FIELDS)[number]): string {
  const value = (tool as Record<string, unknown>)[field];
  if (value === undefined) return '';
  const text = typeof value === 'string' ? value : canonicalJson(value, 2);
  return text.length > FIELD_TEXT_LIMIT
    ? `${text.slice(0, FIELD_TEXT_LIMIT)}\n[… ${text.length - FIELD_TEXT_LIMIT} more characters]`
    : text;
}

// Tools are matched by name; when a name repeats, the first occurrence stands for it (duplicates are a finding
// already).
function byName(tools: readonly SnapshotTool[]): Map<string, SnapshotTool> {
  const map = new Map<string, SnapshotTool>();
  for (const t of tools) if (!map.has(t.name)) map.set(t.name, t);
  return map;
}

/**
 * The change record from `previous` to `next`, or undefined when no tool was added, removed or changed and the version
 * is the same. Deterministic: names sorted, fields in HISTORY_FIELDS order, dated by next.scannedAt.
 */
export function diffSnapshots(previous: Snapshot, next: Snapshot): HistoryRecord | undefined {
  const before = byName(previous.tools);
  const after = byName(next.tools);
  const added = [...after.values()].filter((t) => !before.has(t.name)).map((t) => ({ name: t.name, hash: t.hash }));
  const removed = [...before.values()].filter((t) => !after.has(t.name)).map((t) => ({ name: t.name, hash: t.hash }));
  const changed = [...after.values()].flatMap((t) => {
    const old = before.get(t.name);
    if (old === undefined || old.hash === t.hash) return [];
    const fields: FieldChange[] = HISTORY_FIELDS.flatMap((field) => {
      const o = fieldText(old, field);
      const n = fieldText(t, field);
      return o === n ? [] : [{ field, old: o, new: n }];
    });
    return [{ name: t.name, oldHash: old.hash, newHash: t.hash, fields }];
  });
  const version = snapshotVersion(next);
  const previousVersion = snapshotVersion(previous);
  if (added.length + removed.length + changed.length === 0 && version === previousVersion) return undefined;
  const byToolName = (a: { name: string }, b: { name: string }) => compare(a.name, b.name);
  return {
    schemaVersion: 1,
    server: next.id,
    date: next.scannedAt,
    version,
    ...(previousVersion !== version ? { previousVersion } : {}),
    added: added.sort(byToolName),
    removed: removed.sort(byToolName),
    changed: changed.sort(byToolName),
  };
}
