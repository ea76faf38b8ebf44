// A small, bounded diff for change history: lines for multi-line text (schemas), words for prose.

export type DiffPart = { op: 'same' | 'add' | 'del'; text: string };

/** Token pairs compared before giving up on a fine diff (the whole text is then shown as replaced). */
export const DIFF_BUDGET = 4_000_000;

function tokens(text: string, byLine: boolean): string[] {
  if (text === '') return [];
  return byLine ? text.split(/(?<=\n)/) : text.split(/(\s+)/).filter((t) => t !== '');
}

function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (last && last.op === p.op) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

/** The edit from old to new as same/del/add parts (longest common subsequence of lines or words). */
export function diffText(oldText: string, newText: string): DiffPart[] {
  const byLine = oldText.includes('\n') || newText.includes('\n');
  const a = tokens(oldText, byLine);
  const b = tokens(newText, byLine);
  // Common prefix and suffix first: most edits are local, and this keeps the table small.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const head: DiffPart[] = start > 0 ? [{ op: 'same', text: a.slice(0, start).join('') }] : [];
  const tail: DiffPart[] = endA < a.length ? [{ op: 'same', text: a.slice(endA).join('') }] : [];
  const x = a.slice(start, endA);
  const y = b.slice(start, endB);
  const n = x.length;
  const m = y.length;
  if (n * m > DIFF_BUDGET) {
    return merge([
      ...head,
      ...(n > 0 ? [{ op: 'del' as const, text: x.join('') }] : []),
      ...(m > 0 ? [{ op: 'add' as const, text: y.join('') }] : []),
      ...tail,
    ]);
  }
  // lcs[i][j]: length of the LCS of x[i..] and y[j..], one flat array.
  const w = m + 1;
  const lcs = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] =
        x[i] === y[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    }
  }
  const middle: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      middle.push({ op: 'same', text: x[i]! });
      i++;
      j++;
    } else if (lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!) {
      middle.push({ op: 'del', text: x[i++]! });
    } else {
      middle.push({ op: 'add', text: y[j++]! });
    }
  }
  while (i < n) middle.push({ op: 'del', text: x[i++]! });
  while (j < m) middle.push({ op: 'add', text: y[j++]! });
  return merge([...head, ...middle, ...tail]);
}
