// The catalogue's view models: every snapshot classified and indexed once per build (content.ts loads them); pages only
// look things up.
import type { Snapshot, SnapshotTool } from '../core/schemas/snapshot.ts';
import type { Capability, Category, Risk, Verdict } from '../core/schemas/verdict.ts';
import { CapabilitySchema, CategorySchema, RiskSchema } from '../core/schemas/verdict.ts';
import type { Finding } from '../core/schemas/finding.ts';
import { classify, surfacePoisonFindings } from '../core/classify/index.ts';
import { patternsForVerdict } from './attacks.ts';
import type { LoadedPattern, PatternLink } from './attacks.ts';
import { LISTING_PAGE_SIZE, routes } from './routes.ts';
import { assignSlugs } from '../core/names.ts';
import { oneLine, revealInvisible } from './text.ts';

export const CATEGORIES: readonly Category[] = CategorySchema.options;
export const RISKS: readonly Risk[] = RiskSchema.options;
export const CAPABILITIES: readonly Capability[] = CapabilitySchema.options;

/** Higher is riskier; used for sorting. */
export const RISK_RANK: Record<Risk, number> = { low: 0, medium: 1, high: 2, critical: 3 };
const CATEGORY_RANK: Record<Category, number> = { read: 0, write: 1, destructive: 2 };

export { LISTING_PAGE_SIZE };

/** How many related tools a tool page shows. */
export const RELATED_LIMIT = 6;

/** One tool, ready for pages. Strings from the server are untrusted: render them only through escaped interpolation. */
export interface ToolView {
  /** Id of the server that lists it. */
  serverId: string;
  /** Display name of that server, invisible characters revealed (raw: server.snapshot.name). */
  serverName: string;
  /** The server view itself. */
  server: ServerView;
  /** The tool name exactly as sent. */
  name: string;
  /** The name with invisible and direction-changing characters shown as markers. */
  displayName: string;
  /** Display title as sent, when any. */
  title?: string;
  /** URL segment, unique within the server and safe as a folder name. */
  slug: string;
  /** Absolute path of the tool page, e.g. /servers/delx/close_session/. */
  href: string;
  /** Description exactly as sent ('' when none). */
  description: string;
  /** One line of at most 200 characters for lists and meta tags. */
  summary: string;
  /** The classifier's verdict. */
  verdict: Verdict;
  /** sha256 of the tool's canonical JSON, from the snapshot. */
  hash: string;
  /** Position in the server's list. */
  index: number;
  /** The tool as the snapshot holds it (for policies and the parameters table). */
  tool: SnapshotTool;
  /** True when the declared annotations disagree with what the tool evidently does. */
  contradiction: boolean;
  /** Tool-poisoning findings (POISON_*). */
  poisoning: Finding[];
  /** What the scanner found about this tool (from the snapshot's findings naming it). */
  scanFindings: Finding[];
  /** Attack patterns this access enables. */
  patterns: PatternLink[];
  /** Tools elsewhere in the catalogue with the same category and capabilities (filled after indexing). */
  related: ToolView[];
}

export interface ServerView {
  /** Snapshot id and URL segment. */
  id: string;
  /** Display name, invisible characters revealed (raw: snapshot.name). */
  name: string;
  /** Absolute path of the server page. */
  href: string;
  /** The snapshot as loaded. */
  snapshot: Snapshot;
  /** Tools in listing order. */
  tools: ToolView[];
  /** Tool counts by category, risk and capability. */
  byCategory: Record<Category, number>;
  byRisk: Record<Risk, number>;
  byCapability: Record<Capability, number>;
  /** How many of its tools enable each attack pattern, most first. */
  patternCounts: Array<{ pattern: PatternLink; count: number }>;
  /** Tools whose annotations contradict their behaviour. */
  contradictions: number;
  /** Highest risk of any tool ('low' for a server without tools). */
  maxRisk: Risk;
  /** Scanner findings about the server as a whole, or naming no tool it lists (tool findings are on the tool pages). */
  scanFindings: Finding[];
  /** Poisoning findings outside the tools: instructions, prompts, resources, templates (args.surface and args.item say where). */
  poisoning: Finding[];
}

