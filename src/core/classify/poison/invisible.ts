// Invisible-Unicode checks: tag characters (hidden ASCII), zero-width characters and bidi controls, each its own
// finding.
import { visible, type PoisonCheck } from './check.ts';
import type { ScanText } from './texts.ts';

function scan(
  texts: ScanText[],
  pattern: RegExp,
): { fields: string[]; count: number; firstOffset: number; chars: string[] } | undefined {
  const fields: string[] = [];
  const chars: string[] = [];
  let count = 0;
  let firstOffset = -1;
  for (const t of texts) {
    if (!t.special) continue;
    pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    let inField = 0;
    while ((m = pattern.exec(t.text)) !== null) {
      if (firstOffset === -1) firstOffset = m.index;
      if (inField === 0) fields.push(t.field);
      inField++;
      count++;
      const code = `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      if (!chars.includes(code) && chars.length < 10) chars.push(code);
      if (count >= 100_000) break;
    }
  }
  return count > 0 ? { fields: fields.slice(0, 10), count, firstOffset, chars } : undefined;
}

const TAG = /[\u{E0000}-\u{E007F}]/gu;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u180E\u2061-\u2064]/gu;
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/gu;

/** Tag characters spell out ASCII invisibly; decode what they say so a reviewer can read it. */
function decodeTags(texts: ScanText[]): string {
  let out = '';
  for (const t of texts) {
    if (!t.special) continue;
    for (const m of t.text.matchAll(/[\u{E0020}-\u{E007E}]+/gu)) {
      for (const ch of m[0]) out += String.fromCodePoint(ch.codePointAt(0)! - 0xe0000);
      if (out.length >= 200) return visible(out, 200);
      out += ' ';
    }
  }
  return visible(out.trim(), 200);
}

export const unicodeTag: PoisonCheck = {
  code: 'POISON_UNICODE_TAG',
  severity: 'error',
  title: 'Hidden Unicode tag characters',
  description:
    'The text contains Unicode tag characters (U+E0000–U+E007F). They are invisible to people but models read them as ASCII, so they can carry hidden instructions.',
  check: (texts) => {
    const r = scan(texts, TAG);
    return r ? { ...r, decoded: decodeTags(texts) } : undefined;
  },
};

// A zero-width character inside a word (letters or digits on both sides) splits or disguises it; one beside a space or
// at the start of the text is the usual residue of copy and paste. Emoji joined by U+200D are not letters, so they stay
// quiet too.
const INSIDE_WORD = /[\p{L}\p{N}][\u200B-\u200D\u2060\uFEFF\u180E\u2061-\u2064]+[\p{L}\p{N}]/u;
/** Zero-width characters that editors and web pages leave in copied text (space, no-break, joiner hints, BOM). */
const RESIDUE = new Set(['U+200B', 'U+200C', 'U+200D', 'U+2060', 'U+FEFF']);
/** How many stray zero-width characters (none inside a word) still count as copy-and-paste residue rather than a trick. */
const STRAY_LIMIT = 4;

export const zeroWidth: PoisonCheck = {
  code: 'POISON_ZERO_WIDTH',
  severity: 'warning',
  title: 'Zero-width characters',
  description:
    'The text contains zero-width or invisible formatting characters (U+200B–U+200D, U+2060, U+FEFF). Inside words they hide or split them so that what people see differs from what the model reads (warning); a few stray ones beside spaces are usually copy-and-paste residue (info).',
  check: (texts) => {
    const found = scan(texts, ZERO_WIDTH);
    if (!found) return undefined;
    const insideWord = texts.some((t) => t.special && INSIDE_WORD.test(t.text));
    // Only the characters that copy and paste leaves behind can be residue; invisible operators (U+2061–U+2064) never
    // are.
    const residue = found.chars.every((c) => RESIDUE.has(c));
    return { ...found, ...(!insideWord && residue ? { placement: 'beside spaces' } : {}) };
  },
  grade: (args) =>
    args['placement'] === 'beside spaces' && typeof args['count'] === 'number' && args['count'] <= STRAY_LIMIT
      ? 'info'
      : 'warning',
};

export const bidiControl: PoisonCheck = {
  code: 'POISON_BIDI_CONTROL',
  severity: 'error',
  title: 'Bidirectional text controls',
  description:
    'The text contains bidirectional control characters (U+202A–U+202E, U+2066–U+2069). They reorder how text is displayed, so people read something different from what the model receives ("Trojan Source").',
  check: (texts) => scan(texts, BIDI),
};
