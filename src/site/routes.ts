// Every path of the site, built in one place: pages link through these functions, and the sitemap lists what they
// build.
import type { Capability, Category, Risk } from '../core/schemas/verdict.ts';

/** Servers per page of the server listing. */
export const SERVERS_PER_PAGE = 200;
/** Tools per page of a category, risk or capability listing. */
export const LISTING_PAGE_SIZE = 100;
/** Rows per page of a server's tool table (a server with hundreds of tools stays a light page). */
export const SERVER_TOOLS_PER_PAGE = 50;
/** Candidates per page of a coverage listing. */
export const COVERAGE_PAGE_SIZE = 100;

/** The site's address when the build sets none (astro.config.mjs's `site`, overridden by SITE_URL). */
export const DEFAULT_SITE = 'https://toolgate.dev';

/** The site's address: Astro's `site` when it is set, else DEFAULT_SITE. */
export function siteUrl(site?: URL | string): URL {
  return new URL(site ?? DEFAULT_SITE);
}

const seg = encodeURIComponent;

/** Page n (1-based) of a paginated listing whose first page is base: base, base2/, base3/ … */
export function listingPage(base: string, n: number): string {
  return n <= 1 ? base : `${base}${n}/`;
}

/** How many pages a listing of total items has (at least one). */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

export const routes = {
  home: (): string => '/',
  search: (query?: string): string => (query === undefined ? '/search/' : `/search/?q=${seg(query)}`),
  /** Server listing page n. Later pages live at /servers/page.<n>/: a dot never appears in a server id, so no collision. */
  servers: (n = 1): string => (n <= 1 ? '/servers/' : `/servers/page.${n}/`),
  server: (id: string): string => `/servers/${seg(id)}/`,
  /** A file beside the server page (policy.json, policy.intercept.yaml, …). */
  serverFile: (id: string, file: string): string => `/servers/${seg(id)}/${file}`,
  /** A section of the server page. */
  serverSection: (id: string, section: string): string => `/servers/${seg(id)}/#${section}`,
  /** Page n of a server's tool table: the server page itself, then /servers/<id>/page.<n>/ (names.ts keeps page.<n> from any tool slug). */
  serverTools: (id: string, n = 1): string => (n <= 1 ? `/servers/${seg(id)}/` : `/servers/${seg(id)}/page.${n}/`),
  tool: (serverId: string, slug: string): string => `/servers/${seg(serverId)}/${seg(slug)}/`,
  /** A file beside the tool page. */
  toolFile: (serverId: string, slug: string, file: string): string => `/servers/${seg(serverId)}/${seg(slug)}/${file}`,
  categories: (): string => '/categories/',
  category: (c: Category, n = 1): string => listingPage(`/categories/${c}/`, n),
  risks: (): string => '/risk/',
  risk: (r: Risk, n = 1): string => listingPage(`/risk/${r}/`, n),
  capabilities: (): string => '/capabilities/',
  capability: (c: Capability, n = 1): string => listingPage(`/capabilities/${c}/`, n),
  attacks: (): string => '/attacks/',
  attack: (slug: string): string => `/attacks/${seg(slug)}/`,
  attackKind: (kind: string): string => `/attacks/kind/${seg(kind)}/`,
  attackYear: (year: string): string => `/attacks/year/${seg(year)}/`,
  verdicts: (): string => '/how-verdicts-are-made/',
  finding: (code: string): string => `/how-verdicts-are-made/#${code}`,
  coverage: (): string => '/coverage/',
  /** Page n of the candidates that ended with one outcome code, e.g. /coverage/needs-credentials/. */
  coverageCode: (code: string, n = 1): string => listingPage(`/coverage/${code.toLowerCase().replace(/_/g, '-')}/`, n),
  changes: (): string => '/changes/',
  changesAtom: (): string => '/changes/atom.xml',
  changesJson: (): string => '/changes/feed.json',
  api: (): string => '/api/',
  apiFile: (file: string): string => `/api/${file}`,
  apiServer: (id: string): string => `/api/servers/${seg(id)}.json`,
  llmsTxt: (): string => '/llms.txt',
  policySchema: (): string => '/schemas/policy-v1.json',
  auditReportSchema: (): string => '/schemas/audit-report-v1.json',
  sitemapIndex: (): string => '/sitemap-index.xml',
  sitemap: (n: number): string => `/sitemap-${n}.xml`,
  stylesheet: (): string => '/toolgate.css',
  pagefind: (file: string): string => `/pagefind/${file}`,
  /** Folder of search-index bundle `n` (0 is Pagefind's own /pagefind/, which also holds its scripts; see search-records.ts). */
  searchBundle: (n: number): string => (n === 0 ? '/pagefind/' : `/pagefind-${n}/`),
} as const;

/** What the sitemap needs to know to list every indexable page. */
export interface SiteShape {
  servers: ReadonlyArray<{ id: string; tools: ReadonlyArray<{ slug: string }> }>;
  counts: {
    byCategory: Record<Category, number>;
    byRisk: Record<Risk, number>;
    byCapability: Record<Capability, number>;
  };
  categories: readonly Category[];
  risks: readonly Risk[];
  capabilities: readonly Capability[];
  /** Slugs of attack patterns and cases. */
  attackSlugs: readonly string[];
  attackKinds: readonly string[];
  attackYears: readonly string[];
  /** Failed discovery candidates per outcome code (each code with failures has its own listing). */
  coverage: ReadonlyArray<{ code: string; total: number }>;
}

function listing(make: (n: number) => string, total: number): string[] {
  return Array.from({ length: pageCount(total, LISTING_PAGE_SIZE) }, (_, i) => make(i + 1));
}

/** Every indexable page path (starting and ending with "/"), in a stable order: hubs, listings, servers, tools, attacks. */
export function indexablePaths(site: SiteShape): string[] {
  const paths = [
    routes.home(),
    routes.categories(),
    routes.risks(),
    routes.capabilities(),
    routes.attacks(),
    routes.verdicts(),
    routes.changes(),
    routes.api(),
  ];
  for (let n = 1; n <= pageCount(site.servers.length, SERVERS_PER_PAGE); n++) paths.push(routes.servers(n));
  for (const c of site.categories) paths.push(...listing((n) => routes.category(c, n), site.counts.byCategory[c]));
  for (const r of site.risks) paths.push(...listing((n) => routes.risk(r, n), site.counts.byRisk[r]));
  for (const c of site.capabilities)
    paths.push(...listing((n) => routes.capability(c, n), site.counts.byCapability[c]));
  for (const s of site.servers) {
    paths.push(routes.server(s.id));
    for (let n = 2; n <= pageCount(s.tools.length, SERVER_TOOLS_PER_PAGE); n++) paths.push(routes.serverTools(s.id, n));
    for (const t of s.tools) paths.push(routes.tool(s.id, t.slug));
  }
  paths.push(routes.coverage());
  for (const { code, total } of site.coverage) {
    for (let n = 1; n <= pageCount(total, COVERAGE_PAGE_SIZE); n++) paths.push(routes.coverageCode(code, n));
  }
  for (const slug of [...site.attackSlugs].sort()) paths.push(routes.attack(slug));
  for (const kind of [...site.attackKinds].sort()) paths.push(routes.attackKind(kind));
  for (const year of [...site.attackYears].sort()) paths.push(routes.attackYear(year));
  return paths;
}
