// `npm run check:corpus`: every catalogued server's snapshot lists exactly the tool names recorded in
// ../shared/corpus/tools/<id>.json.
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CatalogSchema } from '../src/core/schemas/catalog.ts';
import { SnapshotSchema } from '../src/core/schemas/snapshot.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(process.env.TOOLGATE_SHARED_DIR ?? join(repoRoot, '..', 'shared'));
const contentDir = resolve(process.env.TOOLGATE_CONTENT_DIR ?? join(repoRoot, 'content'));

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8'));
}

const catalog = CatalogSchema.parse(await readJson(join(repoRoot, 'catalog', 'servers.json')));
const problems: string[] = [];
let matched = 0;
let expected = 0;
for (const entry of catalog.servers) {
  let recordedNames: string[];
  if (entry.replay) {
    const recording = (await readJson(join(shared, entry.replay.fixture))) as { tools: Array<{ name: string }> };
    recordedNames = recording.tools.map((tool) => tool.name);
  } else {
    const corpusId = entry.corpusId ?? entry.id;
    try {
      const recorded = (await readJson(join(shared, 'corpus', 'tools', `${corpusId}.json`))) as {
        tools: Array<{ name: string }>;
      };
      recordedNames = recorded.tools.map((tool) => tool.name);
    } catch {
      problems.push(`${entry.id}: no recorded tools at corpus/tools/${corpusId}.json`);
      continue;
    }
  }
  expected++;
  let snapshot;
  try {
    snapshot = SnapshotSchema.parse(await readJson(join(contentDir, 'servers', `${entry.id}.json`)));
  } catch {
    problems.push(`${entry.id}: no valid snapshot at content/servers/${entry.id}.json`);
    continue;
  }
  const got = snapshot.tools.map((tool) => tool.name);
  const missing = recordedNames.filter((name) => !got.includes(name));
  const extra = got.filter((name) => !recordedNames.includes(name));
  if (missing.length || extra.length || got.length !== recordedNames.length) {
    problems.push(
      `${entry.id}: ${got.length} tools, recorded ${recordedNames.length}; missing [${missing.join(', ')}]; extra [${extra.join(', ')}]`,
    );
    continue;
  }
  matched++;
}
process.stdout.write(`check:corpus: ${matched}/${expected} snapshots list exactly the recorded tool names\n`);
for (const problem of problems) process.stdout.write(`  ✗ ${problem}\n`);
process.exit(problems.length ? 1 : 0);
