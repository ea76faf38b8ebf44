// The site's only reader of disk and environment: snapshots, attack frontmatter and the other content folders are read
// and validated here once per build; everything else in src/site is computed from what this returns.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { z } from 'zod';
import { SnapshotSchema } from '../core/schemas/snapshot.ts';
import type { Snapshot } from '../core/schemas/snapshot.ts';
import { OutcomeSchema } from '../core/schemas/outcome.ts';
import { HistoryRecordSchema } from '../core/schemas/history.ts';
import type { HistoryRecord } from '../core/schemas/history.ts';
import type { Outcome } from '../core/schemas/outcome.ts';
import { AttackCaseSchema, AttackPatternSchema, AttackSlugSchema } from '../core/schemas/attack.ts';
import { splitFrontmatter } from './attacks.ts';
import type { LoadedCase, LoadedPattern } from './attacks.ts';
import { buildCatalog, classifiable } from './catalog.ts';
import type { Verdict } from '../core/schemas/verdict.ts';
import { classify } from '../core/classify/index.ts';
import type { Catalog } from './catalog.ts';
import { coverageModel } from './coverage.ts';
import { historyIndex } from './history.ts';
import type { HistoryIndex } from './history.ts';
import type { CoverageModel } from './coverage.ts';
import { sitemapChunks, sitemapPaths } from './sitemap.ts';

/** Where snapshots are read from: TOOLGATE_CONTENT_DIR (tests, bench) or ./content. */
export function contentDir(): string {
  return resolve(process.env.TOOLGATE_CONTENT_DIR ?? 'content');
}

/** Where attack content lives; editorial content, so it does not follow TOOLGATE_CONTENT_DIR (benchmarks keep the real attacks). */
export function attacksDir(): string {
  return resolve(process.env.TOOLGATE_ATTACKS_DIR ?? join(process.cwd(), 'content', 'attacks'));
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 10)
    .map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('\n');
}

/** What a content folder of JSON files holds, for the loader's messages. */
interface JsonDirKind<S extends z.ZodType> {
  schema: S;
  /** "snapshot": the noun in "not a valid snapshot". */
  noun: string;
  /** Where the schema is defined, named in the message. */
  schemaAt: string;
  /** Who writes these files and what to do about a file that is not JSON. */
  notJson: string;
  /** What to do about a file that fails the schema. */
  invalid: string;
}

/** Reads and validates every *.json of a folder, sorted by name; a bad file stops the build with a message naming it. */
function loadJsonDir<S extends z.ZodType>(
  dir: string,
  kind: JsonDirKind<S>,
): Array<{ file: string; data: z.infer<S> }> {
  if (!existsSync(dir)) return [];
  const out: Array<{ file: string; data: z.infer<S> }> = [];
  for (const file of readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const path = join(dir, file);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`${path}: not valid JSON (${(error as Error).message}). ${kind.notJson}`);
    }
    const parsed = kind.schema.safeParse(json);
    if (!parsed.success) {
      throw new Error(
        `${path}: not a valid ${kind.noun} (${kind.schemaAt}):\n${describeIssues(parsed.error)}\n${kind.invalid}`,
      );
    }
    out.push({ file, data: parsed.data });
  }
  return out;
}

/** Reads and validates every content/servers/*.json; a bad file stops the build with a message naming it. */
export function loadSnapshots(dir: string = join(contentDir(), 'servers')): Snapshot[] {
  return loadJsonDir(dir, {
    schema: SnapshotSchema,
    noun: 'snapshot',
    schemaAt: 'SnapshotSchema in src/core/schemas/snapshot.ts',
    notJson: 'Snapshots are written by the scanner; re-run `npm run scan` for this server or fix the file.',
    invalid: 'Re-run the scanner for this server or fix these fields.',
  }).map(({ file, data }) => {
    const id = file.slice(0, -'.json'.length);
    if (data.id !== id) {
      throw new Error(
        `${join(dir, file)}: the snapshot id "${data.id}" differs from the file name "${id}". The file name is the id; rename the file or fix "id".`,
      );
    }
    return data;
  });
}

/** Reads and validates every content/outcomes/*.json (discovery's record of each candidate it tried); none is fine. */
export function loadOutcomes(dir: string = join(contentDir(), 'outcomes')): Outcome[] {
  return loadJsonDir(dir, {
    schema: OutcomeSchema,
    noun: 'outcome',
    schemaAt: 'OutcomeSchema in src/core/schemas/outcome.ts',
    notJson: 'Outcomes are written by `npm run catalog:discover`; re-run it for this candidate or fix the file.',
    invalid: 'Re-run discovery for this candidate or fix these fields.',
  }).map(({ data }) => data);
}

