// The site data layer and tool-page view models over real snapshots, including one full of hostile strings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCatalog, RELATED_LIMIT } from '../../src/site/catalog.ts';
import { getCatalog, loadCatalog, loadSnapshots, resetContentCache } from '../../src/site/content.ts';
import { isSafeSlug } from '../../src/core/names.ts';
import { serializeJsonLd } from '../../src/site/json-ld.ts';
import { toolPageModel, DESCRIPTION_LIMIT } from '../../src/site/tool-page.ts';
import { policyFile, serverPolicy, toolPagePolicy, toolPolicy } from '../../src/site/policies.ts';
import { POLICY_FORMATS } from '../../src/core/policy/index.ts';
import { checkPolicy } from '../../src/core/policy/index.ts';
import { sitemapPaths } from '../../src/site/sitemap.ts';
import { writeCatalogFiles } from '../../src/site/tool-files.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { deepSnapshotText, friendlySnapshot, hostileSnapshot, HOSTILE_TOOLS } from './fixtures/hostile-snapshot.ts';

const catalog = buildCatalog([hostileSnapshot(), friendlySnapshot()]);
const hostile = catalog.serverById.get('hostile')!;

describe('buildCatalog over hostile strings', () => {
  it('keeps every tool, in listing order, with safe unique slugs and hrefs inside the server folder', () => {
    expect(hostile.tools.map((t) => t.name)).toEqual(HOSTILE_TOOLS.map((t) => t.name));
    const slugs = hostile.tools.map((t) => t.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const t of hostile.tools) {
      expect(isSafeSlug(t.slug), t.slug).toBe(true);
      expect(t.href).toBe(`/servers/hostile/${t.slug}/`);
      expect(new URL(t.href, 'https://x.test').pathname).toBe(t.href);
    }
    const bySlug = new Map(hostile.tools.map((t) => [t.name, t.slug]));
    expect(bySlug.get('send_email')).toBe('send_email');
    expect(bySlug.get('Send_Email')).not.toBe('send_email');
    expect(bySlug.get('policy.json')).not.toBe('policy.json');
  });

  it('shows invisible and direction-changing characters as visible markers', () => {
    const bidi = hostile.tools.find((t) => t.name.startsWith('bidi'))!;
    expect(bidi.displayName).toBe('bidi⟦U+202E⟧evil⟦U+202C⟧');
    expect(bidi.summary).toContain('⟦U+200B⟧');
    expect(bidi.summary).toContain('⟦U+E0049⟧');
  });

  it('counts and indexes consistently', () => {
    expect(catalog.counts.tools).toBe(HOSTILE_TOOLS.length + 3);
    const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
    expect(sum(catalog.counts.byCategory)).toBe(catalog.counts.tools);
    expect(sum(catalog.counts.byRisk)).toBe(catalog.counts.tools);
    for (const [capability, list] of catalog.byCapability)
      for (const t of list) expect(t.verdict.capabilities).toContain(capability);
    expect(catalog.riskiest.length).toBeLessThanOrEqual(25);
  });

  it('relates tools across servers by category and capabilities, never to themselves', () => {
    for (const t of catalog.tools) {
      expect(t.related.length).toBeLessThanOrEqual(RELATED_LIMIT);
      expect(t.related).not.toContain(t);
      for (const r of t.related) expect(r.verdict.category).toBe(t.verdict.category);
    }
    const friendlyEmail = catalog.serverById.get('friendly')!.tools.find((t) => t.name === 'send_email')!;
    expect(friendlyEmail.related.some((r) => r.serverId === 'hostile')).toBe(true);
  });

  it('is deterministic', () => {
    const again = buildCatalog([friendlySnapshot(), hostileSnapshot()]);
    expect(again.tools.map((t) => `${t.href} ${t.related.map((r) => r.href).join(',')}`)).toEqual(
      catalog.tools.map((t) => `${t.href} ${t.related.map((r) => r.href).join(',')}`),
    );
  });
});

