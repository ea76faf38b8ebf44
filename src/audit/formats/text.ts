// Making untrusted server text safe for a terminal or Markdown, in one place for every report format.
import { terminalSafe as safeForTerminal } from '../../core/terminal.ts';

/** Newlines folded, capped at `max` characters, then every control, escape and invisible character shown as an escape. */
export function terminalSafe(text: string, max = 120): string {
  const line = text.replace(/\r?\n/g, ' ');
  const capped = [...line].length > max ? [...line].slice(0, max).join('') + '…' : line;
  return safeForTerminal(capped);
}

/** Terminal-safe, then every Markdown metacharacter backslash-escaped, so server text cannot add links, HTML or table cells. */
export function markdownSafe(text: string, max = 200): string {
  return terminalSafe(text, max).replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`);
}
