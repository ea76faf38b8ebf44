// Confidence as a measured probability: verdicts are grouped by how they were reached (a calibration key), and each
// group's rate of agreeing with authors' annotations (measured leave-one-server-out) is the confidence shown. Pure: fit
// and look up.
import type { Category } from '../schemas/verdict.ts';
import type { Combined } from './combine.ts';

/** The committed table (calibration.json): the probability of being right per key prefix, fitted by fitCalibration. */
export interface CalibrationTable {
  /** What the file is and how to regenerate it. */
  about: string;
  /** Pseudo-count pulling a small group towards its parent group's rate. */
  prior: number;
  /** Rate over every verdict. */
  global: number;
  /** Rate per key prefix ("write", "write:VERB", "write:VERB:w3:agree"): the longest known prefix of a key is used. */
  rates: Record<string, number>;
  /** Verdicts behind each rate (for readers; lookups do not use it). */
  counts: Record<string, number>;
}

/** How a verdict was reached, coarse to fine: category, the step that set it, the verb weight and agreement, what raised it. */
export function calibrationKey(category: Category, combined: Combined, modifiers: readonly string[]): string[] {
  const step = combined.decidedBy ?? 'NONE';
  const agree = combined.lighterAgrees === undefined ? 'alone' : combined.lighterAgrees ? 'agree' : 'disagree';
  const exec = modifiers.find((m) => m.startsWith('execution:'))?.slice('execution:'.length) ?? 'none';
  return [category, step, `w${Math.min(4, combined.verbWeight)}`, agree, `x${exec}`];
}

/** The prefixes of a key, coarse to fine, joined with ":". */
export function prefixes(key: readonly string[]): string[] {
  return key.map((_, i) => key.slice(0, i + 1).join(':'));
}

/** The probability of being right for a key: the rate of its longest prefix in the table, else the global rate. */
export function lookupCalibration(table: CalibrationTable, key: readonly string[]): number {
  let p = table.global;
  for (const k of prefixes(key)) {
    const r = table.rates[k];
    if (r === undefined) break;
    p = r;
  }
  return p;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** Per-prefix tallies of verdicts and of right ones; tallies add and subtract, so leave-one-server-out refits are cheap. */
export interface CalibrationCounts {
  n: Map<string, number>;
  right: Map<string, number>;
  total: number;
  totalRight: number;
}

/** Tallies rows (optionally with a sign, to remove one server's rows from a whole-catalogue tally). */
export function countCalibration(
  rows: ReadonlyArray<{ key: readonly string[]; correct: boolean }>,
  into?: CalibrationCounts,
  sign = 1,
): CalibrationCounts {
  const c: CalibrationCounts = into ?? { n: new Map(), right: new Map(), total: 0, totalRight: 0 };
  for (const r of rows) {
    c.total += sign;
    if (r.correct) c.totalRight += sign;
    for (const p of prefixes(r.key)) {
      c.n.set(p, (c.n.get(p) ?? 0) + sign);
      if (r.correct) c.right.set(p, (c.right.get(p) ?? 0) + sign);
    }
  }
  return c;
}

/** A copy of a tally (to subtract from without changing the original). */
export function copyCounts(c: CalibrationCounts): CalibrationCounts {
  return { n: new Map(c.n), right: new Map(c.right), total: c.total, totalRight: c.totalRight };
}

/**
 * Fits a table from tallies: each prefix's rate is (right + prior × parent rate) / (n + prior), so a small group leans
 * on the group above it (the global rate for a category). Deterministic (keys sorted).
 */
export function fitFromCounts(c: CalibrationCounts, prior = 8, about = ''): CalibrationTable {
  const global = (c.totalRight + 1) / (c.total + 2);
  const exact = new Map<string, number>();
  const keys = [...c.n.keys()].filter((k) => c.n.get(k)! > 0);
  // Parents before children: shorter prefixes first.
  keys.sort((a, b) => a.split(':').length - b.split(':').length || (a < b ? -1 : a > b ? 1 : 0));
  for (const key of keys) {
    const parts = key.split(':');
    const parent = parts.length === 1 ? global : (exact.get(parts.slice(0, -1).join(':')) ?? global);
    exact.set(key, ((c.right.get(key) ?? 0) + prior * parent) / (c.n.get(key)! + prior));
  }
  const rates: Record<string, number> = {};
  const counts: Record<string, number> = {};
  for (const key of [...exact.keys()].sort()) {
    rates[key] = r3(exact.get(key)!);
    counts[key] = c.n.get(key)!;
  }
  return { about, prior, global: r3(global), rates, counts };
}

/** Fits a table from verdicts known right or wrong. */
export function fitCalibration(
  rows: ReadonlyArray<{ key: readonly string[]; correct: boolean }>,
  prior = 8,
  about = '',
): CalibrationTable {
  return fitFromCounts(countCalibration(rows), prior, about);
}
