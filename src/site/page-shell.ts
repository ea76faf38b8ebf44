// The page shell every Toolgate page uses (landmarks, skip link, navigation, canonical URL, OpenGraph and JSON-LD), as
// two strings around the page's body: the Base layout (src/layouts/Base.astro) wraps Astro pages in them, and the
// tool-page writer (tool-files.ts) wraps the 35,000 tool pages it writes without Astro. One shell, so both kinds of
// page are the same. Every value is escaped by html``.
import { html, raw } from './html.ts';
import { serializeJsonLd } from './json-ld.ts';
import { NAV_ITEMS, SITE_NAME, SITE_TAGLINE, isCurrentNav } from './nav.ts';
import { routes } from './routes.ts';

export interface ShellProps {
  /** Page title, without the site name. */
  title: string;
  /** One-sentence summary for search engines and link previews. */
  description: string;
  /** The page's own path, e.g. "/servers/delx/"; made absolute for canonical and OpenGraph. */
  path: string;
  /** Structured data for the page; serialized with "<", ">", "&", U+2028 and U+2029 escaped. */
  jsonLd?: unknown;
  /** Keep the page out of search engines (404, search results). */
  noindex?: boolean;
}

/** The shell's markup before and after a page's body. */
export interface Shell {
  before: string;
  after: string;
}

/** The navigation bar of the page at `path`: the same for every page of a section, so made once per section. */
const navMemo = new Map<string, string>();

function nav(path: string): string {
  const current = NAV_ITEMS.find((item) => isCurrentNav(item.href, path))?.href ?? '';
  let markup = navMemo.get(current);
  if (markup === undefined) {
    markup =
      html`<header class="site-header"><div class="wrap"><a class="brand" href="${routes.home()}">${SITE_NAME}</a><nav class="site-nav" aria-label="Main"><ul>${NAV_ITEMS.map(
        (item) =>
          html`<li><a href="${item.href}"${isCurrentNav(item.href, path) && raw(' aria-current="page"')}>${item.label}</a></li>`,
      )}</ul></nav></div></header>`.value;
    navMemo.set(current, markup);
  }
  return markup;
}

const AFTER =
  html`</div></main><footer class="site-footer"><div class="wrap"><p>${SITE_NAME} is an open catalogue of what MCP tools can do, with starter gateway policies. Classifications are computed from each server's own tool list; tool names and descriptions are shown as the servers sent them and are not endorsed.</p><p><a href="${routes.verdicts()}">How verdicts are made</a> · <a href="${routes.coverage()}">Coverage</a> · <a href="${routes.changes()}">Changes</a> · <a href="${routes.api()}">Open data</a> · <a href="${routes.policySchema()}">policy.json schema</a> · <a href="${routes.sitemapIndex()}">Sitemap</a> · <a href="${routes.search()}">Search</a></p></div></footer></body></html>`
    .value;

/** The shell of one page on the site at `site` (Astro's `site`). */
export function pageShell(p: ShellProps, site: URL): Shell {
  const canonical = new URL(p.path, site).href;
  const fullTitle = p.path === '/' ? `${SITE_NAME}: ${SITE_TAGLINE}` : `${p.title} · ${SITE_NAME}`;
  const before = html`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><title>${fullTitle}</title><meta name="description" content="${p.description}">${p.noindex && raw('<meta name="robots" content="noindex">')}<link rel="canonical" href="${canonical}"><link rel="stylesheet" href="${routes.stylesheet()}"><link rel="alternate" type="application/atom+xml" title="Toolgate: changes to MCP tools" href="${routes.changesAtom()}"><link rel="icon" href="/favicon.svg" type="image/svg+xml"><meta property="og:site_name" content="${SITE_NAME}"><meta property="og:type" content="website"><meta property="og:title" content="${p.title}"><meta property="og:description" content="${p.description}"><meta property="og:url" content="${canonical}"><meta name="twitter:card" content="summary">${p.jsonLd !== undefined && html`<script type="application/ld+json">${raw(serializeJsonLd(p.jsonLd))}</script>`}<script src="/copy.js" defer></script></head><body><a class="skip-link" href="#main">Skip to content</a>${raw(nav(p.path))}<main id="main" tabindex="-1"><div class="wrap">`;
  return { before: before.value, after: AFTER };
}

/** A whole page: the shell around `body` (markup the caller built with html``). */
export function pageHtml(p: ShellProps, site: URL, body: string): string {
  const shell = pageShell(p, site);
  return shell.before + body + shell.after;
}
