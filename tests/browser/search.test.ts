// Pagefind over the built catalogue: the search page finds tools by exact name and by description words, filters
// narrow, cases by CVE id.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import type { Browser, WatchedPage } from '../helpers/browser.ts';
import { ROOT } from '../helpers/site-build.ts';
import { uniqueDelxTool } from '../helpers/unique-tool.ts';

const site = (path: string) => new URL(path, inject('siteUrl')).href;

interface Hit {
  url: string;
  title: string;
  filters: Record<string, string[]>;
}

let browser: Browser;
let api: WatchedPage;
beforeAll(async () => {
  browser = await launchBrowser();
  // A page of the site, used to drive Pagefind's own JS API for exact assertions on results and filters.
  api = await browser.open(site('/search/'));
  // A module script, not page.evaluate(import()), because the test transformer rewrites import() inside evaluated
  // functions. The index's other bundles are merged as the search page merges them (its #search element lists them).
  await api.page.addScriptTag({
    type: 'module',
    content:
      "import * as pf from '/pagefind/pagefind.js'; await pf.init(); for (const b of JSON.parse(document.getElementById('search').dataset.mergeBundles)) await pf.mergeIndex(b); window.__pf = pf;",
  });
  await api.page.waitForFunction(() => (window as unknown as { __pf?: unknown }).__pf !== undefined);
});
afterAll(async () => {
  await browser?.close();
});

/** All results (urls without the origin, titles, filters) for a query and filters, via the Pagefind API. */
async function search(
  term: string | null,
  filters: Record<string, string | string[]> = {},
): Promise<{ total: number; hits: Hit[] }> {
  return api.page.evaluate(
    async ({ term, filters }) => {
      const pf = (
        window as unknown as {
          __pf: {
            search(
              t: string | null,
              o: object,
            ): Promise<{
              results: Array<{
                data(): Promise<{ url: string; meta: { title: string }; filters: Record<string, string[]> }>;
              }>;
            }>;
          };
        }
      ).__pf;
      const found = await pf.search(term, { filters });
      const data = await Promise.all(found.results.slice(0, 400).map((r) => r.data()));
      return {
        total: found.results.length,
        hits: data.map((d) => ({ url: d.url, title: d.meta.title, filters: d.filters })),
      };
    },
    { term, filters },
  );
}

describe('search page (Pagefind UI)', () => {
  it('finds a tool by its exact name and opens its page', async () => {
    const name = uniqueDelxTool();
    const { page, errors } = await browser.open(site('/search/'));
    const input = page.locator('input[type="search"], .pagefind-ui__search-input').first();
    await input.fill(name);
    const link = page.locator(`a[href*="/servers/delx/${name}/"]`).first();
    await link.waitFor({ timeout: 15_000 });
    await link.click();
    await page.waitForURL(site(`/servers/delx/${name}/`));
    expect(errors).toEqual([]);
  });
});

