// Matches a classifier verdict to the attack patterns its access enables, using only each pattern's `matches` data.
import type { AttackPattern } from '../schemas/attack.ts';
import type { Verdict } from '../schemas/verdict.ts';

/** The parts of a verdict the matcher reads (a full Verdict fits). */
export type MatchableVerdict = Pick<Verdict, 'category' | 'capabilities' | 'findings'>;

/** A pattern with its slug, as loaded from content/attacks/patterns/<slug>.mdx. */
export type SluggedPattern = { slug: string; pattern: Pick<AttackPattern, 'matches'> };

/** Why a verdict matched a pattern: the capability, category or finding code that did it (for page text and tests). */
export type MatchReason =
  | { kind: 'capability'; value: string }
  | { kind: 'category'; value: string }
  | { kind: 'finding'; value: string }
  | { kind: 'combination'; value: string };

/** Every reason a verdict matches one pattern; empty when it does not match. */
export function matchReasons(verdict: MatchableVerdict, matches: AttackPattern['matches']): MatchReason[] {
  const reasons: MatchReason[] = [];
  for (const capability of matches.capabilities ?? []) {
    if (verdict.capabilities.includes(capability)) reasons.push({ kind: 'capability', value: capability });
  }
  if ((matches.categories ?? []).includes(verdict.category))
    reasons.push({ kind: 'category', value: verdict.category });
  const prefixes = matches.findingPrefixes ?? [];
  const codes = [...new Set(verdict.findings.map((f) => f.code))].sort();
  for (const code of codes) {
    if (prefixes.some((p) => code.startsWith(p))) reasons.push({ kind: 'finding', value: code });
  }
  for (const combo of matches.combinations ?? []) {
    const capability = combo.capabilities.find((c) => verdict.capabilities.includes(c));
    if (capability && combo.categories.includes(verdict.category)) {
      reasons.push({ kind: 'combination', value: `${capability}+${verdict.category}` });
    }
  }
  return reasons;
}

/** Slugs of the patterns a verdict matches, in the order the patterns were given (callers pass them sorted). */
export function matchPatterns(verdict: MatchableVerdict, patterns: readonly SluggedPattern[]): string[] {
  return patterns.filter((p) => matchReasons(verdict, p.pattern.matches).length > 0).map((p) => p.slug);
}
