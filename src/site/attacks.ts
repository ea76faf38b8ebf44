// Build-time access to the attack database: reads content/attacks/{patterns,cases}/*.mdx frontmatter once, validated, and matches verdicts to patterns.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { AttackCaseSchema, AttackPatternSchema, AttackSlugSchema } from '../core/schemas/attack.ts';
import type { AttackCase, AttackPattern } from '../core/schemas/attack.ts';
import type { Verdict } from '../core/schemas/verdict.ts';
import { matchPatterns } from '../core/attacks/match.ts';

/** A loaded pattern: slug (file name), validated frontmatter, and the file it came from. */
export type LoadedPattern = { slug: string; data: AttackPattern; file: string };
/** A loaded case: slug (file name), validated frontmatter, and the file it came from. */
export type LoadedCase = { slug: string; data: AttackCase; file: string };
/** What tool pages show for one matching pattern. */
export type PatternLink = { slug: string; name: string; summary: string; href: string };

/** Where attack content lives; editorial content, so it does not follow TOOLGATE_CONTENT_DIR (benchmarks keep the real attacks). */
export function attacksDir(): string {
  return resolve(process.env.TOOLGATE_ATTACKS_DIR ?? join(process.cwd(), 'content', 'attacks'));
}

/** Splits an MDX file into its YAML frontmatter (parsed) and body. */
export function splitFrontmatter(text: string, file: string): { frontmatter: unknown; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!m) throw new Error(`${file}: no frontmatter found. An attack file must start with a line "---", then YAML, then a closing "---"; add the frontmatter block.`);
  let frontmatter: unknown;
  try {
    frontmatter = parseYaml(m[1]!);
  } catch (e) {
    throw new Error(`${file}: the frontmatter is not valid YAML (${(e as Error).message}); fix the YAML between the "---" lines.`);
  }
  return { frontmatter, body: m[2]! };
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n');
}

function loadDir<S extends z.ZodType>(sub: 'patterns' | 'cases', schema: S): Array<{ slug: string; data: z.infer<S>; file: string }> {
  const dir = join(attacksDir(), sub);
  if (!existsSync(dir)) return [];
  const out: Array<{ slug: string; data: z.infer<S>; file: string }> = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.mdx')).sort()) {
    const file = join(dir, name);
    const slug = name.slice(0, -'.mdx'.length);
    if (!AttackSlugSchema.safeParse(slug).success) {
      throw new Error(`${file}: the file name "${slug}" is not a valid attack slug (lower-case words joined by "-"); rename the file.`);
    }
    const { frontmatter } = splitFrontmatter(readFileSync(file, 'utf8'), file);
    const parsed = schema.safeParse(frontmatter);
    if (!parsed.success) {
      throw new Error(`${file}: the frontmatter does not match the ${sub === 'patterns' ? 'AttackPatternSchema' : 'AttackCaseSchema'} in src/core/schemas/attack.ts:\n${describeIssues(parsed.error)}\nFix these fields.`);
    }
    out.push({ slug, data: parsed.data, file });
  }
  return out;
}

let patternsMemo: LoadedPattern[] | undefined;
let casesMemo: LoadedCase[] | undefined;

/** All patterns, sorted by slug; read once per process. */
export function loadAttackPatterns(): LoadedPattern[] {
  patternsMemo ??= loadDir('patterns', AttackPatternSchema);
  return patternsMemo;
}

/** All cases, sorted by slug; read once per process. */
export function loadAttackCases(): LoadedCase[] {
  casesMemo ??= loadDir('cases', AttackCaseSchema);
  return casesMemo;
}

/** Forget memoized content (tests that point TOOLGATE_ATTACKS_DIR elsewhere). */
export function resetAttackCache(): void {
  patternsMemo = undefined;
  casesMemo = undefined;
  linkMemo = undefined;
}

/** URL of a pattern or case page. */
export function attackHref(slug: string): string {
  return `/attacks/${slug}/`;
}

let linkMemo: Map<string, PatternLink> | undefined;

/** The attack patterns a tool's verdict enables, from each pattern's `matches` data; sorted by slug. */
export function patternsForVerdict(verdict: Pick<Verdict, 'category' | 'capabilities' | 'findings'>): PatternLink[] {
  const patterns = loadAttackPatterns();
  linkMemo ??= new Map(patterns.map((p) => [p.slug, { slug: p.slug, name: p.data.name, summary: p.data.summary, href: attackHref(p.slug) }]));
  const links = linkMemo;
  return matchPatterns(verdict, patterns.map((p) => ({ slug: p.slug, pattern: p.data }))).map((slug) => links.get(slug)!);
}

/** One pattern by slug, or undefined. */
export function getAttackPattern(slug: string): LoadedPattern | undefined {
  return loadAttackPatterns().find((p) => p.slug === slug);
}

/** One case by slug, or undefined. */
export function getAttackCase(slug: string): LoadedCase | undefined {
  return loadAttackCases().find((c) => c.slug === slug);
}
