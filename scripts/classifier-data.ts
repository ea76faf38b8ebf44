// Loads annotated tools for the classifier's evaluation and calibration: every server file in a folder, each tool
// classified with its annotations hidden and paired with what its author declared. Shared by eval-classifier and
// calibrate-classifier.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  classifyWithKey,
  learnedFeatures,
  learnedFallback,
  learnedRaise,
  RULES,
  trainLearned,
  type ClassifiableTool,
  type LearnedModel,
  type LearnedSample,
  type Rule,
} from '../src/core/classify/index.ts';
import { extractSignals } from '../src/core/classify/signals.ts';
import type { Category, Verdict } from '../src/core/schemas/verdict.ts';

export interface Exception {
  server: string;
  tool: string;
  authorHint: { readOnlyHint?: boolean; destructiveHint?: boolean };
  verdict: Category;
  reason: string;
}

export interface Row {
  server: string;
  tool: string;
  author: {
    readOnly?: boolean;
    destructive?: boolean;
    cls?: Category /** Every hint it sends states the spec default. */;
    defaultsOnly?: boolean;
  };
  ours: Verdict;
  /** How the verdict was reached (the calibration key). */
  key: string[];
  reviewed?: Exception;
}

type RawTool = ClassifiableTool & Record<string, unknown>;

/** Every `*.json` in dir with a `tools` array (snapshots or raw tools/list results), sorted by file name; the id is the file name. */
export function loadServers(dir: string): Array<{ server: string; tools: RawTool[] }> {
  const out: Array<{ server: string; tools: RawTool[] }> = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { tools?: unknown };
    if (!Array.isArray(data.tools)) continue;
    out.push({ server: file.replace(/\.json$/, ''), tools: data.tools as RawTool[] });
  }
  return out;
}

/** Classifies one server's tools with annotations hidden and pairs each verdict with what its author declared. */
/** What a tool's author declared: its explicit hints, the category they make, and whether they are all spec defaults. */
export function authorOf(annotations: unknown): Row['author'] {
  const a = (typeof annotations === 'object' && annotations !== null ? annotations : {}) as Record<string, unknown>;
  const readOnly = typeof a['readOnlyHint'] === 'boolean' ? (a['readOnlyHint'] as boolean) : undefined;
  const destructive = typeof a['destructiveHint'] === 'boolean' ? (a['destructiveHint'] as boolean) : undefined;
  const cls: Category | undefined =
    readOnly === undefined ? undefined : readOnly ? 'read' : destructive === false ? 'write' : 'destructive';
  const defaultsOnly =
    readOnly === false &&
    a['destructiveHint'] !== false &&
    a['idempotentHint'] !== true &&
    a['openWorldHint'] !== false;
  return { readOnly, destructive, cls, defaultsOnly };
}

/** Classifies one server's tools with annotations hidden and pairs each verdict with what its author declared. */
export function rowsOf(
  server: string,
  tools: RawTool[],
  exceptions: readonly Exception[] = [],
  rules?: readonly Rule[],
): Row[] {
  return tools.map((tool) => {
    const { annotations, ...hidden } = tool;
    const { verdict: ours, key } = classifyWithKey(hidden, {
      ignoreAnnotations: true,
      ...(rules !== undefined ? { rules } : {}),
    });
    const reviewed = exceptions.find((e) => e.server === server && e.tool === tool.name);
    return {
      server,
      tool: String(tool.name),
      author: authorOf(annotations),
      ours,
      key,
      ...(reviewed ? { reviewed } : {}),
    };
  });
}

// ---------- the learned component: training set, folds, out-of-fold verdicts ----------

/**
 * The learned component's training set: every tool with an explicit readOnlyHint, features from its name, opening and
 * parameters (annotations hidden), labelled by whether its author says it changes state; each server weighs the square
 * root of its size (one big server does not teach its vocabulary), and DEFAULTS_ONLY servers weigh nothing.
 */
export function learnedSamples(
  servers: ReadonlyArray<{ server: string; tools: RawTool[] }>,
): Array<LearnedSample & { server: string }> {
  const labelled = servers.map((s) => ({
    server: s.server,
    tools: s.tools.map((t) => ({ tool: t, author: authorOf(t.annotations) })),
  }));
  const noisy = defaultsOnlyServers(
    labelled.flatMap((s) => s.tools.map((t) => ({ server: s.server, author: t.author }) as Row)),
  );
  const out: Array<LearnedSample & { server: string }> = [];
  for (const s of labelled) {
    const annotated = s.tools.filter((t) => t.author.cls !== undefined);
    for (const { tool, author } of annotated) {
      const { annotations: _hidden, ...hidden } = tool;
      out.push({
        server: s.server,
        x: learnedFeatures(extractSignals(hidden)),
        y: author.cls === 'read' ? 0 : 1,
        w: noisy.has(s.server) ? 0 : 1 / Math.sqrt(annotated.length),
      });
    }
  }
  return out;
}

/** Folds of the grouped cross-validation: FNV-1a of the server id, so a server's fold never depends on the others. */
export const LEARNED_FOLDS = 10;
export function foldOf(server: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < server.length; i++) h = Math.imul(h ^ server.charCodeAt(i), 0x01000193) >>> 0;
  return h % LEARNED_FOLDS;
}

