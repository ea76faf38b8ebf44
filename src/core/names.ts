// Names and slugs, one grammar for the scanner (server ids, file names) and the site (URL segments of servers and
// tools).
import { createHash } from 'node:crypto';
import { POLICY_FORMATS } from './policy/formats/index.ts';

/** Longest server id slugify produces; also the longest plain tool slug. */
export const MAX_SLUG_LENGTH = 80;
/** Longest word part of a hashed tool slug (the hash follows it). */
const HASHED_WORDS_LENGTH = 48;

/**
 * Lower-case ASCII words joined by "-": accents stripped (NFKD, combining marks dropped, so "Café Über" → "cafe-uber"),
 * every other run of characters one "-", at most maxLength characters, never empty (the fallback instead).
 * A safe file name and URL segment. Server ids and tool slugs both come from here.
 */
export function slugify(text: string, options: { maxLength?: number; fallback?: string } = {}): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, options.maxLength ?? MAX_SLUG_LENGTH)
    .replace(/-+$/g, '');
  return slug || (options.fallback ?? 'server');
}

// Files that live beside tool folders in /servers/<id>/ (the policy files of every registered format); a tool with one
// of these names must not shadow them.
const RESERVED = new Set([...POLICY_FORMATS.map((f) => f.fileName.toLowerCase()), 'index.html', 'index.htm']);

const PLAIN = /^[a-z0-9][a-z0-9._-]*$/;
// page.<n> beside tool folders is the n-th page of the server's tool table.
const PAGE = /^page\.\d+$/;

/** First 8 hex digits of sha256 over the exact name: short, stable, and different for case twins. */
export function shortHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 8);
}

/** The lower-cased name when it is already a safe URL segment, else undefined. */
export function plainSlug(name: string): string | undefined {
  const lower = name.toLowerCase();
  // toLowerCase can change length or produce non-ASCII (e.g. "İ"); PLAIN rejects anything outside [a-z0-9._-].
  if (lower.length === 0 || lower.length > MAX_SLUG_LENGTH) return undefined;
  if (!PLAIN.test(lower) || RESERVED.has(lower) || PAGE.test(lower) || lower.endsWith('.')) return undefined;
  return lower;
}

/** The name's slugified words plus a hash of the exact name. */
export function hashedSlug(name: string): string {
  return `${slugify(name, { maxLength: HASHED_WORDS_LENGTH, fallback: 'tool' })}-${shortHash(name)}`;
}

/**
 * Slugs for one server's tools, in listing order. A name whose lower case is URL-safe keeps it; when several tools
 * share that lower case, the one spelled exactly so (else the first) keeps it and the others get a hashed slug; exact
 * duplicates get "-2", "-3" in listing order. Deterministic for the same list.
 */
export function assignSlugs(names: readonly string[]): string[] {
  const slugs: Array<string | undefined> = new Array(names.length);
  const taken = new Set<string>();
  const byPlain = new Map<string, number[]>();
  names.forEach((name, i) => {
    const plain = plainSlug(name);
    if (plain === undefined) return;
    const group = byPlain.get(plain);
    if (group) group.push(i);
    else byPlain.set(plain, [i]);
  });
  // Pass 1: the owner of each plain slug.
  for (const [plain, group] of byPlain) {
    const owner = group.find((i) => names[i] === plain) ?? group[0]!;
    slugs[owner] = plain;
    taken.add(plain);
  }
  // Pass 2: everyone else gets a hashed slug; repeats of an exact name get a counter.
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    if (slugs[i] !== undefined) return;
    const candidate = hashedSlug(name);
    let n = (seen.get(candidate) ?? 0) + 1;
    seen.set(candidate, n);
    let slug = n === 1 ? candidate : `${candidate}-${n}`;
    while (taken.has(slug)) {
      n += 1;
      seen.set(candidate, n);
      slug = `${candidate}-${n}`;
    }
    slugs[i] = slug;
    taken.add(slug);
  });
  return slugs as string[];
}

/** True when the slug is one folder name that cannot climb out of, or shadow files in, its parent. */
export function isSafeSlug(slug: string): boolean {
  return (
    slug.length > 0 &&
    slug.length <= MAX_SLUG_LENGTH + 16 &&
    PLAIN.test(slug) &&
    !RESERVED.has(slug) &&
    !PAGE.test(slug) &&
    !slug.endsWith('.')
  );
}
