// The explanations catalogue: every finding and error code → title, explanation, fix, and the one formatter that turns
// a finding ({code, severity, tool?, args, message?}) into prose for the CLI, the site and tests.
import type { Severity } from '../schemas/finding.ts';
import { AUDIT_FINDINGS } from './audit.ts';
import { CLASSIFIER_FINDINGS } from './classifier.ts';
import { POLICY_CHECK_FINDINGS } from './policy-check.ts';
import { SCANNER_FINDINGS } from './scanner.ts';
import type { FindingInfo } from './types.ts';

export type { FindingInfo, FindingSource } from './types.ts';
export type { PolicyErrorCode } from './policy-check.ts';

/** Every code, sorted by code. */
export const FINDINGS: readonly FindingInfo[] = [
  ...SCANNER_FINDINGS,
  ...CLASSIFIER_FINDINGS,
  ...POLICY_CHECK_FINDINGS,
  ...AUDIT_FINDINGS,
].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

const BY_CODE = new Map(FINDINGS.map((f) => [f.code, f]));
if (BY_CODE.size !== FINDINGS.length)
  throw new Error('Two finding catalogue entries share a code; codes are unique and permanent.');

/** The catalogue entry for a code, or undefined for a code nobody registered. */
export function findingInfo(code: string): FindingInfo | undefined {
  return BY_CODE.get(code);
}

/** Title and explanation by code (the shape pages and older callers use). */
export function findingInfoRecord(
  source?: FindingInfo['source'],
): Record<string, { title: string; description: string }> {
  return Object.fromEntries(
    FINDINGS.filter((f) => source === undefined || f.source === source).map((f) => [
      f.code,
      { title: f.title, description: f.explanation },
    ]),
  );
}

/** A finding as data; message is the instance sentence the emitter stored (older snapshots always carry one). */
export interface FindingData {
  code: string;
  severity: Severity;
  tool?: string;
  message?: string;
  args?: Record<string, unknown>;
}

export interface FormattedFinding {
  code: string;
  severity: Severity;
  title: string;
  /** The instance sentence: the stored message, else one built from args, else the explanation. */
  message: string;
  explanation: string;
  fix?: string;
}

/** One finding in words. The one formatter: the CLI prints `text`, the site renders the parts, tests compare either. */
export function formatFinding(f: FindingData): FormattedFinding & { text: string } {
  const info = findingInfo(f.code);
  const message =
    f.message?.trim() || (info?.message && f.args ? info.message(f.args) : '') || info?.explanation || f.code;
  const title = info?.title ?? f.code;
  const where = f.tool === undefined ? '' : ` [${f.tool}]`;
  return {
    code: f.code,
    severity: f.severity,
    title,
    message,
    explanation: info?.explanation ?? '',
    ...(info?.fix !== undefined ? { fix: info.fix } : {}),
    text: `${f.severity} ${f.code}${where}: ${title}. ${message}`,
  };
}
