// The hostile catalogue (tests/fixtures/servers/hostile-strings.ts, listed over stdio) renders inert: no script runs,
// JSON-LD stays JSON, nothing escapes dist/.
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkPolicy } from '../../src/core/policy/index.ts';
import { HOSTILE_TOOLS } from '../fixtures/servers/hostile-strings.ts';
import { launchBrowser } from '../helpers/browser.ts';
import type { Browser } from '../helpers/browser.ts';
import { activeContent, internalLinks, jsonLdBlocks } from '../helpers/page-checks.ts';
import { ROOT } from '../helpers/site-build.ts';

const hostile = (path: string) => new URL(path, inject('hostileUrl')).href;
const SERVER_PATH = '/servers/hostile/';
const names = HOSTILE_TOOLS.map((t) => t.name as string);

let browser: Browser;
let toolUrls: string[];
/** Per visited path: signs of executed or injected content, console errors and dialogs. */
const problems: Record<string, string[]> = {};
/** Per tool page: the text of its <h1>. */
const headings: Record<string, string> = {};

beforeAll(async () => {
  browser = await launchBrowser();
  const { page } = await browser.open(hostile(SERVER_PATH));
  toolUrls = (await internalLinks(page)).filter((href) => /^\/servers\/hostile\/[^/]+\/$/.test(new URL(href).pathname));
  await page.close();
  // Visit each page once; the tests below read what was seen.
  for (const url of [hostile('/'), hostile(SERVER_PATH), hostile('/servers/'), hostile('/search/'), ...toolUrls]) {
    const { page, errors, dialogs } = await browser.open(url);
    // Hover and focus everything once, so mouseover/focus handlers would fire if any had been injected.
    await page.evaluate(() => {
      for (const el of Array.from(document.querySelectorAll('main *'))) {
        el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
        el.dispatchEvent(new FocusEvent('focus'));
      }
    });
    const found = [...(await activeContent(page)), ...errors, ...dialogs.map((d) => `dialog ${d}`)];
    const path = new URL(url).pathname;
    if (found.length > 0) problems[path] = found;
    if (toolUrls.includes(url)) headings[path] = await page.locator('h1').innerText();
    await page.close();
  }
});
afterAll(async () => {
  await browser?.close();
});

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else out.push(path);
  }
  return out;
}

