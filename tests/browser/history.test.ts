// Change history on the built site: the fixture server rescanned after a change shows a diff on its tool page, an entry
// on its server page and /changes/, and in both feeds (the Atom XML parsed by the browser's XML parser, JSON Feed 1.1
// fields).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import type { Browser } from '../helpers/browser.ts';
import { activeContent } from '../helpers/page-checks.ts';

const hostile = (path: string) => new URL(path, inject('hostileUrl')).href;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('change history', () => {
  it('shows the changed description as a diff on the tool page', async () => {
    const { page, errors } = await browser.open(hostile('/servers/changing/send_note/'));
    const changes = page.locator('#changes + ol.changes');
    expect(await changes.locator('ins').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('~/.ssh/id_rsa')]),
    );
    expect(await changes.textContent()).toContain('the definition changed');
    expect(await changes.locator('code').first().textContent()).toMatch(/^[0-9a-f]{12}$/);
    expect(await activeContent(page)).toEqual([]);
    expect(errors).toEqual([]);
    const added = await browser.open(hostile('/servers/changing/delete_note/'));
    expect(await added.page.locator('#changes + ol.changes').textContent()).toContain('the tool appeared');
  });

  it('lists the change on the server page and on /changes/', async () => {
    const { page } = await browser.open(hostile('/servers/changing/'));
    expect(await page.locator('#changes + ol.changes').textContent()).toMatch(/1 tool changed, 1 added/);
    const all = await browser.open(hostile('/changes/'));
    const link = all.page.locator('ol.changes a[href^="/servers/changing/#change-"]');
    expect(await link.count()).toBe(1);
  });

  it('publishes the change in a valid Atom feed and a JSON Feed 1.1', async () => {
    const { page } = await browser.open(hostile('/changes/'));
    const atom = await (await fetch(hostile('/changes/atom.xml'))).text();
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const ns = 'http://www.w3.org/2005/Atom';
      const root = doc.documentElement;
      const entries = Array.from(doc.getElementsByTagNameNS(ns, 'entry')).map((e) => ({
        id: e.getElementsByTagNameNS(ns, 'id')[0]?.textContent ?? '',
        title: e.getElementsByTagNameNS(ns, 'title')[0]?.textContent ?? '',
        updated: e.getElementsByTagNameNS(ns, 'updated')[0]?.textContent ?? '',
        link: e.getElementsByTagNameNS(ns, 'link')[0]?.getAttribute('href') ?? '',
      }));
      return {
        error: doc.getElementsByTagName('parsererror').length > 0,
        root: `${root.namespaceURI} ${root.localName}`,
        feed: ['id', 'title', 'updated'].map((n) =>
          Array.from(root.children).some((c) => c.namespaceURI === ns && c.localName === n),
        ),
        entries,
      };
    }, atom);
    expect(parsed.error).toBe(false);
    expect(parsed.root).toBe('http://www.w3.org/2005/Atom feed');
    expect(parsed.feed).toEqual([true, true, true]);
    const entry = parsed.entries.find((e) => e.link.includes('/servers/changing/#change-'));
    expect(entry).toBeDefined();
    expect(entry!.title).toMatch(/1 tool changed, 1 added/);
    expect(Number.isNaN(Date.parse(entry!.updated))).toBe(false);
    expect(new URL(entry!.id).protocol).toMatch(/^https?:$/);

    const response = await fetch(hostile('/changes/feed.json'));
    const feed = (await response.json()) as { version: string; title: string; items: Array<Record<string, unknown>> };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(typeof feed.title).toBe('string');
    expect(Array.isArray(feed.items)).toBe(true);
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string');
      expect(typeof item.content_text === 'string' || typeof item.content_html === 'string').toBe(true);
    }
    const item = feed.items.find((i) => String(i.url).includes('/servers/changing/#change-'));
    expect(String(item?.content_text)).toContain('changed send_note');
    expect(String(item?.content_text)).toContain('added delete_note');
  });
});
