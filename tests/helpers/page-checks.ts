// Checks shared by the browser tests: axe-core scans, JSON-LD extraction from raw HTML, horizontal overflow, and
// inert-content probes.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './site-build.ts';

let axeSource: string | undefined;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Run axe-core (all non-experimental rules) on the loaded page; returns the violations in a readable form. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= await readFile(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
            opts: object,
          ): Promise<{
            violations: Array<{
              id: string;
              impact: string | null;
              help: string;
              nodes: Array<{ target: unknown[]; failureSummary?: string }>;
            }>;
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`.slice(0, 400)),
    }));
  });
}

/** The text of every <script type="application/ld+json"> as the raw HTML holds it (so a premature </script> shows up as invalid JSON). */
export function jsonLdBlocks(html: string): string[] {
  const blocks: string[] = [];
  const re = /<script\b[^>]*type=["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script>/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) blocks.push(m[1]);
  return blocks;
}

/** Width by which the page is wider than the viewport (0 when there is no horizontal scroll). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth,
  );
}

/** Same-origin hrefs of every <a> on the page, without fragments, de-duplicated and sorted. */
export async function internalLinks(page: Page): Promise<string[]> {
  const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
  const origin = new URL(page.url()).origin;
  const out = new Set<string>();
  for (const href of hrefs) {
    const url = new URL(href);
    if (url.origin !== origin) continue;
    url.hash = '';
    out.add(url.href);
  }
  return [...out].sort();
}

/**
 * Signs that untrusted text became markup: inline event handlers, javascript: URLs, frames, and the payload's global.
 * Returns a list of problems (empty when the page is inert).
 */
export async function activeContent(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    if ((window as unknown as { __pwned?: unknown }).__pwned !== undefined)
      problems.push('window.__pwned was set: a payload executed');
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name)) problems.push(`<${el.localName} ${attr.name}="${attr.value.slice(0, 60)}">`);
        // Pagefind UI's own search form is the one javascript: URL the site ships, and it is a constant no-op.
        const pagefindForm =
          el.localName === 'form' && attr.value === 'javascript:void(0);' && el.closest('.pagefind-ui') !== null;
        if (
          /^\s*javascript:/i.test(attr.value) &&
          /^(href|src|action|formaction|xlink:href)$/i.test(attr.name) &&
          !pagefindForm
        )
          problems.push(`<${el.localName} ${attr.name}="${attr.value.slice(0, 60)}">`);
      }
    }
    for (const el of Array.from(document.querySelectorAll('iframe, object, embed, img[src="x"], svg script')))
      problems.push(`unexpected <${el.localName}>`);
    for (const script of Array.from(document.querySelectorAll('script'))) {
      const type = script.getAttribute('type');
      if (type === 'application/ld+json') continue;
      if (script.textContent?.includes('__pwned'))
        problems.push(`an executable <script> holds payload text: ${script.textContent.slice(0, 80)}`);
    }
    for (const style of Array.from(document.querySelectorAll('style'))) {
      if (style.textContent?.includes('display:none') && style.textContent.includes('body{'))
        problems.push('a hostile <style> element was injected');
    }
    return problems;
  });
}
