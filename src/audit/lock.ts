// toolgate.lock: pins every scanned tool by content hash, and compares a new scan with it (added, removed, changed with
// a diff).
import { poisonFindings, textFindings } from '../core/classify/poison/index.ts';
import { collectFieldTexts } from '../core/classify/poison/texts.ts';
import { canonicalJson } from '../core/hash.ts';
import type { LockFile, LockedTool } from '../core/schemas/audit.ts';
import type { AuditServer } from '../core/schemas/audit.ts';
import type { Snapshot, SnapshotTool } from '../core/schemas/snapshot.ts';
import { diffLines, jsonLines, proseLines } from './diff.ts';

type Pin = NonNullable<AuditServer['pin']>;

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The pinned form of a tool: its hash and the fields the hash covers. */
export function lockTool(tool: SnapshotTool): LockedTool {
  const out: LockedTool = { name: tool.name, hash: tool.hash };
  if (tool.title !== undefined) out.title = tool.title;
  if (tool.description !== undefined) out.description = tool.description;
  if (tool.inputSchema !== undefined) out.inputSchema = tool.inputSchema;
  if (tool.outputSchema !== undefined) out.outputSchema = tool.outputSchema;
  if (tool.annotations !== undefined) out.annotations = tool.annotations;
  return out;
}

/**
 * The next lock: scanned servers pinned as they are now; servers that failed or were skipped keep their previous pins,
 * so a flaky scan never unpins anything; servers no longer configured (when `configured` is given) are dropped.
 */
export function buildLock(
  snapshots: ReadonlyMap<string, Snapshot>,
  previous: LockFile | undefined,
  configured?: ReadonlySet<string>,
): LockFile {
  const servers = new Map<string, LockFile['servers'][number]>();
  // Servers no longer in any config are dropped; configured ones that could not be scanned keep their pins.
  for (const server of previous?.servers ?? [])
    if (!configured || configured.has(server.id)) servers.set(server.id, server);
  for (const [id, snapshot] of snapshots) {
    servers.set(id, {
      id,
      serverInfo: { name: snapshot.serverInfo.name, version: snapshot.serverInfo.version },
      ...(snapshot.instructions !== undefined ? { instructions: snapshot.instructions } : {}),
      tools: snapshot.tools.map(lockTool).sort((a, b) => compareNames(a.name, b.name)),
    });
  }
  return { lockfileVersion: 1, servers: [...servers.values()].sort((a, b) => compareNames(a.id, b.id)) };
}

/** Serialised exactly as written: sorted keys, two-space indent, final newline. */
export function serialiseLock(lock: LockFile): string {
  return canonicalJson(lock, 2) + '\n';
}

/** Field-by-field diff of a pinned tool and its current form. */
export function toolDiff(before: LockedTool, after: SnapshotTool): Array<{ field: string; lines: string[] }> {
  const out: Array<{ field: string; lines: string[] }> = [];
  const prose = (field: 'title' | 'description') => {
    const lines = diffLines(proseLines(before[field] ?? ''), proseLines(after[field] ?? ''));
    if (lines.length) out.push({ field, lines });
  };
  const json = (field: 'inputSchema' | 'outputSchema' | 'annotations') => {
    const lines = diffLines(jsonLines(before[field]), jsonLines(after[field]));
    if (lines.length) out.push({ field, lines });
  };
  prose('title');
  prose('description');
  json('inputSchema');
  json('outputSchema');
  json('annotations');
  return out;
}

/** How a scanned server compares with its pins; undefined lock entry means the server is new. */
export function comparePins(locked: LockFile['servers'][number] | undefined, snapshot: Snapshot): Pin {
  if (!locked) return { status: 'new', added: snapshot.tools.map((tool) => tool.name), removed: [], changed: [] };
  const before = new Map(locked.tools.map((tool) => [tool.name, tool]));
  const now = new Map(snapshot.tools.map((tool) => [tool.name, tool]));
  const added = [...now.keys()].filter((name) => !before.has(name)).sort(compareNames);
  const removed = [...before.keys()].filter((name) => !now.has(name)).sort(compareNames);
  const changed: Pin['changed'] = [];
  for (const [name, tool] of [...now].sort(([a], [b]) => compareNames(a, b))) {
    const pinned = before.get(name);
    if (!pinned || pinned.hash === tool.hash) continue;
    changed.push({
      name,
      before: pinned.hash,
      after: tool.hash,
      diff: toolDiff(pinned, tool),
      poisoning: poisonFindings(tool, name),
    });
  }
  // Instructions reach the model like tool descriptions do, so a change to them is a rug pull too.
  let instructions: Pin['instructions'];
  if ((locked.instructions ?? '') !== (snapshot.instructions ?? '')) {
    const text = snapshot.instructions ?? '';
    instructions = {
      lines: diffLines(proseLines(locked.instructions ?? ''), proseLines(text)),
      poisoning: text ? textFindings(collectFieldTexts([['instructions', text]])) : [],
    };
  }
  const status = added.length || removed.length || changed.length || instructions ? 'changed' : 'unchanged';
  return { status, added, removed, changed, ...(instructions ? { instructions } : {}) };
}
