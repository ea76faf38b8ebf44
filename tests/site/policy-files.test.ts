// Policy downloads: the build's one pass writes every format beside every tool page (the page renders only the main
// one), inside the output folder only, with plain file names; the page's views name every format either way.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { POLICY_FORMATS } from '../../src/core/policy/index.ts';
import { buildCatalog } from '../../src/site/catalog.ts';
import { apiServerTools } from '../../src/site/open-data.ts';
import { policyFileViews, serverPolicy, toolPagePolicy, toolPolicy } from '../../src/site/policies.ts';
import { toolFolder, writePolicyFiles, writeToolPolicyFiles } from '../../src/site/policy-files.ts';
import { friendlySnapshot, hostileSnapshot, HOSTILE_TOOLS } from './fixtures/hostile-snapshot.ts';

const catalog = buildCatalog([hostileSnapshot(), friendlySnapshot()]);
const dirs: string[] = [];
const fresh = () => {
  const d = mkdtempSync(join(tmpdir(), 'toolgate-policy-files-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('writePolicyFiles', () => {
  it("writes every format of every server and tool and every server's open-data file, identical to the documents, and nothing else", async () => {
    const out = fresh();
    expect(await writePolicyFiles(out, catalog)).toBe(catalog.tools.length);
    for (const t of catalog.tools) {
      const folder = join(out, 'servers', t.serverId, t.slug);
      expect(readdirSync(folder).sort()).toEqual(POLICY_FORMATS.map((f) => f.fileName).sort());
      for (const f of toolPolicy(t).files) expect(readFileSync(join(folder, f.format.fileName), 'utf8')).toBe(f.text);
    }
    for (const s of catalog.servers) {
      for (const f of serverPolicy(s).files)
        expect(readFileSync(join(out, 'servers', s.id, f.format.fileName), 'utf8')).toBe(f.text);
    }
    // Each server's open data, as the /api/ page documents it, and nothing else.
    expect(readdirSync(out).sort()).toEqual(['api', 'servers']);
    expect(readdirSync(join(out, 'api', 'servers')).sort()).toEqual(catalog.servers.map((s) => `${s.id}.json`).sort());
    for (const s of catalog.servers)
      expect(readFileSync(join(out, 'api', 'servers', `${s.id}.json`), 'utf8')).toBe(
        apiServerTools(s, new URL('https://toolgate.dev')),
      );
    // One folder per tool page, and the server's own files beside them.
    expect(readdirSync(join(out, 'servers', 'hostile')).length).toBe(HOSTILE_TOOLS.length + POLICY_FORMATS.length);
  });

  it('stops with a clear error when a folder cannot be written', async () => {
    const out = fresh();
    const blocker = join(out, 'servers');
    // A file where the servers folder should be: every write fails.
    await writeToolPolicyFiles(out, [{ fileName: 'servers', text: 'not a folder' }]);
    expect(readFileSync(blocker, 'utf8')).toBe('not a folder');
    await expect(writePolicyFiles(out, catalog)).rejects.toThrow(
      /policy and open-data files into .* failed: .*writable/,
    );
  });

  it('refuses a folder outside the output folder and a file name that is not a plain name', async () => {
    const out = fresh();
    expect(() => toolFolder(out, '..', '..')).toThrow(/would leave the output folder.*slug bug/);
    await expect(writeToolPolicyFiles(join(out, 'a'), [{ fileName: '../escape.json', text: '{}' }])).rejects.toThrow(
      /not a plain file name/,
    );
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('tool page policy views', () => {
  it('render the main format like the download and list every other format as download-only', () => {
    for (const t of catalog.tools) {
      const views = policyFileViews(toolPagePolicy(t), { main: 8_000, others: 0 });
      expect(views.map((v) => v.fileName)).toEqual(POLICY_FORMATS.map((f) => f.fileName));
      expect(views[0]!.rendered).toBe(true);
      expect(views[0]!.text).toBe(toolPolicy(t).files[0]!.text);
      for (const v of views.slice(1))
        expect(v).toMatchObject({ rendered: false, text: '', size: '', inline: false, lossCount: 0 });
    }
  });
});
