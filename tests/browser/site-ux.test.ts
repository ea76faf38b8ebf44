// Site v2 in the browser: search badges and the empty-result path, server pages (install and run, https links, policy
// summary, paginated tool table, ≤ 60 KB), tables usable at 360 px, and the coverage pages over hostile outcomes.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import type { Browser } from '../helpers/browser.ts';
import { activeContent } from '../helpers/page-checks.ts';
import { uniqueDelxTool } from '../helpers/unique-tool.ts';

const site = (path: string) => new URL(path, inject('siteUrl')).href;
const hostile = (path: string) => new URL(path, inject('hostileUrl')).href;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('search', () => {
  it('shows each tool result with its risk and category as badges', async () => {
    const name = uniqueDelxTool();
    const { page, errors } = await browser.open(site(`/search/?q=${name}`));
    const result = page
      .locator('.pagefind-ui__result', { has: page.locator(`a[href*="/servers/delx/${name}/"]`) })
      .first();
    await result.waitFor({ timeout: 15_000 });
    const risk = result.locator('.pagefind-ui__result-tag.badge[data-pagefind-ui-meta="risk"]');
    await risk.waitFor({ timeout: 5_000 });
    expect(await risk.getAttribute('class')).toMatch(/badge-(low|medium|high|critical)/);
    expect(
      await result.locator('.pagefind-ui__result-tag.badge-cat[data-pagefind-ui-meta="category"]').textContent(),
    ).toMatch(/write|read|destructive/);
    expect(await page.locator('#search-empty').isHidden()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('offers the scan-it-yourself commands when nothing matches, with the package filled in', async () => {
    const { page, errors } = await browser.open(site('/search/?q=zqxjvkqwpf'));
    await page.locator('#search-empty').waitFor({ state: 'visible', timeout: 60_000 });
    expect(await page.locator('#scan-package').textContent()).toBe(
      'npm run scan -- --stdio "npx -y zqxjvkqwpf" --id zqxjvkqwpf',
    );
    expect(await page.locator('#scan-audit').textContent()).toContain('toolgate audit');
    // Typing something that matches hides the path again.
    await page.locator('.pagefind-ui__search-input').fill('close_session');
    await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 15_000 });
    await page.waitForFunction(() => (document.getElementById('search-empty') as HTMLElement).hidden);
    expect(errors).toEqual([]);
  });
});

describe('search over hostile text', () => {
  it('shows excerpts of hostile descriptions as text: no markup from a description runs', async () => {
    const { page, errors, dialogs } = await browser.open(hostile('/search/?q=onerror'));
    const result = page.locator('.pagefind-ui__result', { has: page.locator('a[href^="/servers/hostile/"]') }).first();
    await result.locator('.pagefind-ui__result-excerpt').waitFor({ timeout: 15_000 });
    expect(await result.locator('.pagefind-ui__result-excerpt').textContent()).toContain('<img src=x onerror=');
    expect(await page.locator('.pagefind-ui__result-excerpt img, .pagefind-ui__result-excerpt svg').count()).toBe(0);
    expect(await activeContent(page)).toEqual([]);
    expect([...errors, ...dialogs]).toEqual([]);
  });
});

describe('server pages', () => {
  it('give the npm package, its version, the command that runs it and a clickable https homepage', async () => {
    const { page, errors } = await browser.open(site('/servers/antv-mcp-server-chart/'));
    expect(await page.locator('dl.facts').textContent()).toContain('@antv/mcp-server-chart');
    expect(await page.locator('#run-command').textContent()).toMatch(
      /^npx -y --package=@antv\/mcp-server-chart@\d[^ ]* mcp-server-chart$/,
    );
    const config = JSON.parse((await page.locator('#run-config').textContent()) ?? '') as Record<
      string,
      { command: string; args: string[] }
    >;
    expect(config['antv-mcp-server-chart']?.command).toBe('npx');
    const home = page.locator('dl.facts a[href^="https://"]').first();
    expect(await home.getAttribute('rel')).toContain('noopener');
    expect(errors).toEqual([]);
  });

  it('say how the starter policy treats the tools, adding up to the tool count', async () => {
    const { page } = await browser.open(site('/servers/delx/'));
    const numbers = (await page.locator('#policy-summary strong').allTextContents()).map(Number);
    const tools = Number((await page.locator('dl.facts dt:text-is("Tools") + dd').textContent())?.match(/^\d+/)?.[0]);
    expect(numbers).toHaveLength(4);
    expect(numbers.reduce((a, b) => a + b, 0)).toBe(tools);
    expect(await page.locator('#run-config').textContent()).toContain('"url"');
  });

  it('page a server with hundreds of tools, 50 rows at a time, and stay under 60 KB', async () => {
    const { page, errors } = await browser.open(site('/servers/smartbear-mcp/'));
    expect(
      await page.locator('#tools ~ div table tbody tr, #tools ~ .table-wrap table tbody tr').count(),
    ).toBeLessThanOrEqual(50);
    await page.locator('nav.pager a[rel="next"]').first().click();
    await page.waitForURL(site('/servers/smartbear-mcp/page.2/'));
    expect(await page.locator('table tbody tr').count()).toBe(50);
    expect(errors).toEqual([]);
    const dir = join(inject('siteDir'), 'servers');
    const sizes: Record<string, number> = {};
    for (const id of await readdir(dir)) {
      const size = (await stat(join(dir, id, 'index.html')).catch(() => undefined))?.size;
      if (size !== undefined && size > 60_000) sizes[id] = size;
    }
    expect(sizes).toEqual({});
  });
});

describe('phone tables', () => {
  it('keeps every parameter-table cell readable at 360 px (one card per row, no one-character columns)', async () => {
    const { page } = await browser.open();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(site('/servers/modelcontextprotocol-server-filesystem/edit_file/'), { waitUntil: 'load' });
    const widths = await page.$$eval('table.stack td', (cells) => cells.map((c) => c.getBoundingClientRect().width));
    expect(widths.length).toBeGreaterThan(0);
    expect(Math.min(...widths)).toBeGreaterThan(200);
    await page.close();
  });
});

describe('coverage pages (hostile outcomes)', () => {
  it('count outcomes by code and registry and list the failures with their error line as inert text', async () => {
    const { page, errors } = await browser.open(hostile('/coverage/'));
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('Discovery tried 3 candidate packages');
    expect(await page.locator('tr#NEEDS_CREDENTIALS td').first().textContent()).toBe('1');
    const failures = await browser.open(hostile('/coverage/needs-credentials/'));
    const row = failures.page.locator('tr#needs-key');
    expect(await row.textContent()).toContain('</code><script>alert("stderr")</script> Error: API_KEY is required');
    expect(await row.textContent()).toContain('API_KEY');
    expect(await activeContent(failures.page)).toEqual([]);
    expect([...errors, ...failures.errors]).toEqual([]);
  });

  it('links no homepage that is not https and no URL with credentials', async () => {
    const { page } = await browser.open(hostile('/servers/hostile/'));
    expect(await page.locator('dl.facts a[href*="insecure.example"], dl.facts a[href*="user:pass"]').count()).toBe(0);
  });
});
