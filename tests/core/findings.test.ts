// The explanations catalogue: one entry per code, one formatter for CLI, site and tests.
import { describe, expect, it } from 'vitest';
import { FINDINGS, findingInfo, formatFinding } from '../../src/core/findings/index.ts';
import { FINDING_INFO } from '../../src/core/classify/index.ts';
import { POISON_INFO } from '../../src/core/classify/poison/index.ts';
import { SCAN_FINDING_INFO } from '../../src/core/schemas/scan-findings.ts';
import { checkPolicy } from '../../src/core/policy/index.ts';

describe('findings catalogue', () => {
  it('has one entry per code, every code SCREAMING_SNAKE, every entry worded', () => {
    expect(new Set(FINDINGS.map((f) => f.code)).size).toBe(FINDINGS.length);
    for (const f of FINDINGS) {
      expect(f.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(f.title.length, f.code).toBeGreaterThan(3);
      expect(f.explanation.length, f.code).toBeGreaterThan(20);
    }
  });

  it('is where the classifier and scanner tables come from', () => {
    for (const c of POISON_INFO) expect(findingInfo(c.code)?.source).toBe('classifier');
    for (const [code, info] of Object.entries(FINDING_INFO)) expect(info.title).toBe(findingInfo(code)?.title);
    for (const [code, info] of Object.entries(SCAN_FINDING_INFO))
      expect(info.description).toBe(findingInfo(code)?.explanation);
  });

  it('formats a stored finding, a finding with args only, and an unknown code', () => {
    const stored = formatFinding({
      code: 'STDOUT_NOISE',
      severity: 'info',
      message: 'The server wrote 3 non-protocol lines to stdout; they were ignored.',
    });
    expect(stored.text).toBe(
      'info STDOUT_NOISE: Non-protocol output on stdout. The server wrote 3 non-protocol lines to stdout; they were ignored.',
    );
    expect(stored.fix).toMatch(/stderr/);
    expect(formatFinding({ code: 'STDOUT_NOISE', severity: 'info', args: { lines: 3 } }).message).toBe(stored.message);
    expect(formatFinding({ code: 'TOOL_NAME_DUPLICATE', severity: 'error', tool: 'x' }).text).toMatch(
      /^error TOOL_NAME_DUPLICATE \[x\]: Duplicate tool name\. Two tools share/,
    );
    expect(formatFinding({ code: 'NOT_A_CODE', severity: 'warning' }).title).toBe('NOT_A_CODE');
  });

  it('knows every policy check error code it can produce', () => {
    const r = checkPolicy({
      version: 2,
      default: 'x',
      hide: 'a',
      extra: 1,
      tools: {
        a: {
          limits: [{ counter: '', window: 60, max: 0, scope: 'u' }],
          deny_if: [{ conditions: [{ path: 'x', op: '==', value: 1 }] }],
        },
      },
    });
    expect(r.errors.length).toBeGreaterThan(7);
    for (const e of r.errors) expect(findingInfo(e.code)?.source, e.code).toBe('policy-check');
  });
});
