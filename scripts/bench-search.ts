// Search latency for `npm run bench`: on the built bench site in headless Chromium, the time from the last keystroke of
// a query to the first result on screen (Pagefind UI, as users get it), for a few queries.
import { serveStatic } from '../tests/helpers/static-server.ts';
import { launchBrowser } from '../tests/helpers/browser.ts';

/** One query's figure: milliseconds from its last keystroke to its first rendered result, and how many results it found. */
export interface QueryLatency {
  query: string;
  ms: number;
  /** Results Pagefind reported for the whole query (0: the answer was "No results", timed the same way). */
  results: number;
}

/** Milliseconds from the last keystroke to the first rendered result (or to "No results"), per query. */
export async function searchLatency(
  outDir: string,
  queries: readonly string[],
): Promise<{ queries: QueryLatency[]; medianMs: number; p95Ms: number; maxMs: number }> {
  const site = await serveStatic(outDir);
  // Without a browser the bench still ends: the server is closed before the error goes up.
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await site.close();
    throw error;
  });
  try {
    const out: QueryLatency[] = [];
    for (const query of queries) {
      const { page } = await browser.open(new URL('/search/', site.url).href);
      const input = page.locator('.pagefind-ui__search-input').first();
      await input.waitFor({ timeout: 30_000 });
      // A person looks at the page before typing; the page uses that moment to load the engine.
      await page.waitForLoadState('networkidle');
      // Mark the time of every keystroke and of the first result, inside the page (no round-trip in the figure). A
      // result counts once the results are those of the whole query (the message names it and is not "Searching…"), so
      // results still shown for a prefix typed earlier do not count. A query that matches nothing is answered by "No
      // results for …" and timed to that message (it has no result to wait for; waiting for one hung the bench).
      await page.evaluate((final) => {
        const w = window as unknown as { __lastKey: number; __firstResult: number; __results: number };
        w.__lastKey = 0;
        w.__firstResult = 0;
        w.__results = -1;
        document.addEventListener(
          'input',
          () => {
            w.__lastKey = performance.now();
            w.__firstResult = 0;
          },
          true,
        );
        new MutationObserver(() => {
          if (w.__firstResult !== 0 || w.__lastKey === 0) return;
          const message = document.querySelector('#search .pagefind-ui__message')?.textContent ?? '';
          if (!message.includes(final) || /^\s*searching/i.test(message)) return;
          if (/^\s*no results/i.test(message)) w.__results = 0;
          else if (document.querySelector('#search .pagefind-ui__result-link'))
            w.__results = Number(/([\d,]+) results?/.exec(message)?.[1]?.replace(/,/g, '') ?? 1);
          else return;
          w.__firstResult = performance.now();
        }).observe(document.getElementById('search')!, { childList: true, subtree: true, characterData: true });
      }, query);
      await input.pressSequentially(query, { delay: 60, timeout: 120_000 });
      await page.waitForFunction(() => (window as unknown as { __firstResult: number }).__firstResult > 0, undefined, {
        timeout: 60_000,
      });
      const { ms, results } = await page.evaluate(() => {
        const w = window as unknown as { __lastKey: number; __firstResult: number; __results: number };
        return { ms: w.__firstResult - w.__lastKey, results: w.__results };
      });
      out.push({ query, ms: Math.round(ms), results });
      await page.close();
    }
    const sorted = out.map((q) => q.ms).sort((a, b) => a - b);
    // p95 by the nearest-rank method (with ten queries, the slowest).
    return {
      queries: out,
      medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0,
      p95Ms: sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)] ?? 0,
      maxMs: sorted.at(-1) ?? 0,
    };
  } finally {
    await browser.close();
    await site.close();
  }
}
