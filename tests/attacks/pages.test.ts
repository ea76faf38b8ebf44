// The built attack pages: 14 pattern pages and 40 case pages, each case linking a source, each pattern linking
// catalogue tools and showing its policy.
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT } from '../helpers/site-build.ts';
import { loadAttackCases, loadAttackPatterns } from '../../src/site/content.ts';
import { caseKinds, caseYears } from '../../src/site/attack-views.ts';
import { getCatalog } from '../../src/site/content.ts';
import { FINDINGS } from '../../src/core/findings/index.ts';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { ApiServersSchema, ApiServerToolsSchema, DatasetRowSchema } from '../../src/core/schemas/open-data.ts';

const workDir = join(ROOT, '.tmp', `attacks-${process.pid}`);
let outDir = '';
const html = (path: string) => readFile(join(outDir, path, 'index.html'), 'utf8');
const hrefs = (page: string) =>
  [...page.matchAll(/<a [^>]*href="([^"]*)"[^>]*>/g)].map((m) => ({ href: m[1]!.replace(/&amp;/g, '&'), tag: m[0] }));
const main = (page: string) => /<article data-pagefind-body[\s\S]*<\/article>/.exec(page)?.[0] ?? '';

beforeAll(async () => {
  outDir = (await buildSite(workDir)).outDir;
}, 600_000);
afterAll(async () => {
  if (process.env.TOOLGATE_KEEP_TMP !== '1') await rm(workDir, { recursive: true, force: true });
});

describe('attack pages in the built site', () => {
  it('builds one page per pattern and per case', () => {
    const slugs = [...loadAttackPatterns(), ...loadAttackCases()].map((e) => e.slug);
    expect(loadAttackPatterns().length).toBe(14);
    expect(loadAttackCases().length).toBe(40);
    for (const slug of slugs) expect(existsSync(join(outDir, 'attacks', slug, 'index.html')), slug).toBe(true);
  });

  it('each case page links at least one external source, safely, and its patterns', async () => {
    for (const c of loadAttackCases()) {
      const links = hrefs(main(await html(`attacks/${c.slug}`)));
      const sources = links.filter((l) => c.data.sources.includes(l.href));
      expect(sources.length, c.slug).toBe(c.data.sources.length);
      for (const s of sources) expect(s.tag, `${c.slug}: ${s.href}`).toMatch(/rel="noopener noreferrer"/);
      for (const p of c.data.patterns)
        expect(
          links.map((l) => l.href),
          `${c.slug} → ${p}`,
        ).toContain(`/attacks/${p}/`);
      for (const cve of c.data.cves) expect(main(await html(`attacks/${c.slug}`)), `${c.slug}: ${cve}`).toContain(cve);
    }
  });

  it('each pattern page links catalogue tools and a filtered listing, shows its policy and lists its cases', async () => {
    for (const p of loadAttackPatterns()) {
      const page = main(await html(`attacks/${p.slug}`));
      const links = hrefs(page).map((l) => l.href);
      expect(links.filter((h) => /^\/servers\/[^/]+\/[^/]+\/$/.test(h)).length, `${p.slug} tool links`).toBeGreaterThan(
        0,
      );
      if (
        p.data.matches.capabilities.length + p.data.matches.categories.length + p.data.matches.combinations.length >
        0
      ) {
        expect(
          links.some((h) => /^\/(capabilities|categories)\/[a-z-]+\/$/.test(h)),
          `${p.slug} listing link`,
        ).toBe(true);
      }
      for (const c of p.data.cases) expect(links, `${p.slug} → ${c}`).toContain(`/attacks/${c}/`);
      expect(page).toContain('data-copy="policy-');
      expect(page).toContain('&quot;version&quot;: &quot;1&quot;');
    }
  });

  it('the index lists every pattern and case, with filter pages by kind and year', async () => {
    const links = hrefs(await html('attacks')).map((l) => l.href);
    for (const e of [...loadAttackPatterns(), ...loadAttackCases()]) expect(links).toContain(`/attacks/${e.slug}/`);
    for (const k of caseKinds()) {
      expect(links).toContain(`/attacks/kind/${k}/`);
      const page = await html(`attacks/kind/${k}`);
      for (const c of loadAttackCases())
        expect(page.includes(`href="/attacks/${c.slug}/"`), `${k}: ${c.slug}`).toBe(c.data.kind === k);
    }
    for (const y of caseYears()) {
      expect(links).toContain(`/attacks/year/${y}/`);
      const page = await html(`attacks/year/${y}`);
      for (const c of loadAttackCases())
        expect(page.includes(`href="/attacks/${c.slug}/"`), `${y}: ${c.slug}`).toBe(c.data.date.startsWith(y));
    }
  });

  it('Delx close_session lists at least one attack pattern', async () => {
    const links = hrefs(await html('servers/delx/close_session')).map((l) => l.href);
    expect(links.filter((h) => /^\/attacks\/[a-z0-9-]+\/$/.test(h)).length).toBeGreaterThan(0);
  });
});

