// Tool pages and policy downloads: the build's one pass writes every tool page and every format beside it (the page
// renders only the main one), inside the output folder only, with plain file names; the page's views name every format
// either way.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { POLICY_FORMATS } from '../../src/core/policy/index.ts';
import { buildCatalog } from '../../src/site/catalog.ts';
import { apiServerTools } from '../../src/site/open-data.ts';
import { policyFileViews, serverPolicy, toolPagePolicy, toolPolicy } from '../../src/site/policies.ts';
import { pageShell } from '../../src/site/page-shell.ts';
import {
  toolFilesWork,
  toolFolder,
  writeCatalogFiles,
  writeToolFiles,
  writeToolPolicyFiles,
} from '../../src/site/tool-files.ts';
import { toolPageHtml } from '../../src/site/tool-page-html.ts';
import { friendlySnapshot, hostileSnapshot, HOSTILE_TOOLS } from './fixtures/hostile-snapshot.ts';

const catalog = buildCatalog([hostileSnapshot(), friendlySnapshot()]);
const dirs: string[] = [];
const fresh = () => {
  const d = mkdtempSync(join(tmpdir(), 'toolgate-tool-files-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('writeCatalogFiles', () => {
  it("writes every tool page, every format of every server and tool and every server's open-data file, identical to the documents, and nothing else", async () => {
    const out = fresh();
    const site = new URL('https://toolgate.dev');
    expect(await writeCatalogFiles(out, catalog)).toBe(catalog.tools.length);
    for (const t of catalog.tools) {
      const folder = join(out, 'servers', t.serverId, t.slug);
      expect(readdirSync(folder).sort()).toEqual(['index.html', ...POLICY_FORMATS.map((f) => f.fileName)].sort());
      for (const f of toolPolicy(t).files) expect(readFileSync(join(folder, f.format.fileName), 'utf8')).toBe(f.text);
      // The page: the shell every page has, around the body, with the tool's policy as its download beside it.
      const page = readFileSync(join(folder, 'index.html'), 'utf8');
      expect(page).toBe(toolPageHtml(t, t.server, toolPolicy(t), [], site));
      const shell = pageShell({ title: '', description: '', path: t.href }, site);
      expect(page.startsWith(shell.before.slice(0, shell.before.indexOf('<title>')))).toBe(true);
      expect(page.endsWith(shell.after)).toBe(true);
      expect(page).toContain(`<link rel="canonical" href="https://toolgate.dev${t.href}">`);
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
    await expect(writeCatalogFiles(out, catalog)).rejects.toThrow(
      /tool pages, policy and open-data files into .* failed: .*writable/,
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

describe('toolFilesWork', () => {
  it('survives a copy to a worker thread and writes the same pages and files from the copy', () => {
    const site = new URL('https://toolgate.dev');
    const work = toolFilesWork(catalog, site);
    const copy = structuredClone(work);
    // Related tools are copied once each, so a message keeps one copy of a tool listed on many pages.
    const related = copy.servers.flatMap((s) => s.tools.flatMap((t) => t.related));
    expect(new Set(related).size).toBeLessThanOrEqual(catalog.tools.length);
    const a = fresh();
    const b = fresh();
    expect(writeToolFiles(a, work)).toBe(catalog.tools.length);
    expect(writeToolFiles(b, copy)).toBe(catalog.tools.length);
    for (const t of catalog.tools) {
      const page = join('servers', t.serverId, t.slug, 'index.html');
      expect(readFileSync(join(b, page), 'utf8')).toBe(readFileSync(join(a, page), 'utf8'));
    }
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
