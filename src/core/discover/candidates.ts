// Candidate packages for discovery: read from the candidate lists (TSV), split into shards, given stable server ids.
import { slugify } from '../names.ts';
import type { PackageRegistry } from '../schemas/outcome.ts';

/** One package to try. */
export interface Candidate {
  registry: PackageRegistry;
  /** Package name as published. */
  package: string;
  /** Exact version to try. */
  version: string;
  /** Where it came from: the candidate list's file name, or "mcp-registry". */
  origin: string;
  /** One-line summary from the index (untrusted). */
  summary?: string;
  /** PyPI: the month of the release (YYYY-MM), used to resolve dependencies as of then. */
  released?: string;
  /** MCP Registry entry data, when the candidate came from there. */
  registryEntry?: { name: string; version?: string; publishedAt?: string; updatedAt?: string };
  /** Arguments and env declared by a server.json (MCP Registry). */
  declared?: { args: string[]; envNames: string[]; env: Record<string, string> };
}

export class CandidateListError extends Error {}

/** The registry a candidate list holds, from its header row. */
function registryOf(header: string[], file: string): PackageRegistry {
  if (header[0] !== 'package' || header[1] !== 'version') {
    throw new CandidateListError(
      `${file}: the first row must be a header starting "package<TAB>version"; got "${header.slice(0, 3).join('\t')}".`,
    );
  }
  return header.includes('last_release') ? 'pypi' : 'npm';
}

/** Parses one candidate list (npm.tsv: package, version, downloads, summary; pypi.tsv: package, version, last_release, rank, summary). */
export function parseCandidateList(text: string, file: string, registryHint?: PackageRegistry): Candidate[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length === 0) return [];
  const header = lines[0]!.split('\t');
  const registry = registryHint ?? registryOf(header, file);
  const column = (name: string) => header.indexOf(name);
  const out: Candidate[] = [];
  for (const [index, line] of lines.slice(1).entries()) {
    const cells = line.split('\t');
    const pkg = cells[0]?.trim();
    const version = cells[1]?.trim();
    if (!pkg || !version)
      throw new CandidateListError(`${file} line ${index + 2}: needs a package name and a version.`);
    const summary = column('summary') >= 0 ? cells[column('summary')]?.trim() : undefined;
    const released = column('last_release') >= 0 ? cells[column('last_release')]?.trim() : undefined;
    out.push({
      registry,
      package: pkg,
      version,
      origin: file,
      ...(summary ? { summary } : {}),
      ...(released && /^\d{4}-\d{2}(-\d{2})?$/.test(released) ? { released } : {}),
    });
  }
  return out;
}

/** PEP 503 normalised PyPI name; npm names are case-sensitive and kept. */
export function normaliseName(registry: PackageRegistry, name: string): string {
  return registry === 'pypi' ? name.toLowerCase().replace(/[-_.]+/g, '-') : name;
}

/** The key that identifies a candidate across lists and runs. */
export function candidateKey(candidate: Pick<Candidate, 'registry' | 'package'>): string {
  return `${candidate.registry}:${normaliseName(candidate.registry, candidate.package)}`;
}

// FNV-1a, 32 bit: tiny, stable across platforms and Node versions, and well spread for short names.
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The shard (0-based) a candidate belongs to among `count` shards: by a hash of its key, so shards are disjoint and complete. */
export function shardOf(candidate: Pick<Candidate, 'registry' | 'package'>, count: number): number {
  return fnv1a(candidateKey(candidate)) % count;
}

/** Parses "i/n" (1-based i) into a 0-based index and a count. */
export function parseShard(text: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count)
    throw new CandidateListError(`--shard expects i/n with 1 <= i <= n, e.g. 2/8; got "${text}".`);
  return { index: index - 1, count };
}

function shortHash(text: string): string {
  return fnv1a(text).toString(16).padStart(8, '0').slice(0, 6);
}

/**
 * Server ids for every candidate, the same in every shard: a package keeps the id its earlier outcome has; otherwise
 * the slug of its name, unless that is reserved (an existing catalogue id) or shared by another candidate, in which
 * case every claimant gets the slug plus a short hash of its key. Order-independent, so shards agree without talking.
 */
export function assignIds(
  candidates: Candidate[],
  reserved: Iterable<string>,
  known: Map<string, string>,
): Map<string, string> {
  const ids = new Map<string, string>();
  const taken = new Set(reserved);
  for (const id of known.values()) taken.add(id);
  const bySlug = new Map<string, string[]>();
  for (const candidate of candidates) {
    const key = candidateKey(candidate);
    if (ids.has(key)) continue;
    const knownId = known.get(key);
    if (knownId) {
      ids.set(key, knownId);
      continue;
    }
    ids.set(key, '');
    const slug = slugify(candidate.package);
    bySlug.set(slug, [...(bySlug.get(slug) ?? []), key]);
  }
  for (const [slug, keys] of bySlug) {
    const clash = keys.length > 1 || taken.has(slug);
    for (const key of keys) {
      const id = clash ? `${slug.slice(0, 72).replace(/-+$/, '')}-${shortHash(key)}` : slug;
      ids.set(key, id);
    }
  }
  return ids;
}

/** Drops repeated candidates (same registry and normalised name), keeping the first. */
export function dedupe(candidates: Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return candidates.filter((candidate) => {
    const key = candidateKey(candidate);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** How likely a candidate is a server, from its name and summary: 0 says "MCP server", 1 says MCP, 2 neither. */
export function likelihood(candidate: Candidate): number {
  const text = `${candidate.package} ${candidate.summary ?? ''}`.toLowerCase();
  const mcp = /mcp|model context protocol/.test(text);
  if (mcp && /server/.test(text)) return 0;
  return mcp ? 1 : 2;
}

/**
 * The order to try candidates in: likely servers first, and within that, each list at the same relative pace (so a run
 * stopped early has covered every list alike). Pure and stable.
 */
export function tryOrder(candidates: Candidate[]): Candidate[] {
  const sizes = new Map<string, number>();
  const position = new Map<Candidate, number>();
  for (const candidate of candidates) {
    const index = sizes.get(candidate.origin) ?? 0;
    position.set(candidate, index);
    sizes.set(candidate.origin, index + 1);
  }
  const pace = (candidate: Candidate) => position.get(candidate)! / sizes.get(candidate.origin)!;
  return candidates
    .map((candidate, index) => ({ candidate, index, score: likelihood(candidate), pace: pace(candidate) }))
    .sort((a, b) => a.score - b.score || a.pace - b.pace || a.index - b.index)
    .map((item) => item.candidate);
}
