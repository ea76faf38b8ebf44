// Making untrusted server text safe for a terminal or Markdown, in one place for every report format.
import { visible } from '../../core/classify/poison/check.ts';

/** Control, escape, bidi and invisible characters shown as \u{…}; newlines folded; capped. */
export function terminalSafe(text: string, max = 120): string {
  return visible(text.replace(/\r?\n/g, ' '), max).replace(/[\u2028\u2029]/g, ' ');
}

/** Terminal-safe, then every Markdown metacharacter backslash-escaped, so server text cannot add links, HTML or table cells. */
export function markdownSafe(text: string, max = 200): string {
  return terminalSafe(text, max).replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`);
}