describe('sitemap of the built site', () => {
  it('lists exactly the indexable pages: every built page without noindex, /attacks/kind/* and /attacks/year/* included', async () => {
    const built: string[] = [];
    for (const entry of await readdir(outDir, { recursive: true })) {
      const file = String(entry);
      if (!file.endsWith('index.html')) continue;
      const page = await readFile(join(outDir, file), 'utf8');
      if (page.includes('<meta name="robots" content="noindex"')) continue;
      built.push(`/${file.slice(0, -'index.html'.length)}`);
    }
    const index = await readFile(join(outDir, 'sitemap-index.xml'), 'utf8');
    const files = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    expect(files.length).toBeGreaterThan(0);
    const listed: string[] = [];
    for (const f of files) {
      const xml = await readFile(join(outDir, f), 'utf8');
      listed.push(
        ...[...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) =>
          decodeURIComponent(new URL(m[1]!.replace(/&amp;/g, '&')).pathname),
        ),
      );
    }
    expect(new Set(listed).size).toBe(listed.length);
    // Pages end in '/'; the rest are the server policy downloads in every registered format, each a built file.
    const pages = listed.filter((p) => p.endsWith('/'));
    const downloads = listed.filter((p) => !p.endsWith('/'));
    expect([...pages].sort()).toEqual(built.map((p) => decodeURIComponent(p)).sort());
    expect(downloads.length).toBeGreaterThan(0);
    for (const d of downloads) expect(existsSync(join(outDir, d)), d).toBe(true);
    for (const k of caseKinds()) expect(listed).toContain(`/attacks/kind/${k}/`);
    for (const y of caseYears()) expect(listed).toContain(`/attacks/year/${y}/`);
    // Reads every built page (tens of thousands with the grown catalogue): more than the default minute on a busy
    // machine.
  }, 600_000);
});