describe('toolPageModel over hostile strings', () => {
  it('builds every page model; FAQ JSON-LD stays valid JSON with no raw "<", ">" or "&"', () => {
    for (const t of catalog.tools) {
      const m = toolPageModel(t, t.server, toolPagePolicy(t));
      expect(m.faq).toHaveLength(6);
      const text = serializeJsonLd(m.jsonLd);
      expect(text).not.toMatch(/[<>&\u2028\u2029]/);
      expect(JSON.parse(text)).toEqual(m.jsonLd);
      expect((JSON.parse(text) as { mainEntity: unknown[] }).mainEntity).toHaveLength(6);
    }
  });

  it('cuts a 1 MB description to the page limit and says so', () => {
    const big = hostile.tools.find((t) => t.name === 'send_email')!;
    const m = toolPageModel(big, hostile, toolPagePolicy(big));
    expect(m.description.truncated).toBe(true);
    expect(m.description.text.length).toBeLessThanOrEqual(DESCRIPTION_LIMIT);
    expect(m.description.fullLength).toBe(big.description.length);
    expect(m.metaDescription.length).toBeLessThanOrEqual(200);
    for (const item of m.faq) expect(item.answer.length).toBeLessThan(1_000);
  });

  it('caps the parameters table and never throws on a schema that is not an object', () => {
    const weird = hostile.tools.find((t) => t.name === 'weird_schema')!;
    expect(toolPageModel(weird, hostile, toolPagePolicy(weird)).params.note).toMatch(/not a JSON object/);
    const manyTool = hostile.tools.find((t) => t.name === 'many_params')!;
    const many = toolPageModel(manyTool, hostile, toolPagePolicy(manyTool)).params;
    expect(many.rows.length + many.omitted).toBe(500);
    for (const row of many.rows) expect(row.description.length).toBeLessThanOrEqual(160);
  });

  it('flags a declared readOnlyHint that the tool contradicts', () => {
    const liar = hostile.tools[0]!;
    expect(liar.verdict.category).not.toBe('read');
    const m = toolPageModel(liar, hostile, toolPagePolicy(liar));
    expect(m.annotations.find((a) => a.hint === 'readOnlyHint')!.contradicted).toBe(true);
    expect(liar.contradiction).toBe(true);
    expect(catalog.contradictions).toContain(liar);
  });
});

describe('policies', () => {
  it('every tool snippet and the server policy pass policy check; the server policy accounts for every tool name', () => {
    for (const t of catalog.tools)
      expect(checkPolicy(JSON.parse(policyFile(toolPolicy(t), 'policy.json').text), { strict: true }).errors).toEqual(
        [],
      );
    for (const t of catalog.tools)
      expect(checkPolicy(JSON.parse(policyFile(toolPolicy(t), 'policy.hardened.json').text)).errors).toEqual([]);
    const server = JSON.parse(policyFile(serverPolicy(hostile), 'policy.json').text) as {
      tools?: Record<string, unknown>;
      hide?: string[];
    };
    expect(checkPolicy(server).errors).toEqual([]);
    const named = new Set([...Object.keys(server.tools ?? {}), ...(server.hide ?? [])]);
    for (const t of hostile.tools) expect(named.has(t.name), t.name).toBe(true);
  });
});

describe('sitemap paths', () => {
  it('lists every tool page once, all as local paths', () => {
    const paths = sitemapPaths(catalog, [{ slug: 'some-pattern', data: {} as never, file: '' }], []);
    for (const server of catalog.servers)
      for (const f of POLICY_FORMATS) expect(paths).toContain(`${server.href}${f.fileName}`);
    expect(new Set(paths).size).toBe(paths.length);
    for (const t of catalog.tools) expect(paths).toContain(t.href);
    for (const p of paths) expect(p).toMatch(/^\/[a-z0-9._/-]*$/);
  });
});

