// Headless Debian chromium through playwright-core: one fresh profile per test file, and per-page collection of console
// and page errors.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { ROOT } from './site-build.ts';

export const CHROMIUM = process.env.TOOLGATE_CHROMIUM ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  /** A new page whose console errors and uncaught exceptions are recorded in `errors`. */
  open(url?: string): Promise<WatchedPage>;
  close(): Promise<void>;
}

export interface WatchedPage {
  page: Page;
  /** "console: …" and "pageerror: …" lines, in order. */
  errors: string[];
  /** Dialogs (alert/confirm/prompt) that something tried to open; a hostile payload executing would show here. */
  dialogs: string[];
}

/** Launch chromium with a fresh --user-data-dir (playwright passes it from the persistent-context argument). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No chromium at ${CHROMIUM}. The browser tests drive Debian's chromium: install it with \`apt-get install -y chromium\` (.ci/run does), or point TOOLGATE_CHROMIUM at another Chromium binary.`,
    );
  }
  await mkdir(join(ROOT, '.tmp'), { recursive: true });
  const profile = await mkdtemp(join(ROOT, '.tmp', 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    async open(url) {
      const page = await context.newPage();
      const errors: string[] = [];
      const dialogs: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
      });
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('dialog', (dialog) => {
        dialogs.push(`${dialog.type()}: ${dialog.message()}`);
        void dialog.dismiss();
      });
      if (url) {
        const response = await page.goto(url, { waitUntil: 'load' });
        if (!response || response.status() !== 200)
          throw new Error(`GET ${url} answered ${response?.status() ?? 'nothing'}; expected 200.`);
      }
      return { page, errors, dialogs };
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
