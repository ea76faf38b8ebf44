// One-line progress bar for CLIs on a TTY: bar, done/total, and what is running now.

/** Renders `[####----] 3/8 a, b` cut to `columns - 1` characters (no control codes; the caller redraws the line). */
export function renderProgress(
  done: number,
  total: number,
  running: Iterable<string>,
  columns = 100,
  width = 24,
): string {
  const safeTotal = Math.max(1, total);
  const filled = Math.min(width, Math.round((done / safeTotal) * width));
  const current = [...running].join(', ');
  const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}${current ? ` ${current}` : ''}`;
  return line.slice(0, Math.max(10, columns - 1));
}
