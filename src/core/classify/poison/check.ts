// The shape of one poisoning check, and a helper for pattern checks that report where and what matched.
import type { Severity } from '../../schemas/finding.ts';
import type { ScanText } from './texts.ts';

/** A poisoning indicator: pure function over the tool's texts. */
export interface PoisonCheck {
  /** Permanent finding code (POISON_…). */
  code: string;
  /** How much it matters. */
  severity: Severity;
  /** Short title for people. */
  title: string;
  /** What it means and why it matters. */
  description: string;
  /** Returns the finding args when it fires, undefined otherwise. */
  check(texts: ScanText[]): Record<string, unknown> | undefined;
  /** When one indicator covers cases of different weight: the severity for these args (default: `severity`). */
  grade?(args: Record<string, unknown>): Severity;
}

/** An indicator over a tool's name alone (tools only: the MCP name grammar does not apply to prompts or resources). */
export interface NameCheck {
  /** Permanent finding code (POISON_…). */
  code: string;
  /** Its highest severity. */
  severity: Severity;
  /** Short title for people. */
  title: string;
  /** What it means and why it matters. */
  description: string;
  /** Returns the finding args and severity when it fires, undefined otherwise. */
  check(name: string): { args: Record<string, unknown>; severity: Severity } | undefined;
}

/** Title and description of every POISON_ code, whatever kind of check emits it. */
export interface PoisonInfo {
  code: string;
  severity: Severity;
  title: string;
  description: string;
}

/** Makes untrusted matched text safe to show in args: visible escapes for control/invisible characters, capped length. */
export function visible(text: string, max = 80): string {
  const capped = text.length > max ? text.slice(0, max) + '…' : text;
  return capped.replace(
    /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]|[\u{e0000}-\u{e007f}]/gu,
    (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`,
  );
}

/** Runs a (non-global, linear-time, lower-case) pattern over every lower-cased text; reports up to 5 matches with their fields. */
export function patternCheck(texts: ScanText[], pattern: RegExp): Record<string, unknown> | undefined {
  const matches: Array<{ field: string; text: string }> = [];
  for (const t of texts) {
    const m = pattern.exec(t.lower);
    if (m) matches.push({ field: t.field, text: visible(m[0]) });
    if (matches.length >= 5) break;
  }
  return matches.length > 0 ? { matches } : undefined;
}
