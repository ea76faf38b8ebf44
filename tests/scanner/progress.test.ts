// The TTY progress line: bar proportional to done/total, current servers, never wider than the terminal.
import { describe, expect, it } from 'vitest';
import { renderProgress } from '../../src/cli/progress.ts';

describe('renderProgress', () => {
  it('shows the bar, the count and the running servers', () => {
    expect(renderProgress(0, 4, [], 100, 8)).toBe('[--------] 0/4');
    expect(renderProgress(2, 4, ['alpha', 'beta'], 100, 8)).toBe('[####----] 2/4 alpha, beta');
    expect(renderProgress(4, 4, [], 100, 8)).toBe('[########] 4/4');
  });

  it('fits the terminal width', () => {
    const line = renderProgress(
      1,
      70,
      Array.from({ length: 40 }, (_, i) => `server-${i}`),
      60,
    );
    expect(line.length).toBe(59);
    expect(line.startsWith('[')).toBe(true);
  });
});