describe('hostile catalogue', () => {
  it('gives every listed tool its own page under /servers/hostile/ with a safe slug', () => {
    // Duplicates keep separate pages too: one page per listed tool.
    expect(toolUrls).toHaveLength(HOSTILE_TOOLS.length);
    for (const url of toolUrls)
      expect(new URL(url).pathname).toMatch(/^\/servers\/hostile\/[a-z0-9][a-z0-9._-]{0,95}\/$/);
  });

  it('runs no payload on the home, listing, search, server and every tool page', () => {
    expect(Object.keys(headings)).toHaveLength(toolUrls.length);
    expect(problems).toEqual({});
  });

  it('renders search results for hostile text inert', async () => {
    const { page, errors, dialogs } = await browser.open(hostile('/search/'));
    for (const query of ['script pwned', 'window', 'javascript', 'onerror']) {
      await page.locator('.pagefind-ui__search-input').fill(query);
      await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 15_000 });
      await page.waitForTimeout(300);
      expect(await activeContent(page), query).toEqual([]);
    }
    expect([...errors, ...dialogs]).toEqual([]);
  });

  it('shows hostile names as literal text', async () => {
    const { page } = await browser.open(hostile(SERVER_PATH));
    const text = await page.locator('main').innerText();
    for (const name of [
      '<script>window.__pwned=1</script>',
      '{alert(window.__pwned=1)}',
      'javascript:window.__pwned=1',
      '../../../../../../pwned-outside',
    ]) {
      expect(text, name).toContain(name);
    }
    await page.close();
  });

  it('keeps every JSON-LD block valid JSON that round-trips the hostile text', async () => {
    let blocks = 0;
    for (const url of [hostile(SERVER_PATH), ...toolUrls]) {
      const html = await (await fetch(url)).text();
      for (const block of jsonLdBlocks(html)) {
        blocks += 1;
        expect(() => JSON.parse(block), `${url}: ${block.slice(0, 120)}`).not.toThrow();
        expect(block).not.toMatch(/<\/script/i);
      }
    }
    expect(blocks).toBeGreaterThanOrEqual(toolUrls.length);
    // The tool named "</script><script>…" is quoted whole, as JSON text, in some page's structured data.
    const breaker = JSON.stringify('</script><script>window.__pwned=1</script>').slice(1, -1);
    let quoted = false;
    for (const url of toolUrls) {
      for (const block of jsonLdBlocks(await (await fetch(url)).text()))
        if (JSON.stringify(JSON.parse(block)).includes(breaker)) quoted = true;
    }
    expect(quoted).toBe(true);
  });

  it('writes nothing outside its output folder, and no tool shadows the server policy', async () => {
    const workDir = inject('workDir');
    const outDir = inject('hostileDir');
    // The hostile build folder holds only what the harness put there.
    expect((await readdir(join(workDir, 'hostile'))).sort()).toEqual(['build.log', 'cache', 'content', 'dist']);
    expect((await readdir(workDir)).sort()).toEqual(['hostile', 'site']);
    for (const file of await walk(outDir)) expect(relative(outDir, file).split(sep)).not.toContain('..');
    for (const dir of [ROOT, join(ROOT, '..'), workDir, join(workDir, 'hostile')]) {
      await expect(stat(join(dir, 'pwned-outside')), dir).rejects.toThrow(/ENOENT/);
    }
    const policy = (await (await fetch(hostile(`${SERVER_PATH}policy.json`))).json()) as {
      tools?: Record<string, unknown>;
      hide?: string[];
    };
    expect(checkPolicy(policy)).toEqual({ ok: true, errors: [] });
    const accounted = new Set([...Object.keys(policy.tools ?? {}), ...(policy.hide ?? [])]);
    expect([...new Set(names)].filter((n) => !accounted.has(n))).toEqual([]);
  });

  it('keeps hostile parameter names, including "__proto__", in the parameters table', async () => {
    const url = toolUrls.find((u) => u.endsWith('/hostile_schema/'));
    expect(url).toBeDefined();
    const { page } = await browser.open(url!);
    const names = await page.locator('main table tbody tr td:first-child').allInnerTexts();
    expect(names).toEqual(expect.arrayContaining(['__proto__', 'constructor', '<img src=x onerror=window.__pwned=1>']));
    await page.close();
  });

  it('flags the poisoned description and links the tool-poisoning pattern', async () => {
    const url = toolUrls.find((u) => u.endsWith('/ignore_previous_instructions/'));
    expect(url).toBeDefined();
    const { page } = await browser.open(url!);
    const headings = await page.locator('main h2').allInnerTexts();
    expect(headings).toContain('Tool poisoning indicators');
    expect(await page.locator('main a[href^="/attacks/"]', { hasText: /poisoning/i }).count()).toBeGreaterThan(0);
    await page.close();
  });

  it('flags the poisoned server instructions and the poisoned prompt on the server page, saying where', async () => {
    const { page } = await browser.open(hostile(SERVER_PATH));
    const section = page.locator('main section[aria-labelledby="poisoning"]');
    expect(await section.locator('h2').innerText()).toBe('Poisoning indicators');
    const items = await section.locator('li').allInnerTexts();
    const about = (prefix: string) => items.filter((text) => text.startsWith(prefix)).join('\n');
    expect(about('Server instructions')).toMatch(/Active markup in metadata \(POISON_ACTIVE_MARKUP, error\)/);
    expect(about('Server instructions')).toMatch(/POISON_HIDDEN_INSTRUCTION/);
    expect(about('Server instructions')).toMatch(/POISON_ORDERING_PRESSURE/);
    expect(about('Prompt “write_reply”')).toMatch(/POISON_HIDDEN_INSTRUCTION, error\) in arguments\[0\]\.description/);
    expect(about('Prompt “write_reply”')).toMatch(/POISON_EXFILTRATION/);
    expect(about('Prompt “<img src=x onerror=')).toMatch(/POISON_ACTIVE_MARKUP/);
    expect(about('Prompt “summarise”')).toBe('');
    // Tools with findings are listed too, linking their pages.
    expect(await section.locator('a[href$="/ignore_previous_instructions/"]').count()).toBe(1);
    // The prompts themselves are listed as text.
    const prompts = await page.locator('main table').filter({ hasText: 'write_reply' }).innerText();
    expect(prompts).toContain('<img src=x onerror="window.__pwned=1">');
    await page.close();
  });

  it('keeps a 1 MB description from blowing up its page', async () => {
    const url = toolUrls.find((u) => u.endsWith('/megabyte_description/'));
    expect(url).toBeDefined();
    const html = await (await fetch(url!)).text();
    expect(Buffer.byteLength(html)).toBeLessThan(150 * 1024);
    const server = await (await fetch(hostile(SERVER_PATH))).text();
    expect(Buffer.byteLength(server)).toBeLessThan(300 * 1024);
  });

  it('does not pass direction overrides or invisible characters through into headings', () => {
    const raw = Object.entries(headings).filter(([, h1]) =>
      /[\u202A-\u202E\u2066-\u2069\u200B-\u200D\u0000\u0007]/.test(h1),
    );
    expect(raw).toEqual([]);
  });
});