/** RULES with the learned rules (LEARNED_RAISE, LEARNED_FALLBACK) built from another model. */
export function rulesWith(model: LearnedModel): Rule[] {
  return RULES.map((r) =>
    r.code === 'LEARNED_RAISE' ? learnedRaise(model) : r.code === 'LEARNED_FALLBACK' ? learnedFallback(model) : r,
  );
}

/**
 * Rows whose verdicts are out of sample: each server is classified with the learned rule trained on the other folds'
 * servers (grouped 10-fold), so no server is scored by a model that saw its annotations.
 */
export function outOfFoldRows(
  servers: ReadonlyArray<{ server: string; tools: RawTool[] }>,
  exceptions: readonly Exception[] = [],
  rulesByFold = foldRules(servers),
): Row[] {
  return servers.flatMap((s) => rowsOf(s.server, s.tools, exceptions, rulesByFold[foldOf(s.server)]));
}

/**
 * RULES per fold, each with the learned rules trained on the other folds' servers; `threshold` and `lowerThreshold`
 * replace the shipped LEARNED_THRESHOLD and LEARNED_LOWER_THRESHOLD (to measure what others would do, out of sample).
 */
export function foldRules(
  servers: ReadonlyArray<{ server: string; tools: RawTool[] }>,
  threshold?: number,
  lowerThreshold?: number,
): Rule[][] {
  const samples = learnedSamples(servers);
  return Array.from({ length: LEARNED_FOLDS }, (_, k) => {
    const model = trainLearned(samples.filter((x) => foldOf(x.server) !== k));
    return rulesWith({
      ...model,
      ...(threshold !== undefined ? { threshold } : {}),
      ...(lowerThreshold !== undefined ? { lowerThreshold } : {}),
    });
  });
}

/** M3 servers: authors who set destructiveHint explicitly both true and false on tools they declare not read-only. */
export function m3ServersOf(rs: readonly Row[]): Set<string> {
  const byServer = new Map<string, { t: boolean; f: boolean }>();
  for (const r of rs) {
    if (r.author.readOnly !== false) continue;
    const s = byServer.get(r.server) ?? { t: false, f: false };
    if (r.author.destructive === true) s.t = true;
    if (r.author.destructive === false) s.f = true;
    byServer.set(r.server, s);
  }
  return new Set([...byServer].filter(([, s]) => s.t && s.f).map(([server]) => server));
}

/** Fewest annotated tools for DEFAULTS_ONLY to judge a server (one or two writes may truly all be destructive writes). */
export const DEFAULTS_ONLY_MIN_TOOLS = 3;

/**
 * Label-quality filter DEFAULTS_ONLY: a server that sends, on every one of at least DEFAULTS_ONLY_MIN_TOOLS annotated
 * tools, nothing but the spec's defaults (readOnlyHint false, destructiveHint true or unset, idempotentHint false or
 * unset, openWorldHint true or unset) has written its framework's template, not a judgement per tool: its getters and
 * its deletes carry the same label, so its labels say nothing. Names no server; reported beside the raw figures, never
 * instead of them.
 */
export function defaultsOnlyServers(rs: readonly Row[]): Set<string> {
  const by = new Map<string, { n: number; all: boolean }>();
  for (const r of rs) {
    if (r.author.cls === undefined) continue;
    const s = by.get(r.server) ?? { n: 0, all: true };
    s.n++;
    s.all &&= r.author.defaultsOnly === true;
    by.set(r.server, s);
  }
  return new Set([...by].filter(([, s]) => s.all && s.n >= DEFAULTS_ONLY_MIN_TOOLS).map(([server]) => server));
}

export const change = (c: Category) => (c === 'read' ? 'read' : 'change');

/** Whether a verdict is right by the author (raw): three-class on M3 servers, read-vs-change elsewhere. */
export function isRight(r: Row, m3: ReadonlySet<string>): boolean {
  const truth = r.author.cls!;
  return m3.has(r.server) ? truth === r.ours.category : change(truth) === change(r.ours.category);
}

/**
 * What the shown confidence predicts: that the read-vs-change call is right by the author. Three-class truth exists
 * only on the few servers that tell destructive writes apart, and they disagree too much with each other to calibrate
 * against.
 */
export function readVsChangeRight(r: Row): boolean {
  return change(r.author.cls!) === change(r.ours.category);
}

/** Seed of the development/blind split (fixed, so a server never changes side). */
export const SPLIT_SEED = 0x7001_0011;

/**
 * Which side of the fixed development/blind split a server is on: a seeded FNV-1a hash of its id, about a quarter
 * blind. Rules are written looking only at the development side's disagreements; the blind side says whether they
 * generalise.
 */
export function splitOf(server: string): 'dev' | 'blind' {
  let h = SPLIT_SEED >>> 0;
  for (let i = 0; i < server.length; i++) {
    h ^= server.charCodeAt(i);
    h = Math.imul(h, 0x0100_0193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85eb_ca6b) >>> 0;
  h ^= h >>> 13;
  return h % 4 === 0 ? 'blind' : 'dev';
}