export interface Catalog {
  /** Sorted by id. */
  servers: ServerView[];
  /** All tools: servers by id, then listing order. */
  tools: ToolView[];
  serverById: Map<string, ServerView>;
  /** Tools by capability/category/risk, each list riskiest first, then server id and name. */
  byCapability: Map<Capability, ToolView[]>;
  byCategory: Map<Category, ToolView[]>;
  byRisk: Map<Risk, ToolView[]>;
  /** Totals for the home page. */
  counts: {
    servers: number;
    tools: number;
    byCategory: Record<Category, number>;
    byRisk: Record<Risk, number>;
    byCapability: Record<Capability, number>;
    contradictions: number;
    poisoned: number;
  };
  /** The riskiest tools of the catalogue (top 25). */
  riskiest: ToolView[];
  /** Every tool whose declared annotations contradict its behaviour, riskiest first. */
  contradictions: ToolView[];
  /** Every tool with poisoning findings, riskiest first. */
  poisoned: ToolView[];
}

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/** Riskiest first, then by server id and name (code-unit order, locale-independent), then slug. */
export function compareTools(a: ToolView, b: ToolView): number {
  return (
    RISK_RANK[b.verdict.risk] - RISK_RANK[a.verdict.risk] ||
    CATEGORY_RANK[b.verdict.category] - CATEGORY_RANK[a.verdict.category] ||
    (a.serverId < b.serverId ? -1 : a.serverId > b.serverId ? 1 : 0) ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
    (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)
  );
}

function isContradiction(verdict: Verdict): boolean {
  if (verdict.findings.some((f) => f.code === 'ANNOTATION_CONTRADICTED')) return true;
  // Without annotations the "declared" category is only the spec default, which is not a claim the server made.
  return (
    verdict.declared.annotations !== undefined &&
    Object.keys(verdict.declared.annotations).length > 0 &&
    verdict.declared.category !== verdict.category
  );
}

/** The parts of a snapshot tool the classifier reads (what a classifying worker thread is sent). */
export function classifiable(tool: SnapshotTool) {
  return {
    name: tool.name,
    ...(tool.title !== undefined ? { title: tool.title } : {}),
    ...(tool.description !== undefined ? { description: tool.description } : {}),
    ...(tool.inputSchema !== undefined ? { inputSchema: tool.inputSchema } : {}),
    ...(tool.outputSchema !== undefined ? { outputSchema: tool.outputSchema } : {}),
    ...(tool.annotations !== undefined ? { annotations: tool.annotations } : {}),
  };
}

/**
 * Builds the catalogue from snapshots and the attack patterns their tools are matched against; pure. `verdicts`, by
 * server id, are classify()'s verdicts of each server's tools in snapshot order when they were computed elsewhere (the
 * build classifies on two threads: content.ts's loadCatalog); servers it lacks are classified here.
 */
