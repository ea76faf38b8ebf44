// The Delx close_session page in a real browser: navigation to it, every section the issue lists, copy and download of
// its policies.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkPolicy, POLICY_FORMATS } from '../../src/core/policy/index.ts';
import { checkFormatText } from '../helpers/format-parsers.ts';
import { launchBrowser } from '../helpers/browser.ts';
import type { Browser } from '../helpers/browser.ts';
import { internalLinks, jsonLdBlocks } from '../helpers/page-checks.ts';
import { ROOT } from '../helpers/site-build.ts';

const site = (path: string) => new URL(path, inject('siteUrl')).href;
const TOOL_PATH = '/servers/delx/close_session/';

let browser: Browser;
let delxNames: string[];
beforeAll(async () => {
  browser = await launchBrowser();
  const snapshot = JSON.parse(await readFile(join(ROOT, 'content/servers/delx.json'), 'utf8')) as {
    tools: Array<{ name: string }>;
  };
  delxNames = snapshot.tools.map((t) => t.name);
});
afterAll(async () => {
  await browser?.close();
});

/** Tool names a policy mentions explicitly: rules under `tools` or listed in `hide`. */
function accountedNames(policy: { tools?: Record<string, unknown>; hide?: string[] }): Set<string> {
  return new Set([...Object.keys(policy.tools ?? {}), ...(policy.hide ?? [])]);
}

describe('home → server → tool', () => {
  it('reaches close_session by following links, without console errors', async () => {
    const { page, errors } = await browser.open(site('/'));
    expect(await page.locator('h1').count()).toBe(1);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /servers/i })
      .click();
    await page.waitForURL(site('/servers/'));
    // Listings are paginated; follow "next" until the Delx link shows up.
    for (let i = 0; i < 50 && (await page.locator('a[href="/servers/delx/"]').count()) === 0; i += 1) {
      await page.locator('a[rel="next"]').first().click();
      await page.waitForLoadState('load');
    }
    await page.locator('a[href="/servers/delx/"]').first().click();
    await page.waitForURL(site('/servers/delx/'));
    await page.locator(`a[href="${TOOL_PATH}"]`).first().click();
    await page.waitForURL(site(TOOL_PATH));
    expect(await page.locator('h1').innerText()).toBe('close_session');
    expect(errors).toEqual([]);
  });
});

