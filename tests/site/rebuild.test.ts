// A second build into the same output folder: the build empties it before any of its outputs start (Astro's own
// emptying would run after the tool-files workers and Pagefind had begun writing, and delete their files), so nothing
// stale is left and nothing just written is lost.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT } from '../helpers/site-build.ts';
import { POLICY_FORMATS } from '../../src/core/policy/index.ts';
import { friendlySnapshot, hostileSnapshot, HOSTILE_TOOLS } from './fixtures/hostile-snapshot.ts';

const workDir = join(ROOT, '.tmp', `rebuild-${process.pid}`);
const content = join(workDir, 'content');
let outDir = '';

beforeAll(async () => {
  mkdirSync(join(content, 'servers'), { recursive: true });
  writeFileSync(join(content, 'servers', 'friendly.json'), JSON.stringify(friendlySnapshot()));
  writeFileSync(join(content, 'servers', 'hostile.json'), JSON.stringify(hostileSnapshot()));
  outDir = (await buildSite(workDir, content)).outDir;
  writeFileSync(join(outDir, 'stale.txt'), 'left by an earlier build');
  mkdirSync(join(outDir, 'servers', 'gone'), { recursive: true });
  writeFileSync(join(outDir, 'servers', 'gone', 'policy.json'), '{}');
  await buildSite(workDir, content);
}, 600_000);
afterAll(() => {
  if (process.env.TOOLGATE_KEEP_TMP !== '1') rmSync(workDir, { recursive: true, force: true });
});

describe('a rebuild into the same output folder', () => {
  it('removes what the earlier build left', () => {
    expect(existsSync(join(outDir, 'stale.txt'))).toBe(false);
    expect(existsSync(join(outDir, 'servers', 'gone'))).toBe(false);
  });

  it("keeps every page, every tool's and server's policy file in every format, the open data and the search index", () => {
    const formats = POLICY_FORMATS.map((f) => f.fileName).sort();
    for (const id of ['friendly', 'hostile']) {
      const server = join(outDir, 'servers', id);
      const names = readdirSync(server);
      for (const f of formats) expect(names, `${id}/${f}`).toContain(f);
      expect(names).toContain('index.html');
      const tools = names.filter((n) => !formats.includes(n) && n !== 'index.html');
      expect(tools.length).toBe(id === 'hostile' ? HOSTILE_TOOLS.length : 3);
      for (const t of tools)
        expect(readdirSync(join(server, t)).sort(), `${id}/${t}`).toEqual([...formats, 'index.html'].sort());
      expect(existsSync(join(outDir, 'api', 'servers', `${id}.json`))).toBe(true);
    }
    expect(existsSync(join(outDir, 'pagefind', 'pagefind.js'))).toBe(true);
  });
});