export function buildCatalog(
  snapshots: readonly Snapshot[],
  attackPatterns: readonly LoadedPattern[] = [],
  verdicts: ReadonlyMap<string, readonly Verdict[]> = new Map(),
): Catalog {
  const servers: ServerView[] = [];
  const tools: ToolView[] = [];
  // Pattern matches depend only on category, capabilities and finding codes; many tools share those.
  const patternMemo = new Map<string, PatternLink[]>();

  for (const snapshot of [...snapshots].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const serverHref = routes.server(snapshot.id);
    const slugs = assignSlugs(snapshot.tools.map((t) => t.name));
    const server: ServerView = {
      id: snapshot.id,
      name: revealInvisible(snapshot.name),
      href: serverHref,
      snapshot,
      tools: [],
      byCategory: zeroes(CATEGORIES),
      byRisk: zeroes(RISKS),
      byCapability: zeroes(CAPABILITIES),
      patternCounts: [],
      contradictions: 0,
      maxRisk: 'low',
      scanFindings: [],
      poisoning: [],
    };
    const toolNames = new Set(snapshot.tools.map((t) => t.name));
    const findingsByTool = new Map<string, Finding[]>();
    for (const f of snapshot.findings) {
      if (f.tool !== undefined && toolNames.has(f.tool)) {
        const list = findingsByTool.get(f.tool);
        if (list) list.push(f);
        else findingsByTool.set(f.tool, [f]);
      } else server.scanFindings.push(f);
    }
    // Server-wide checks: surface findings stay on the server; name collisions join the tools they name.
    const collisions = new Map<string, Finding[]>();
    for (const f of surfacePoisonFindings(snapshot)) {
      if (f.args?.['surface'] !== undefined || f.tool === undefined) server.poisoning.push(f);
      else collisions.set(f.tool, [...(collisions.get(f.tool) ?? []), f]);
    }
    const patternCount = new Map<string, { pattern: PatternLink; count: number }>();
    const given = verdicts.get(snapshot.id);
    if (given !== undefined && given.length !== snapshot.tools.length)
      throw new Error(
        `Server ${snapshot.id}: ${given.length} verdicts were given for its ${snapshot.tools.length} tools; this is a bug in the caller of buildCatalog, report it.`,
      );
    snapshot.tools.forEach((tool, index) => {
      const verdict = given?.[index] ?? classify(classifiable(tool));
      const key = `${verdict.category}|${verdict.capabilities.join(',')}|${[...new Set(verdict.findings.map((f) => f.code))].sort().join(',')}`;
      let patterns = patternMemo.get(key);
      if (!patterns) {
        patterns = patternsForVerdict(verdict, attackPatterns);
        patternMemo.set(key, patterns);
      }
      const slug = slugs[index]!;
      const view: ToolView = {
        serverId: snapshot.id,
        serverName: server.name,
        server,
        name: tool.name,
        displayName: revealInvisible(tool.name),
        ...(tool.title !== undefined ? { title: tool.title } : {}),
        slug,
        href: routes.tool(snapshot.id, slug),
        description: tool.description ?? '',
        summary: oneLine(tool.description ?? '', 200),
        verdict,
        hash: tool.hash,
        index,
        tool,
        contradiction: isContradiction(verdict),
        poisoning: [
          ...verdict.findings.filter((f) => f.code.startsWith('POISON')),
          ...(collisions.get(tool.name) ?? []),
        ],
        scanFindings: findingsByTool.get(tool.name) ?? [],
        patterns,
        related: [],
      };
      server.tools.push(view);
      tools.push(view);
      server.byCategory[verdict.category] += 1;
      server.byRisk[verdict.risk] += 1;
      for (const c of verdict.capabilities) server.byCapability[c] += 1;
      if (view.contradiction) server.contradictions += 1;
      if (RISK_RANK[verdict.risk] > RISK_RANK[server.maxRisk]) server.maxRisk = verdict.risk;
      for (const p of patterns) {
        const entry = patternCount.get(p.slug);
        if (entry) entry.count += 1;
        else patternCount.set(p.slug, { pattern: p, count: 1 });
      }
    });
    server.patternCounts = [...patternCount.values()].sort(
      (a, b) => b.count - a.count || (a.pattern.slug < b.pattern.slug ? -1 : 1),
    );
    servers.push(server);
  }

  const byCategory = new Map<Category, ToolView[]>(CATEGORIES.map((c) => [c, []]));
  const byRisk = new Map<Risk, ToolView[]>(RISKS.map((r) => [r, []]));
  const byCapability = new Map<Capability, ToolView[]>(CAPABILITIES.map((c) => [c, []]));
  for (const t of tools) {
    byCategory.get(t.verdict.category)!.push(t);
    byRisk.get(t.verdict.risk)!.push(t);
    for (const c of t.verdict.capabilities) byCapability.get(c)!.push(t);
  }
  for (const list of [...byCategory.values(), ...byRisk.values(), ...byCapability.values()]) list.sort(compareTools);

  linkRelated(tools, byCategory);

  const sorted = [...tools].sort(
    (a, b) =>
      RISK_RANK[b.verdict.risk] - RISK_RANK[a.verdict.risk] ||
      b.verdict.capabilities.length - a.verdict.capabilities.length ||
      b.verdict.confidence - a.verdict.confidence ||
      compareTools(a, b),
  );
  const contradictions = tools.filter((t) => t.contradiction).sort(compareTools);
  const poisoned = tools.filter((t) => t.poisoning.length > 0).sort(compareTools);

  const count = <K extends string>(keys: readonly K[], index: Map<K, ToolView[]>) =>
    Object.fromEntries(keys.map((k) => [k, index.get(k)!.length])) as Record<K, number>;

  return {
    servers,
    tools,
    serverById: new Map(servers.map((s) => [s.id, s])),
    byCapability,
    byCategory,
    byRisk,
    counts: {
      servers: servers.length,
      tools: tools.length,
      byCategory: count(CATEGORIES, byCategory),
      byRisk: count(RISKS, byRisk),
      byCapability: count(CAPABILITIES, byCapability),
      contradictions: contradictions.length,
      poisoned: poisoned.length,
    },
    riskiest: sorted.slice(0, 25),
    contradictions,
    poisoned,
  };
}

