// Cross-reference checks over the attack database: slugs, pattern/case links both ways, source URLs.
import type { AttackCase, AttackPattern } from '../schemas/attack.ts';
import { OWASP_INFO } from './owasp.ts';

/** One broken reference; code is permanent, message says what and how to fix it. */
export type AttackProblem = { code: string; file: string; message: string };

type Entry<T> = { slug: string; data: T };

/** Segments used by the /attacks/ filter pages, so no pattern or case may take them. */
export const RESERVED_ATTACK_SLUGS: readonly string[] = ['kind', 'year'];

/** Returns every problem; an empty list means the database is consistent. */
export function checkAttackReferences(
  patterns: readonly Entry<AttackPattern>[],
  cases: readonly Entry<AttackCase>[],
): AttackProblem[] {
  const problems: AttackProblem[] = [];
  const patternBySlug = new Map(patterns.map((p) => [p.slug, p.data]));
  const caseBySlug = new Map(cases.map((c) => [c.slug, c.data]));
  const pfile = (slug: string) => `content/attacks/patterns/${slug}.mdx`;
  const cfile = (slug: string) => `content/attacks/cases/${slug}.mdx`;

  for (const { slug } of [...patterns, ...cases]) {
    if (RESERVED_ATTACK_SLUGS.includes(slug)) {
      problems.push({
        code: 'ATTACK_SLUG_RESERVED',
        file: patternBySlug.has(slug) ? pfile(slug) : cfile(slug),
        message: `"${slug}" is reserved for the /attacks/${slug}/… filter pages; rename the file.`,
      });
    }
  }
  for (const slug of patternBySlug.keys()) {
    if (caseBySlug.has(slug)) {
      problems.push({
        code: 'ATTACK_SLUG_COLLISION',
        file: cfile(slug),
        message: `"${slug}" is both a pattern and a case, but both live at /attacks/${slug}/; rename the case file.`,
      });
    }
  }
  for (const { slug, data } of cases) {
    for (const p of data.patterns) {
      const pattern = patternBySlug.get(p);
      if (!pattern) {
        problems.push({
          code: 'ATTACK_CASE_PATTERN_MISSING',
          file: cfile(slug),
          message: `case "${slug}" names pattern "${p}", which has no file ${pfile(p)}; fix the slug or add the pattern.`,
        });
      } else if (!pattern.cases.includes(slug)) {
        problems.push({
          code: 'ATTACK_PATTERN_BACKLINK_MISSING',
          file: pfile(p),
          message: `case "${slug}" says it is an instance of "${p}", but the pattern's cases list does not include it; add "${slug}" to its cases or remove "${p}" from the case.`,
        });
      }
    }
    for (const source of data.sources) {
      if (!/^https?:\/\/[^\s/]+\.[^\s/]+/.test(source)) {
        problems.push({
          code: 'ATTACK_SOURCE_NOT_URL',
          file: cfile(slug),
          message: `case "${slug}" has source "${source}", which is not an http(s) URL; give the page's full address.`,
        });
      }
    }
  }
  for (const { slug, data } of patterns) {
    for (const c of data.cases) {
      const kase = caseBySlug.get(c);
      if (!kase) {
        problems.push({
          code: 'ATTACK_PATTERN_CASE_MISSING',
          file: pfile(slug),
          message: `pattern "${slug}" lists case "${c}", which has no file ${cfile(c)}; fix the slug or add the case.`,
        });
      } else if (!kase.patterns.includes(slug)) {
        problems.push({
          code: 'ATTACK_CASE_BACKLINK_MISSING',
          file: cfile(c),
          message: `pattern "${slug}" lists case "${c}", but the case's patterns do not include "${slug}"; add it there or drop the case from the pattern.`,
        });
      }
    }
    for (const id of data.owasp) {
      if (!OWASP_INFO[id]) {
        problems.push({
          code: 'ATTACK_OWASP_UNKNOWN',
          file: pfile(slug),
          message: `pattern "${slug}" maps to ${id}, which has no name in src/core/attacks/owasp.ts; add it there or use a listed id.`,
        });
      }
    }
  }
  return problems;
}
