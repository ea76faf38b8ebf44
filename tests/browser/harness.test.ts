// The harness itself: chromium starts with a fresh profile, both built sites are served, and page errors are collected.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import type { Browser } from '../helpers/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('browser harness', () => {
  it('serves both builds and records page errors', async () => {
    for (const base of [inject('siteUrl'), inject('hostileUrl')]) {
      const response = await fetch(new URL('pagefind/pagefind.js', base));
      expect(response.status).toBe(200);
    }
    const watched = await browser.open();
    await watched.page.setContent('<script>throw new Error("boom")</script>');
    expect(watched.errors.join('\n')).toContain('boom');
  });
});