describe('getCatalog from a content folder', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'toolgate-site-'));
    mkdirSync(join(dir, 'servers'));
    writeFileSync(join(dir, 'servers', 'friendly.json'), JSON.stringify(friendlySnapshot()));
    writeFileSync(join(dir, 'servers', 'hostile.json'), JSON.stringify(hostileSnapshot()));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads TOOLGATE_CONTENT_DIR once and memoizes', () => {
    const before = process.env.TOOLGATE_CONTENT_DIR;
    process.env.TOOLGATE_CONTENT_DIR = dir;
    try {
      const a = getCatalog();
      expect(a.counts.tools).toBe(3 + HOSTILE_TOOLS.length);
      expect(getCatalog()).toBe(a);
    } finally {
      if (before === undefined) delete process.env.TOOLGATE_CONTENT_DIR;
      else process.env.TOOLGATE_CONTENT_DIR = before;
    }
  });

  it('classifies on two threads at the build start (loadCatalog) into the same catalogue getCatalog builds alone', async () => {
    const before = process.env.TOOLGATE_CONTENT_DIR;
    process.env.TOOLGATE_CONTENT_DIR = dir;
    try {
      resetContentCache();
      // A tenth of the tools: the worker takes the first server (friendly), this thread the other.
      const parallel = await loadCatalog(0.1);
      expect(getCatalog()).toBe(parallel);
      resetContentCache();
      const alone = getCatalog();
      expect(parallel.tools.map((t) => [t.serverId, t.name, t.verdict])).toEqual(
        alone.tools.map((t) => [t.serverId, t.name, t.verdict]),
      );
      expect(new Set(parallel.tools.map((t) => t.serverId))).toEqual(new Set(['friendly', 'hostile']));
    } finally {
      resetContentCache();
      if (before === undefined) delete process.env.TOOLGATE_CONTENT_DIR;
      else process.env.TOOLGATE_CONTENT_DIR = before;
    }
  });

  it('classifies on this thread a server whose schema is nested too deep to send to the worker', async () => {
    const deep = mkdtempSync(join(tmpdir(), 'toolgate-deep-'));
    mkdirSync(join(deep, 'servers'));
    const text = deepSnapshotText();
    writeFileSync(join(deep, 'servers', 'deep.json'), text);
    writeFileSync(join(deep, 'servers', 'friendly.json'), JSON.stringify(friendlySnapshot()));
    const before = process.env.TOOLGATE_CONTENT_DIR;
    process.env.TOOLGATE_CONTENT_DIR = deep;
    try {
      resetContentCache();
      const parallel = await loadCatalog(0.1);
      resetContentCache();
      expect(parallel.tools.map((t) => t.verdict)).toEqual(getCatalog().tools.map((t) => t.verdict));
      expect(parallel.counts.servers).toBe(2);
    } finally {
      resetContentCache();
      rmSync(deep, { recursive: true, force: true });
      if (before === undefined) delete process.env.TOOLGATE_CONTENT_DIR;
      else process.env.TOOLGATE_CONTENT_DIR = before;
    }
  });

  it("writes every tool page and every format's policy file beside every server and tool page, inside the output folder only, identical to what the page shows", async () => {
    const before = process.env.TOOLGATE_CONTENT_DIR;
    process.env.TOOLGATE_CONTENT_DIR = dir;
    const out = join(dir, 'dist');
    try {
      expect(await writeCatalogFiles(out)).toBe(3 + HOSTILE_TOOLS.length);
      const tools = getCatalog().tools;
      for (const t of tools) {
        const folder = join(out, 'servers', t.serverId, t.slug);
        expect(readdirSync(folder).sort()).toEqual(['index.html', ...POLICY_FORMATS.map((f) => f.fileName)].sort());
        for (const f of toolPolicy(t).files) expect(readFileSync(join(folder, f.format.fileName), 'utf8')).toBe(f.text);
        const json = readFileSync(join(folder, 'policy.json'), 'utf8');
        expect(checkPolicy(JSON.parse(json)).ok).toBe(true);
      }
      expect(readdirSync(out).sort()).toEqual(['api', 'servers']);
      expect(readdirSync(join(out, 'servers')).sort()).toEqual(['friendly', 'hostile']);
      // One folder per tool page, and the server's own policy files beside them.
      expect(readdirSync(join(out, 'servers', 'hostile')).length).toBe(HOSTILE_TOOLS.length + POLICY_FORMATS.length);
      for (const s of getCatalog().servers) {
        for (const f of serverPolicy(s).files)
          expect(readFileSync(join(out, 'servers', s.id, f.format.fileName), 'utf8')).toBe(f.text);
      }
    } finally {
      if (before === undefined) delete process.env.TOOLGATE_CONTENT_DIR;
      else process.env.TOOLGATE_CONTENT_DIR = before;
    }
  });

  it('refuses a snapshot whose id differs from its file name, naming the file and the fix', () => {
    writeFileSync(join(dir, 'servers', 'other.json'), JSON.stringify(friendlySnapshot('not-other')));
    expect(() => loadSnapshots(join(dir, 'servers'))).toThrow(
      /other\.json.*differs from the file name.*rename the file/s,
    );
    rmSync(join(dir, 'servers', 'other.json'));
  });

  it('refuses an invalid snapshot with the failing fields', () => {
    writeFileSync(join(dir, 'servers', 'bad.json'), JSON.stringify({ schemaVersion: 1, id: 'bad' }));
    expect(() => loadSnapshots(join(dir, 'servers'))).toThrow(/bad\.json: not a valid snapshot[\s\S]*name/);
    rmSync(join(dir, 'servers', 'bad.json'));
  });
});

describe('server listing pages', () => {
  it('pages servers 200 at a time under paths no server id can take', async () => {
    const { serverListPage, serverListPages, SERVERS_PER_PAGE } = await import('../../src/site/server-list.ts');
    const { routes } = await import('../../src/site/routes.ts');
    const { ServerIdSchema } = await import('../../src/core/schemas/snapshot.ts');
    expect(serverListPages(0)).toBe(1);
    expect(serverListPages(SERVERS_PER_PAGE + 1)).toBe(2);
    expect(routes.servers(1)).toBe('/servers/');
    expect(routes.servers(2)).toBe('/servers/page.2/');
    expect(ServerIdSchema.safeParse('page.2').success).toBe(false);
    const servers = Array.from({ length: SERVERS_PER_PAGE * 2 + 5 }, () => catalog.servers[0]!);
    const third = serverListPage(servers, 3);
    expect(third.servers).toHaveLength(5);
    expect([third.prev, third.next]).toEqual(['/servers/page.2/', undefined]);
    expect(sitemapPaths(catalog, [], [])).toContain('/servers/');
  });
});