describe('/servers/delx/close_session/', () => {
  it('has every section the reference page has, and ours', async () => {
    const { page, errors } = await browser.open(site(TOOL_PATH));
    const headings = await page.locator('main h2').allInnerTexts();
    for (const expected of [
      /^Description$/,
      /^What it can do$/,
      /^What could go wrong without a policy$/,
      /^Why it is (low|medium|high|critical) risk$/,
      /^Evidence$/,
      /^Annotations: declared and inferred$/,
      /^Parameters$/,
      /^Starter policy$/,
      /^Attack patterns this access enables$/,
      /^Related tools$/,
      /^FAQ$/,
      /^Content hash$/,
    ]) {
      expect(
        headings.some((h) => expected.test(h.trim())),
        `heading ${expected} among ${JSON.stringify(headings)}`,
      ).toBe(true);
    }
    const main = page.locator('main');
    // Risk badge, category, "part of" its server.
    expect(await main.locator('.badges').innerText()).toMatch(/low|medium|high|critical/i);
    expect(
      await main
        .locator('p', { hasText: /part of/i })
        .locator('a[href="/servers/delx/"]')
        .count(),
    ).toBeGreaterThan(0);
    // Description text comes from the snapshot.
    const snapshot = JSON.parse(await readFile(join(ROOT, 'content/servers/delx.json'), 'utf8')) as {
      tools: Array<{ name: string; description?: string; hash: string }>;
    };
    const tool = snapshot.tools.find((t) => t.name === 'close_session')!;
    expect(tool).toBeDefined();
    const firstWords = (tool.description ?? '').trim().split(/\s+/).slice(0, 6).join(' ');
    expect((await main.innerText()).replace(/\s+/g, ' ')).toContain(firstWords);
    // Evidence table, annotations table, parameters (table or a note), content hash.
    expect(await main.locator('table').count()).toBeGreaterThanOrEqual(2);
    expect(await main.locator('code', { hasText: tool.hash }).count()).toBe(1);
    // Full server policy link, attack patterns, related tools.
    expect(await main.locator('a[href="/servers/delx/policy.json"]').count()).toBeGreaterThan(0);
    const patternLinks = await main
      .locator('a[href^="/attacks/"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(patternLinks.filter((h) => h !== '/attacks/').length).toBeGreaterThanOrEqual(1);
    const related = await main
      .locator('a[href^="/servers/"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(
      related.filter((h) => /^\/servers\/[^/]+\/[^/]+\/$/.test(h) && h !== TOOL_PATH).length,
    ).toBeGreaterThanOrEqual(1);
    // Six FAQ questions, on the six topics, mirrored in valid FAQPage JSON-LD.
    const questions = await main.locator('.faq dt').allInnerTexts();
    expect(questions).toHaveLength(6);
    for (const topic of [
      /what does/i,
      /enforce a policy/i,
      /risk level/i,
      /rate-limited/i,
      /block .* completely/i,
      /which .*server/i,
    ]) {
      expect(
        questions.some((q) => topic.test(q)),
        `FAQ about ${topic}`,
      ).toBe(true);
    }
    const html = await (await fetch(site(TOOL_PATH))).text();
    const ld = jsonLdBlocks(html).map(
      (text) => JSON.parse(text) as { '@type'?: string; mainEntity?: Array<{ name: string }> },
    );
    const faq = ld.find((d) => d['@type'] === 'FAQPage');
    expect(faq?.mainEntity?.map((q) => q.name)).toEqual(questions.map((q) => q.trim()));
    // Copy and download controls for both formats.
    for (const name of ['Copy policy.json', 'Download policy.json']) {
      expect(
        await main
          .getByRole(name.startsWith('Copy') ? 'button' : 'link', { name })
          .first()
          .isVisible(),
        name,
      ).toBe(true);
    }
    expect(await main.locator('a[href$="policy.intercept.yaml"]').count()).toBeGreaterThan(0);
    expect(await main.locator('button[data-copy]').count()).toBeGreaterThanOrEqual(2);
    expect(errors).toEqual([]);
  });

  it('copy puts the policy on the clipboard as JSON that passes checkPolicy', async () => {
    const origin = new URL(inject('siteUrl')).origin;
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const { page, errors } = await browser.open(site(TOOL_PATH));
    // Pin the button by its data-copy target: a role+name locator would stop matching once the label says "Copied".
    const target = await page
      .getByRole('button', { name: 'Copy policy.json', exact: true })
      .first()
      .getAttribute('data-copy');
    const button = page.locator(`button[data-copy="${target}"]`);
    await button.click();
    await expect.poll(() => button.innerText(), { timeout: 10_000 }).toBe('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const policy = JSON.parse(copied) as { tools?: Record<string, unknown>; hide?: string[] };
    expect(checkPolicy(policy)).toEqual({ ok: true, errors: [] });
    expect(accountedNames(policy).has('close_session')).toBe(true);
    // What is copied is what is downloaded.
    const served = await (await fetch(site(`${TOOL_PATH}policy.json`))).text();
    expect(JSON.parse(copied)).toEqual(JSON.parse(served));
    expect(errors).toEqual([]);
  });

  it('every format of the registry can be copied and downloaded, and each downloaded file parses', async () => {
    const origin = new URL(inject('siteUrl')).origin;
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const { page, errors } = await browser.open(site(TOOL_PATH));
    const downloaded: Record<string, string> = {};
    for (const format of POLICY_FORMATS) {
      const file = format.fileName;
      const link = page.locator(`main a[download][href="${TOOL_PATH}${file}"]`).last();
      // Every format but the main one sits in a <details>; open it like a user would.
      if (!(await link.isVisible())) await page.locator(`main details[data-format="${format.id}"] summary`).click();
      expect(await page.locator(`main [data-how-to-use="${format.id}"]`).innerText()).toBe(format.howToUse);
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toBe(file);
      downloaded[file] = await readFile((await download.path())!, 'utf8');
      const button = page.locator(`main button[data-copy]`, { hasText: `Copy ${file}` }).last();
      const key = (await button.getAttribute('data-copy-url')) ?? (await button.getAttribute('data-copy'));
      const pinned = page
        .locator(`main button[data-copy${(await button.getAttribute('data-copy-url')) ? '-url' : ''}="${key}"]`)
        .last();
      await pinned.click();
      await expect.poll(() => pinned.innerText(), { timeout: 10_000 }).toBe('Copied');
      expect(await page.evaluate(() => navigator.clipboard.readText()), `copied ${file}`).toBe(downloaded[file]);
      expect(checkFormatText(format, downloaded[file]), `${file} parses and fits its schema`).toBeTruthy();
    }
    const policy = JSON.parse(downloaded['policy.json']);
    expect(checkPolicy(policy, { strict: true })).toEqual({ ok: true, errors: [] });
    expect(policy).toEqual({
      version: '1',
      default: 'deny',
      tools: {
        close_session: { limits: [{ counter: 'close_session_rate', window: 'minute', max: 30, scope: 'grant' }] },
      },
    });
    expect(checkPolicy(JSON.parse(downloaded['policy.hardened.json']))).toEqual({ ok: true, errors: [] });
    expect(downloaded['policy.intercept.yaml']).toContain('close_session');
    expect(errors).toEqual([]);
  });
});

describe('annotation contradictions', () => {
  it('the home page lists them and the tool page flags the contradicted hint', async () => {
    const { page, errors } = await browser.open(site('/'));
    const heading = page.locator('h2#contradictions');
    expect(await heading.count()).toBe(1);
    // The first tool link after the heading.
    const href = await page.locator('h2#contradictions ~ * a[href^="/servers/"]').first().getAttribute('href');
    expect(href).toMatch(/^\/servers\/[^/]+\/[^/]+\/$/);
    await page.goto(site(href!));
    const row = page.locator('main tr', { hasText: /contradicts the declared value/i });
    expect(await row.count()).toBeGreaterThan(0);
    expect(await row.first().locator('th, td').first().innerText()).toMatch(/Hint$/);
    expect(errors).toEqual([]);
  });
});

describe('/servers/delx/', () => {
  it('its policy.json passes checkPolicy and accounts for all 143 tools', async () => {
    expect(delxNames).toHaveLength(143);
    const response = await fetch(site('/servers/delx/policy.json'));
    expect(response.status).toBe(200);
    const policy = (await response.json()) as { tools?: Record<string, unknown>; hide?: string[] };
    expect(checkPolicy(policy)).toEqual({ ok: true, errors: [] });
    expect([...accountedNames(policy)].sort()).toEqual([...new Set(delxNames)].sort());
    const yaml = await fetch(site('/servers/delx/policy.intercept.yaml'));
    expect(yaml.status).toBe(200);
    expect(parseYaml(await yaml.text())).toBeTypeOf('object');
  });

  it('links every one of its tools (50 per page of its tool table), and every internal link on it resolves', async () => {
    const { page, errors } = await browser.open(site('/servers/delx/'));
    const links = await internalLinks(page);
    const second = await browser.open(site('/servers/delx/page.2/'));
    const third = await browser.open(site('/servers/delx/page.3/'));
    const pages = (href: string) => /\/servers\/delx\/page\.\d+\/$/.test(new URL(href).pathname);
    const all = [...links, ...(await internalLinks(second.page)), ...(await internalLinks(third.page))];
    const toolLinks = [...new Set(all)].filter(
      (href) => /\/servers\/delx\/[^/]+\/$/.test(new URL(href).pathname) && !pages(href),
    );
    expect(toolLinks).toHaveLength(143);
    expect(links.some(pages)).toBe(true);
    expect(second.errors).toEqual([]);
    expect(third.errors).toEqual([]);
    const broken: string[] = [];
    for (const href of links) {
      const response = await fetch(href, { method: 'HEAD' });
      if (response.status !== 200) broken.push(`${response.status} ${href}`);
    }
    expect(broken).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('site-wide files', () => {
  it('serves robots.txt, a sitemap covering close_session, the policy JSON Schema and a real 404 page', async () => {
    const robots = await (await fetch(site('/robots.txt'))).text();
    expect(robots).toMatch(/^Sitemap: \S+\/sitemap-index\.xml$/m);
    const index = await (await fetch(site('/sitemap-index.xml'))).text();
    const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
    expect(sitemaps.length).toBeGreaterThan(0);
    let listed = false;
    for (const path of sitemaps) {
      const response = await fetch(site(path));
      expect(response.status, path).toBe(200);
      if ((await response.text()).includes('/servers/delx/close_session/</loc>')) listed = true;
    }
    expect(listed).toBe(true);
    const schema = (await (await fetch(site('/schemas/policy-v1.json'))).json()) as Record<string, unknown>;
    expect(schema.$schema ?? schema.type).toBeDefined();
    const { page, errors } = await browser.open();
    const response = await page.goto(site('/servers/delx/no-such-tool/'));
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toMatch(/not found/i);
    // The 404 response itself is logged by chromium as a failed resource; nothing else may be.
    expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
  });
});
