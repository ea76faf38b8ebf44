// A readable line diff of two texts (descriptions split at sentences, schemas as indented JSON), bounded for hostile
// sizes.
import { canonicalJson } from '../core/hash.ts';
import { visible } from '../core/classify/poison/check.ts';

/** Lines kept around each change. */
const CONTEXT = 2;
/** Above this many cell comparisons the diff is shown as "all removed, all added". */
const MAX_CELLS = 4_000_000;
/** Longest line shown; longer lines end in "…". */
const MAX_LINE = 400;
/** Most diff lines shown per field. */
const MAX_LINES = 200;

/** Prose split into lines at newlines and sentence ends, so a changed sentence shows as one changed line. */
export function proseLines(text: string): string[] {
  return text
    .split(/\r?\n|(?<=[.!?])\s+(?=\S)/)
    .filter((line, index, all) => line !== '' || (index > 0 && index < all.length - 1));
}

/** Any JSON value as sorted, indented lines. */
export function jsonLines(value: unknown): string[] {
  return value === undefined ? [] : canonicalJson(value, 2).split('\n');
}

/** Unified-style diff lines ("- ", "+ ", "  ", and "  …" between hunks); empty when equal. */
export function diffLines(before: string[], after: string[]): string[] {
  const n = before.length;
  const m = after.length;
  const ops: Array<[' ' | '-' | '+', string]> = [];
  if (n * m > MAX_CELLS) {
    for (const line of before) ops.push(['-', line]);
    for (const line of after) ops.push(['+', line]);
  } else {
    // Longest common subsequence table from the end, then one forward walk.
    const table: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        table[i]![j] =
          before[i] === after[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && before[i] === after[j]) {
        ops.push([' ', before[i]!]);
        i++;
        j++;
      } else if (i < n && (j === m || table[i + 1]![j]! >= table[i]![j + 1]!)) {
        // Removals before additions, as unified diffs show them.
        ops.push(['-', before[i]!]);
        i++;
      } else {
        ops.push(['+', after[j]!]);
        j++;
      }
    }
  }
  if (!ops.some(([op]) => op !== ' ')) return [];
  const keep = ops.map(
    ([op], index) =>
      op !== ' ' || ops.slice(Math.max(0, index - CONTEXT), index + CONTEXT + 1).some(([near]) => near !== ' '),
  );
  const out: string[] = [];
  let skipped = false;
  ops.forEach(([op, line], index) => {
    if (!keep[index]) {
      skipped = true;
      return;
    }
    if (skipped && out.length > 0) out.push('  …');
    skipped = false;
    out.push(`${op} ${visible(line, MAX_LINE)}`);
  });
  if (out.length > MAX_LINES) return [...out.slice(0, MAX_LINES), `  … ${out.length - MAX_LINES} more lines`];
  return out;
}
