// Untrusted text helpers for pages: make invisible characters visible, cut extreme text, and make one-line summaries.

// Controls, bidi overrides/isolates, zero-width characters, fillers, Unicode tags and variation-selector supplements:
// they can hide instructions or reorder what a reader sees, so pages show them as visible markers instead.
const INVISIBLE =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: the class lists invisible and combining characters one by one, on purpose
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFEFF\uFFA0\uFFF9-\uFFFB\u{E0000}-\u{E007F}\u{E0100}-\u{E01EF}]/gu;

/** Replaces invisible and direction-changing characters with a visible "⟦U+XXXX⟧" marker; keeps tabs and newlines. */
export function revealInvisible(text: string): string {
  return text.replace(INVISIBLE, (ch) => `⟦U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟧`);
}

/** True when the text holds characters revealInvisible would mark. */
export function hasInvisible(text: string): boolean {
  INVISIBLE.lastIndex = 0;
  const found = INVISIBLE.test(text);
  INVISIBLE.lastIndex = 0;
  return found;
}

/** Cuts text to at most `max` UTF-16 units without splitting a surrogate pair. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

export interface Truncated {
  /** The text to show. */
  text: string;
  /** Whether something was cut off. */
  truncated: boolean;
  /** Length of the full text in characters (UTF-16 units). */
  fullLength: number;
}

/** Cuts extreme text for display, saying so; pages print a note when `truncated` is true. */
export function truncate(text: string, max: number): Truncated {
  if (text.length <= max) return { text, truncated: false, fullLength: text.length };
  return { text: cut(text, max), truncated: true, fullLength: text.length };
}

/** One line of at most `max` characters, whitespace collapsed and invisible characters revealed, for meta tags and lists. */
export function oneLine(text: string, max: number): string {
  // Cut generously before the regex work so a megabyte description stays cheap.
  const collapsed = revealInvisible(cut(text, max * 4))
    .replace(/\s+/g, ' ')
    .trim();
  if (collapsed.length <= max) return collapsed;
  return `${cut(collapsed, max - 1).trimEnd()}…`;
}

const MARKUP = /[&<>"']/;
const MARKUP_ALL = /[&<>"']/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text safe inside XML or HTML element content and quoted attributes: the five markup characters as entities. */
export function escapeMarkup(text: string): string {
  // Most text has none of them: one scan, no copy (tool pages escape hundreds of strings each).
  return MARKUP.test(text) ? text.replace(MARKUP_ALL, (ch) => ENTITY[ch]!) : text;
}