describe('findings on the built pages', () => {
  it('shows every scanner finding in content/ on its tool page, or on its server page when it names no listed tool', async () => {
    let shown = 0;
    for (const server of getCatalog().servers) {
      const names = new Set(server.tools.map((t) => t.name));
      for (const f of server.snapshot.findings) {
        const pages =
          f.tool !== undefined && names.has(f.tool)
            ? server.tools.filter((t) => t.name === f.tool).map((t) => t.href)
            : [server.href];
        for (const href of pages) {
          const page = await html(href.slice(1));
          expect(page, `${f.code} on ${href}`).toContain(`<code>${f.code}</code>`);
          shown += 1;
        }
      }
    }
    expect(shown).toBeGreaterThanOrEqual(18);
    // The first getCatalog() of this process classifies the whole catalogue (40,000 tools) on one thread: more than the
    // default minute on a busy 2-core machine.
  }, 300_000);

  it('explains every finding code on the how-verdicts-are-made page, each with an anchor the pages link to', async () => {
    const page = await html('how-verdicts-are-made');
    for (const f of FINDINGS) expect(page, f.code).toContain(`id="${f.code}"`);
    for (const t of getCatalog().tools)
      for (const f of t.verdict.findings)
        expect(
          FINDINGS.some((x) => x.code === f.code),
          f.code,
        ).toBe(true);
    expect(page).toContain('id="risk-ARBITRARY_CODE"');
    expect(page).toContain('id="policy-write-rate-limit"');
  });

  it('shows how often verdicts are right: the measured figures with their intervals and goals, and the reliability table', async () => {
    const page = await html('how-verdicts-are-made');
    const measured = JSON.parse(await readFile(join(ROOT, 'src', 'core', 'classify', 'measured.json'), 'utf8'));
    const row = (id: string) => new RegExp(`<tr id="accuracy-${id}">([\\s\\S]*?)</tr>`).exec(page)?.[1] ?? '';
    expect(row('M1')).toContain(`${(measured.raw.M1.value * 100).toFixed(1)}%`);
    expect(row('M1')).toContain(`${measured.raw.M1.errors.toLocaleString('en-US')} of`);
    expect(row('M2')).toContain(`${(measured.raw.M2.value * 100).toFixed(1)}%`);
    expect(row('M2')).toContain('at most 1%');
    expect(row('M2')).toContain(measured.raw.M2.value <= 0.01 ? '(met)' : '(not yet met)');
    expect(row('M3')).toContain(`${(measured.raw.M3.value * 100).toFixed(1)}%`);
    expect(row('ECE')).toContain('(met)');
    // One row per decile with tools in it.
    const reliability = /id="reliability"[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(page)?.[1] ?? '';
    expect(reliability.match(/<tr>/g)).toHaveLength(measured.reliability.length);
    expect(page).toMatch(
      /among the 100 riskiest, \d+ disagreed with an expert(?:'|&#39;|&#x27;)s reading, \d+ of them on the category/,
    );
  });
});

describe('open data under /api/', () => {
  const file = (path: string) => readFile(join(outDir, path), 'utf8');
  const validator = async (name: string) =>
    new Ajv2020({ strict: false, allErrors: true }).compile(JSON.parse(await file(`api/${name}`)));

  it('servers.json and every per-server tool file validate against their published JSON Schemas and the zod schemas', async () => {
    const catalog = getCatalog();
    const servers = JSON.parse(await file('api/servers.json'));
    const validServers = await validator('servers.schema.json');
    expect(validServers(servers), JSON.stringify(validServers.errors)).toBe(true);
    expect(ApiServersSchema.parse(servers).count).toBe(catalog.servers.length);
    const validServer = await validator('server.schema.json');
    let tools = 0;
    for (const s of catalog.servers) {
      const data = JSON.parse(await file(`api/servers/${s.id}.json`));
      expect(validServer(data), `${s.id}: ${JSON.stringify(validServer.errors)}`).toBe(true);
      tools += ApiServerToolsSchema.parse(data).tools.length;
    }
    expect(tools).toBe(catalog.tools.length);
  });

  it('the dataset has one valid line per tool, the CSV one row per tool, and llms.txt links them', async () => {
    const catalog = getCatalog();
    const validRow = await validator('dataset.schema.json');
    const lines = (await file('api/dataset.jsonl')).split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(catalog.tools.length);
    for (const line of lines) {
      const row = JSON.parse(line);
      expect(validRow(row), JSON.stringify(validRow.errors)).toBe(true);
      DatasetRowSchema.parse(row);
    }
    const csv = (await file('api/tools.csv')).split('\r\n').filter((l) => l !== '');
    expect(csv[0]).toBe('"server","tool","category","risk","capabilities","confidence","hash","url"');
    expect(csv).toHaveLength(catalog.tools.length + 1);
    for (const row of csv.slice(1))
      expect(row).toMatch(/^"[^"]*","(?:[^"]|"")*","(read|write|destructive)","(low|medium|high|critical)",/);
    const llms = await file('llms.txt');
    expect(llms.startsWith('# Toolgate\n\n> ')).toBe(true);
    for (const f of ['servers.json', 'tools.csv', 'dataset.jsonl']) expect(llms).toContain(`/api/${f})`);
    const page = await html('api');
    for (const f of ['servers.json', 'tools.csv', 'dataset.jsonl', 'servers.schema.json', 'dataset.schema.json'])
      expect(page).toContain(`href="/api/${f}"`);
  });
});
