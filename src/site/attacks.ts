// The attack database's shapes, frontmatter parsing and matching of verdicts to patterns (content.ts reads the files).
import { parse as parseYaml } from 'yaml';
import type { AttackCase, AttackPattern } from '../core/schemas/attack.ts';
import type { Verdict } from '../core/schemas/verdict.ts';
import { matchPatterns } from '../core/attacks/match.ts';
import { routes } from './routes.ts';

/** A loaded pattern: slug (file name), validated frontmatter, and the file it came from. */
export type LoadedPattern = { slug: string; data: AttackPattern; file: string };
/** A loaded case: slug (file name), validated frontmatter, and the file it came from. */
export type LoadedCase = { slug: string; data: AttackCase; file: string };
/** What tool pages show for one matching pattern. */
export type PatternLink = { slug: string; name: string; summary: string; href: string };

/** Splits an MDX file into its YAML frontmatter (parsed) and body. */
export function splitFrontmatter(text: string, file: string): { frontmatter: unknown; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!m)
    throw new Error(
      `${file}: no frontmatter found. An attack file must start with a line "---", then YAML, then a closing "---"; add the frontmatter block.`,
    );
  let frontmatter: unknown;
  try {
    frontmatter = parseYaml(m[1]!);
  } catch (e) {
    throw new Error(
      `${file}: the frontmatter is not valid YAML (${(e as Error).message}); fix the YAML between the "---" lines.`,
    );
  }
  return { frontmatter, body: m[2]! };
}

const linkMemo = new WeakMap<
  readonly LoadedPattern[],
  { links: Map<string, PatternLink>; matchable: Array<{ slug: string; pattern: AttackPattern }> }
>();

/** The attack patterns a tool's verdict enables, from each pattern's `matches` data; sorted by slug. */
export function patternsForVerdict(
  verdict: Pick<Verdict, 'category' | 'capabilities' | 'findings'>,
  patterns: readonly LoadedPattern[],
): PatternLink[] {
  let m = linkMemo.get(patterns);
  if (!m) {
    m = {
      links: new Map(
        patterns.map((p) => [
          p.slug,
          { slug: p.slug, name: p.data.name, summary: p.data.summary, href: routes.attack(p.slug) },
        ]),
      ),
      matchable: patterns.map((p) => ({ slug: p.slug, pattern: p.data })),
    };
    linkMemo.set(patterns, m);
  }
  const { links } = m;
  return matchPatterns(verdict, m.matchable).map((slug) => links.get(slug)!);
}