function byNameThenServer(a: ToolView, b: ToolView): number {
  const an = a.name.toLowerCase();
  const bn = b.name.toLowerCase();
  return (
    (an < bn ? -1 : an > bn ? 1 : 0) ||
    (a.serverId < b.serverId ? -1 : a.serverId > b.serverId ? 1 : 0) ||
    a.index - b.index
  );
}

/**
 * Related tools: same category and the same capability set, anywhere in the catalogue. Each group is sorted by name, so
 * neighbours are similarly named tools on other servers; each tool takes its nearest neighbours, other servers first,
 * and tops up from its category. O(n log n + n·k), never pairwise.
 */
function linkRelated(tools: readonly ToolView[], byCategory: Map<Category, ToolView[]>): void {
  const groups = new Map<string, ToolView[]>();
  for (const t of tools) {
    const key = `${t.verdict.category}|${t.verdict.capabilities.join(',')}`;
    const group = groups.get(key);
    if (group) group.push(t);
    else groups.set(key, [t]);
  }
  const positions = new Map<ToolView, number>();
  for (const group of groups.values()) {
    group.sort(byNameThenServer);
    group.forEach((t, i) => positions.set(t, i));
  }
  const categoryByName = new Map<Category, ToolView[]>();
  const categoryPositions = new Map<ToolView, number>();
  for (const [category, list] of byCategory) {
    const sortedList = [...list].sort(byNameThenServer);
    sortedList.forEach((t, i) => categoryPositions.set(t, i));
    categoryByName.set(category, sortedList);
  }
  for (const t of tools) {
    const group = groups.get(`${t.verdict.category}|${t.verdict.capabilities.join(',')}`)!;
    const picked = nearest(t, group, positions.get(t)!, RELATED_LIMIT);
    if (picked.length < RELATED_LIMIT) {
      const chosen = new Set(picked);
      const more = nearest(
        t,
        categoryByName.get(t.verdict.category)!,
        categoryPositions.get(t)!,
        RELATED_LIMIT * 2,
      ).filter((x) => !chosen.has(x));
      picked.push(...more.slice(0, RELATED_LIMIT - picked.length));
    }
    t.related = picked;
  }
}

// Walks outwards from position i (i+1, i-1, i+2, ...) over a bounded window; other servers' tools first.
function nearest(t: ToolView, list: readonly ToolView[], i: number, k: number): ToolView[] {
  const other: ToolView[] = [];
  const same: ToolView[] = [];
  const window = Math.min(list.length, k * 8);
  for (let d = 1; d <= window && other.length < k; d++) {
    for (const j of [i + d, i - d]) {
      if (j < 0 || j >= list.length) continue;
      const c = list[j]!;
      if (c === t) continue;
      if (c.serverId !== t.serverId) other.push(c);
      else if (same.length < k) same.push(c);
    }
  }
  return [...other, ...same].slice(0, k);
}

/** Looks a tool up by server id and slug. */
export function findTool(catalog: Catalog, serverId: string, slug: string): ToolView | undefined {
  return catalog.serverById.get(serverId)?.tools.find((t) => t.slug === slug);
}
