// View models for the attack pages: labels, dates, filters and the catalogue tools each pattern's access covers
// (indexed once per build).
import type { AttackCase, AttackPattern, Control } from '../core/schemas/attack.ts';
import type { Capability, Category } from '../core/schemas/verdict.ts';
import { compareTools } from './catalog.ts';
import { getCatalog } from './content.ts';
import type { ToolView } from './catalog.ts';
import { loadAttackCases, loadAttackPatterns } from './content.ts';
import { routes } from './routes.ts';
import type { LoadedCase, LoadedPattern } from './attacks.ts';

/** How many matching tools a pattern page lists by name. */
export const PATTERN_TOOL_LIMIT = 10;

export const KIND_LABEL: Record<AttackCase['kind'], string> = {
  vulnerability: 'Vulnerability',
  incident: 'Incident',
  technique: 'Technique',
  'malicious-package': 'Malicious package',
};

export const CONTROL_LABEL: Record<Control, string> = {
  deny: 'Deny',
  require_approval: 'Require approval',
  rate_limit: 'Rate limit',
  argument_validation: 'Argument validation',
  read_only_mode: 'Read-only mode',
  pin_tool_definitions: 'Pin tool definitions (client or registry, not per call)',
};

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2025-04-01" → "1 April 2025"; "2025-06" → "June 2025" (no time zones involved). */
export function formatCaseDate(date: string): string {
  const [y, m, d] = date.split('-');
  const month = MONTHS[Number(m) - 1] ?? m;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** The year a case is filed under. */
export function caseYear(c: AttackCase): string {
  return c.date.slice(0, 4);
}

/** Newest first; same date by slug, so output is stable. */
export function compareCases(a: LoadedCase, b: LoadedCase): number {
  return a.data.date < b.data.date
    ? 1
    : a.data.date > b.data.date
      ? -1
      : a.slug < b.slug
        ? -1
        : a.slug > b.slug
          ? 1
          : 0;
}

/** Cases sorted newest first. */
export function casesByDate(): LoadedCase[] {
  return [...loadAttackCases()].sort(compareCases);
}

/** Kinds present, in label order. */
export function caseKinds(): Array<AttackCase['kind']> {
  const present = new Set(loadAttackCases().map((c) => c.data.kind));
  return (Object.keys(KIND_LABEL) as Array<AttackCase['kind']>).filter((k) => present.has(k));
}

/** Years present, newest first. */
export function caseYears(): string[] {
  return [...new Set(loadAttackCases().map((c) => caseYear(c.data)))].sort().reverse();
}

/** Pattern slug → display name, for link lists on case pages. */
export function patternName(slug: string): string {
  return loadAttackPatterns().find((p) => p.slug === slug)?.data.name ?? slug;
}

/** A policy document as pretty JSON, keys in the order the pattern file gives them (authors order them for reading). */
export function policyJson(pattern: AttackPattern): string {
  return `${JSON.stringify(pattern.policy.document, null, 2)}\n`;
}

/** The listings a pattern's access corresponds to: capability and category pages, with catalogue counts. */
export function patternListings(pattern: AttackPattern): Array<{ label: string; href: string; count: number }> {
  const catalog = getCatalog();
  const caps = new Set<Capability>([
    ...pattern.matches.capabilities,
    ...pattern.matches.combinations.flatMap((c) => c.capabilities),
  ]);
  const cats = new Set<Category>([
    ...pattern.matches.categories,
    ...pattern.matches.combinations.flatMap((c) => c.categories),
  ]);
  return [
    ...[...caps]
      .sort()
      .map((c) => ({ label: `capability: ${c}`, href: routes.capability(c), count: catalog.counts.byCapability[c] })),
    ...[...cats]
      .sort()
      .map((c) => ({ label: `category: ${c}`, href: routes.category(c), count: catalog.counts.byCategory[c] })),
  ];
}

let toolIndex: Map<string, ToolView[]> | undefined;

/** Catalogue tools per pattern (from the patterns each ToolView already carries), riskiest first; built once per build. */
export function toolsForPattern(slug: string): ToolView[] {
  if (!toolIndex) {
    toolIndex = new Map(loadAttackPatterns().map((p) => [p.slug, [] as ToolView[]]));
    for (const tool of getCatalog().tools) {
      for (const link of tool.patterns) toolIndex.get(link.slug)?.push(tool);
    }
    for (const list of toolIndex.values()) list.sort(compareTools);
  }
  return toolIndex.get(slug) ?? [];
}

/** Every page under /attacks/: each pattern and case, for getStaticPaths. */
export function attackPages(): Array<{ slug: string; pattern?: LoadedPattern; kase?: LoadedCase }> {
  return [
    ...loadAttackPatterns().map((pattern) => ({ slug: pattern.slug, pattern })),
    ...loadAttackCases().map((kase) => ({ slug: kase.slug, kase })),
  ];
}

/** One case by slug, or undefined. */
export function getAttackCase(slug: string): LoadedCase | undefined {
  return loadAttackCases().find((c) => c.slug === slug);
}