/** Reads and validates every content/history/*.jsonl (one change record per line); none is fine. */
export function loadHistory(dir: string = join(contentDir(), 'history')): HistoryRecord[] {
  if (!existsSync(dir)) return [];
  const out: HistoryRecord[] = [];
  for (const file of readdirSync(dir)
    .filter((n) => n.endsWith('.jsonl'))
    .sort()) {
    const path = join(dir, file);
    const id = file.slice(0, -'.jsonl'.length);
    readFileSync(path, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (line.trim() === '') return;
        let json: unknown;
        try {
          json = JSON.parse(line);
        } catch (error) {
          throw new Error(
            `${path}:${i + 1}: not valid JSON (${(error as Error).message}). History lines are appended by the scanner; remove or fix the line.`,
          );
        }
        const parsed = HistoryRecordSchema.safeParse(json);
        if (!parsed.success)
          throw new Error(
            `${path}:${i + 1}: not a valid history record (HistoryRecordSchema in src/core/schemas/history.ts):\n${describeIssues(parsed.error)}`,
          );
        if (parsed.data.server !== id)
          throw new Error(
            `${path}:${i + 1}: the record is for server "${parsed.data.server}" but the file is ${file}; move the line to content/history/${parsed.data.server}.jsonl.`,
          );
        out.push(parsed.data);
      });
  }
  return out;
}

let historyMemo: { dir: string; records: HistoryRecord[] } | undefined;

/** Every history record, read once per build. */
export function getHistory(): HistoryRecord[] {
  const dir = join(contentDir(), 'history');
  if (historyMemo?.dir !== dir) historyMemo = { dir, records: loadHistory(dir) };
  return historyMemo.records;
}

let outcomesMemo: { dir: string; outcomes: Outcome[] } | undefined;

/** The outcomes, read once per build. */
export function getOutcomes(): Outcome[] {
  const dir = join(contentDir(), 'outcomes');
  if (outcomesMemo?.dir !== dir) outcomesMemo = { dir, outcomes: loadOutcomes(dir) };
  return outcomesMemo.outcomes;
}

let outcomeIndex: { outcomes: Outcome[]; byId: Map<string, Outcome> } | undefined;

/** The discovery outcome recorded for a server id, if any (its package metadata links). */
export function getOutcome(id: string): Outcome | undefined {
  const outcomes = getOutcomes();
  if (outcomeIndex?.outcomes !== outcomes) outcomeIndex = { outcomes, byId: new Map(outcomes.map((o) => [o.id, o])) };
  return outcomeIndex.byId.get(id);
}

let historyIndexMemo: { records: HistoryRecord[]; catalog: Catalog; index: HistoryIndex } | undefined;

/** The change history indexed against the catalogue, once per build. */
export function getHistoryIndex(): HistoryIndex {
  const records = getHistory();
  const catalog = getCatalog();
  if (historyIndexMemo?.records !== records || historyIndexMemo.catalog !== catalog)
    historyIndexMemo = { records, catalog, index: historyIndex(records, catalog) };
  return historyIndexMemo.index;
}

let coverageMemo: { outcomes: Outcome[]; model: CoverageModel } | undefined;

/** The coverage model, computed once per build from the outcomes. */
export function getCoverage(): CoverageModel {
  const outcomes = getOutcomes();
  if (coverageMemo?.outcomes !== outcomes) coverageMemo = { outcomes, model: coverageModel(outcomes) };
  return coverageMemo.model;
}

function loadAttackDir<S extends z.ZodType>(
  sub: 'patterns' | 'cases',
  schema: S,
): Array<{ slug: string; data: z.infer<S>; file: string }> {
  const dir = join(attacksDir(), sub);
  if (!existsSync(dir)) return [];
  const out: Array<{ slug: string; data: z.infer<S>; file: string }> = [];
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.mdx'))
    .sort()) {
    const file = join(dir, name);
    const slug = name.slice(0, -'.mdx'.length);
    if (!AttackSlugSchema.safeParse(slug).success) {
      throw new Error(
        `${file}: the file name "${slug}" is not a valid attack slug (lower-case words joined by "-"); rename the file.`,
      );
    }
    const { frontmatter } = splitFrontmatter(readFileSync(file, 'utf8'), file);
    const parsed = schema.safeParse(frontmatter);
    if (!parsed.success) {
      throw new Error(
        `${file}: the frontmatter does not match the ${sub === 'patterns' ? 'AttackPatternSchema' : 'AttackCaseSchema'} in src/core/schemas/attack.ts:\n${describeIssues(parsed.error)}\nFix these fields.`,
      );
    }
    out.push({ slug, data: parsed.data, file });
  }
  return out;
}

