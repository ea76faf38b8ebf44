// Attacker-written fixture servers, scanned for real over stdio by the scan CLI: at least 80% of their hostile tools
// are flagged at warning level or above, and the server whose poison sits in its instructions, a prompt and a resource
// is flagged there.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify, surfacePoisonFindings } from '../../src/core/classify/index.ts';
import { SnapshotSchema, type Snapshot } from '../../src/core/schemas/snapshot.ts';
import { ATTACKER_SERVERS } from '../fixtures/servers/attacker/index.ts';
import { readJson, runCli, tempDir } from '../scanner/helpers.ts';

const serious = (severity: string) => severity === 'warning' || severity === 'error';

/** Per tool (listing order): its POISON_ codes at warning+, from the classifier and the server-wide name checks. */
function flagged(snapshot: Snapshot): Array<{ name: string; codes: string[] }> {
  const server = surfacePoisonFindings(snapshot).filter(
    (f) => f.args?.['surface'] === undefined && serious(f.severity),
  );
  return snapshot.tools.map((tool) => ({
    name: tool.name,
    codes: [
      ...classify(tool)
        .findings.filter((f) => f.code.startsWith('POISON_') && serious(f.severity))
        .map((f) => f.code),
      ...server.filter((f) => f.tool === tool.name).map((f) => f.code),
    ],
  }));
}

describe('attacker-written fixture servers', () => {
  it('scans each over stdio and flags at least 80% of the hostile tools; the clean decoy tools stay quiet', async () => {
    const out = await tempDir();
    const results = await Promise.all(
      ATTACKER_SERVERS.map((s) => runCli(['--stdio', `"${process.execPath}" "${s.file}"`, '--id', s.id, '--out', out])),
    );
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    let hostile = 0;
    let caught = 0;
    const missed: string[] = [];
    for (const s of ATTACKER_SERVERS) {
      const snapshot = SnapshotSchema.parse(await readJson(join(out, 'servers', `${s.id}.json`)));
      expect(snapshot.tools.length).toBe(s.def.tools.length);
      const tools = flagged(snapshot);
      if (!s.hostileTools) {
        expect(tools.filter((t) => t.codes.length > 0)).toEqual([]);
        continue;
      }
      hostile += tools.length;
      caught += tools.filter((t) => t.codes.length > 0).length;
      missed.push(...tools.filter((t) => t.codes.length === 0).map((t) => `${s.id}: ${t.name}`));
    }
    expect(hostile).toBeGreaterThanOrEqual(40);
    expect(caught / hostile, `missed: ${missed.join(', ')}`).toBeGreaterThanOrEqual(0.8);

    // The surface server: instructions, the poisoned prompt's argument and the resource are each flagged, the clean
    // prompt not.
    const surface = SnapshotSchema.parse(await readJson(join(out, 'servers', 'attacker-surface.json')));
    expect(surface.instructions).toContain('entire conversation history');
    expect(surface.prompts?.map((p) => p.name)).toEqual(['explain', 'summarise']);
    const where = new Set(
      surfacePoisonFindings(surface)
        .filter((f) => serious(f.severity))
        .map((f) => `${f.args?.['surface']}:${f.args?.['item'] ?? ''}`),
    );
    expect([...where].sort()).toEqual(['instructions:', 'prompt:explain', 'resource:docs://index']);
  });
});
