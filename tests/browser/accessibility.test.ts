// Accessibility and layout of the main page types: axe-core in light and dark, keyboard reachability, no horizontal
// scroll on a phone.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import type { Browser } from '../helpers/browser.ts';
import { axeViolations, horizontalOverflow } from '../helpers/page-checks.ts';
import { ROOT } from '../helpers/site-build.ts';
import { uniqueDelxTool } from '../helpers/unique-tool.ts';

const site = (path: string) => new URL(path, inject('siteUrl')).href;

let browser: Browser;
const PAGES: Record<string, string> = {
  home: '/',
  server: '/servers/delx/',
  tool: '/servers/delx/close_session/',
  'server listing': '/servers/',
  'category listing': '/categories/destructive/',
  'risk listing': '/risk/high/',
  'capability listing': '/capabilities/filesystem/',
  search: '/search/',
  'attack index': '/attacks/',
  coverage: '/coverage/',
  'how verdicts are made': '/how-verdicts-are-made/',
  'server tools page 2': '/servers/smartbear-mcp/page.2/',
};

beforeAll(async () => {
  browser = await launchBrowser();
  const first = async (dir: string) =>
    (await readdir(join(ROOT, 'content/attacks', dir)))
      .filter((f) => f.endsWith('.mdx'))
      .sort()[0]
      ?.replace(/\.mdx$/, '');
  const [pattern, attackCase] = [await first('patterns'), await first('cases')];
  if (pattern) PAGES['attack pattern'] = `/attacks/${pattern}/`;
  if (attackCase) PAGES['attack case'] = `/attacks/${attackCase}/`;
});
afterAll(async () => {
  await browser?.close();
});

describe('axe-core', () => {
  it('has an attack pattern and an attack case page to scan', () => {
    expect(PAGES['attack pattern']).toBeDefined();
    expect(PAGES['attack case']).toBeDefined();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`finds no violations on the main page types (${scheme})`, async () => {
      const report: Record<string, unknown> = {};
      for (const [kind, path] of Object.entries(PAGES)) {
        const { page, errors } = await browser.open();
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(site(path), { waitUntil: 'load' });
        if (kind === 'search') {
          // Scan the search UI with results and filters showing, not only the empty box.
          await page.locator('.pagefind-ui__search-input').first().fill('delete');
          await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 15_000 });
        }
        const violations = await axeViolations(page);
        if (violations.length > 0) report[`${kind} ${path}`] = violations;
        if (errors.length > 0) report[`${kind} ${path} console`] = errors;
        await page.close();
      }
      expect(report).toEqual({});
    });
  }
});

describe('keyboard', () => {
  it('reaches the skip link first, then navigation, copy buttons and download links on a tool page', async () => {
    const { page, errors } = await browser.open(site('/servers/delx/close_session/'));
    const reached: string[] = [];
    for (let i = 0; i < 600; i += 1) {
      await page.keyboard.press('Tab');
      // Elements are marked when first focused, so the walk ends when focus comes round again (or leaves the page).
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body || el.dataset.qaSeen) return undefined;
        el.dataset.qaSeen = '1';
        const style = getComputedStyle(el);
        const visible = style.outlineStyle !== 'none' || style.boxShadow !== 'none';
        return `${el.localName}|${el.getAttribute('href') ?? el.getAttribute('data-copy') ?? ''}|${(el.textContent ?? '').trim().slice(0, 40)}|${visible ? 'ring' : 'no-ring'}`;
      });
      if (focused === undefined) break;
      reached.push(focused);
    }
    expect(reached[0]).toMatch(/^a\|#main\|Skip to content/);
    const has = (pattern: RegExp) => reached.some((r) => pattern.test(r));
    expect(has(/^a\|\/servers\/\|/), 'main navigation').toBe(true);
    expect(has(/^button\|[^|]*\|Copy policy\.json/), 'copy button').toBe(true);
    expect(has(/^a\|\/servers\/delx\/close_session\/policy\.json\|/), 'download link').toBe(true);
    expect(has(/^summary\|/), 'the Intercept <details> toggle').toBe(true);
    // Every focused control shows a focus indicator.
    expect(reached.filter((r) => r.endsWith('no-ring'))).toEqual([]);
    // The skip link moves focus into <main>.
    await page.goto(site('/servers/delx/close_session/'));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('can search with the keyboard alone from the home page', async () => {
    const { page, errors } = await browser.open(site('/'));
    let onInput = false;
    for (let i = 0; i < 40 && !onInput; i += 1) {
      await page.keyboard.press('Tab');
      onInput = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'search');
    }
    expect(onInput).toBe(true);
    const name = uniqueDelxTool();
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/search/\\?q=${name}`));
    const link = page.locator(`a[href*="/servers/delx/${name}/"]`).first();
    await link.waitFor({ timeout: 15_000 });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(site(`/servers/delx/${name}/`));
    expect(errors).toEqual([]);
  });
});

describe('phone viewport', () => {
  it('renders the main page types without horizontal scroll at 360×740', async () => {
    const overflowing: Record<string, number> = {};
    for (const [kind, path] of Object.entries(PAGES)) {
      const { page, errors } = await browser.open();
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(site(path), { waitUntil: 'load' });
      const overflow = await horizontalOverflow(page);
      if (overflow > 0) overflowing[`${kind} ${path}`] = overflow;
      expect(errors).toEqual([]);
      await page.close();
    }
    expect(overflowing).toEqual({});
  });
});