/** The root-relative module id ("/content/attacks/…/x.mdx") under which Vite's import.meta.glob knows an attack file. */
export function attackBodyKey(file: string): string {
  return `/${relative(process.cwd(), file).split(sep).join('/')}`;
}

let patternsMemo: LoadedPattern[] | undefined;
let casesMemo: LoadedCase[] | undefined;

/** All attack patterns, sorted by slug; read once per process. */
export function loadAttackPatterns(): LoadedPattern[] {
  patternsMemo ??= loadAttackDir('patterns', AttackPatternSchema);
  return patternsMemo;
}

/** All attack cases, sorted by slug; read once per process. */
export function loadAttackCases(): LoadedCase[] {
  casesMemo ??= loadAttackDir('cases', AttackCaseSchema);
  return casesMemo;
}

/** Forget memoized content (tests that point TOOLGATE_ATTACKS_DIR or TOOLGATE_CONTENT_DIR elsewhere). */
export function resetContentCache(): void {
  patternsMemo = undefined;
  casesMemo = undefined;
  memo = undefined;
  memoDir = undefined;
  sitemapMemo = undefined;
  outcomesMemo = undefined;
  historyMemo = undefined;
}

let memo: Catalog | undefined;
let memoDir: string | undefined;

/** The catalogue, built once per process from contentDir() (rebuilt only if TOOLGATE_CONTENT_DIR changes, as in tests). */
export function getCatalog(): Catalog {
  const dir = contentDir();
  if (memo === undefined || memoDir !== dir) {
    memo = buildCatalog(loadSnapshots(join(dir, 'servers')), loadAttackPatterns());
    memoDir = dir;
  }
  return memo;
}

/** Share of the tools the classifying worker takes at the build's start (it also pays for starting a thread). */
const WORKER_SHARE = 0.5;

/**
 * The catalogue, as getCatalog() builds it, with its tools classified on two threads: a worker thread classifies the
 * first servers (about half the tools) while this one classifies the rest. The build's start awaits it (the machine's
 * other core is otherwise idle then); getCatalog() afterwards returns the same catalogue. classify() is pure, so the
 * catalogue is the one getCatalog() would build alone. `workerShare`: the share of the tools sent to the worker (it
 * takes whole servers, first to last, until it has at least that share).
 */
export async function loadCatalog(workerShare: number = WORKER_SHARE): Promise<Catalog> {
  const dir = contentDir();
  if (memo !== undefined && memoDir === dir) return memo;
  // Started first, so the thread loads its modules while the snapshots are read.
  const worker = new Worker(new URL('./classify-worker.ts', import.meta.url));
  try {
    const snapshots = loadSnapshots(join(dir, 'servers'));
    const total = snapshots.reduce((n, s) => n + s.tools.length, 0);
    let cut = 0;
    for (let taken = 0; cut < snapshots.length && taken < total * workerShare; cut += 1)
      taken += snapshots[cut]!.tools.length;
    const theirs = snapshots.slice(0, cut);
    const answer = new Promise<Verdict[][]>((done, fail) => {
      worker.once('message', done);
      worker.once('error', fail);
      worker.once('exit', (code) =>
        fail(new Error(`The classifying worker thread stopped (exit code ${code}) before answering.`)),
      );
    });
    // Awaited below only when the work was sent; a thread ended unasked must not be an unhandled rejection.
    answer.catch(() => undefined);
    const verdicts = new Map<string, readonly Verdict[]>();
    let sent = true;
    try {
      worker.postMessage(theirs.map((s) => s.tools.map(classifiable)));
    } catch {
      // A schema nested deeper than structured cloning allows (the scanner keeps up to 10,000 levels): this thread
      // classifies those servers too, as getCatalog() would.
      sent = false;
      cut = 0;
    }
    for (const s of snapshots.slice(cut))
      verdicts.set(
        s.id,
        s.tools.map((t) => classify(classifiable(t))),
      );
    if (sent) {
      const remote = await answer;
      theirs.forEach((s, i) => verdicts.set(s.id, remote[i]!));
    }
    memo = buildCatalog(snapshots, loadAttackPatterns(), verdicts);
    memoDir = dir;
    return memo;
  } catch (error) {
    throw new Error(
      `Classifying the catalogue in ${dir} failed: ${error instanceof Error ? error.message : String(error)}. The build log above says more; run the tests (npm test) to find the failing part.`,
    );
  } finally {
    await worker.terminate();
  }
}

let sitemapMemo: string[][] | undefined;

/** The sitemap files' paths, computed once per build from the catalogue and the attack database. */
export function getSitemapChunks(): string[][] {
  sitemapMemo ??= sitemapChunks(sitemapPaths(getCatalog(), loadAttackPatterns(), loadAttackCases(), getCoverage()));
  return sitemapMemo;
}