describe('search page filters (Pagefind UI)', () => {
  it('ticking a risk filter narrows the results', async () => {
    const { page, errors } = await browser.open(site('/search/?q=delete'));
    const message = page.locator('.pagefind-ui__message');
    await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 15_000 });
    await expect.poll(async () => /\d+ results?/.test(await message.innerText()), { timeout: 15_000 }).toBe(true);
    const count = async () => Number(/([\d,]+) results?/.exec(await message.innerText())![1].replace(/,/g, ''));
    const before = await count();
    const risk = page.locator('.pagefind-ui__filter-block', {
      has: page.locator('summary', { hasText: /^\s*risk\b/i }),
    });
    if ((await risk.getAttribute('open')) === null) await risk.locator('summary').click();
    await risk.locator('label', { hasText: /^critical/i }).click();
    await expect.poll(count, { timeout: 15_000 }).toBeLessThan(before);
    expect(await count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});

describe('Pagefind index', () => {
  it('finds a tool by exact name as the first tool result', async () => {
    const { hits } = await search('close_session', { type: 'tool' });
    // Several catalogue servers offer a close_session tool: those come first, ahead of any partial match.
    const exact = hits.filter((h) => /\/close_session\/$/.test(h.url ?? ''));
    expect(hits[0]?.url).toMatch(/\/close_session\/$/);
    expect(hits.slice(0, exact.length).every((h) => /\/close_session\/$/.test(h.url ?? ''))).toBe(true);
  });

  it('finds a tool by words of its description', async () => {
    const snapshot = JSON.parse(await readFile(join(ROOT, 'content/servers/delx.json'), 'utf8')) as {
      tools: Array<{ name: string; description?: string }>;
    };
    const tool = snapshot.tools.find((t) => t.name === 'close_session')!;
    // Four distinctive words from the description, none of them the tool's own name.
    const words = (tool.description ?? '')
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((w) => w.length >= 5 && !tool.name.includes(w));
    const query = [...new Set(words)].slice(0, 4).join(' ');
    expect(query.split(' ').length).toBeGreaterThanOrEqual(2);
    // The server's id is a word of its tools' records: adding it narrows the search to that server's tools.
    const { hits } = await search(`${query} delx`, { type: 'tool' });
    expect(hits.slice(0, 10).map((h) => h.url)).toContainEqual(
      expect.stringMatching(/\/servers\/delx\/close_session\/$/),
    );
  });

  it('filters by type, category, risk and capability narrow the results to matching pages', async () => {
    const all = await search(null, { type: 'tool' });
    expect(all.total).toBeGreaterThan(143);
    const filters = await api.page.evaluate(async () =>
      (window as unknown as { __pf: { filters(): Promise<Record<string, Record<string, number>>> } }).__pf.filters(),
    );
    for (const key of ['type', 'category', 'risk', 'capability'])
      expect(Object.keys(filters[key] ?? {}).length, `filter ${key}`).toBeGreaterThan(0);
    // No per-server filter: it would list every server in the filter panel and slow every query.
    expect(filters.server).toBeUndefined();
    for (const [key, value] of [
      ['category', 'destructive'],
      ['risk', 'critical'],
      ['capability', Object.keys(filters.capability)[0]],
    ] as const) {
      const narrowed = await search(null, { type: 'tool', [key]: value });
      expect(narrowed.total, `${key}=${value}`).toBeGreaterThan(0);
      expect(narrowed.total, `${key}=${value}`).toBeLessThan(all.total);
      for (const hit of narrowed.hits) expect(hit.filters[key], `${hit.url} ${key}`).toContain(value);
    }
    const destructive = await search(null, { type: 'tool', category: 'destructive' });
    const both = await search(null, { type: 'tool', category: 'destructive', risk: 'critical' });
    expect(both.total).toBeGreaterThan(0);
    expect(both.total).toBeLessThan(destructive.total);
    expect(
      both.hits.every((h) => h.filters.category?.includes('destructive') && h.filters.risk?.includes('critical')),
    ).toBe(true);
  });

  it('finds an attack case by its CVE id', async () => {
    const casesDir = join(ROOT, 'content/attacks/cases');
    const files = (await readdir(casesDir)).filter((f) => f.endsWith('.mdx')).sort();
    let cve: string | undefined;
    let slug: string | undefined;
    for (const file of files) {
      const match = /CVE-\d{4}-\d{4,}/.exec(await readFile(join(casesDir, file), 'utf8'));
      if (match) {
        [cve, slug] = [match[0], file.replace(/\.mdx$/, '')];
        break;
      }
    }
    expect(cve, 'a case with a CVE id in content/attacks/cases').toBeDefined();
    const { hits } = await search(cve!);
    expect(hits.slice(0, 5).map((h) => h.url)).toContainEqual(expect.stringMatching(new RegExp(`/attacks/${slug}/$`)));
  });

  it('ran without console errors', () => {
    expect(api.errors).toEqual([]);
  });
});
