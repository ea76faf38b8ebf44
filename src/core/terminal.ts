// Terminal safety: server-controlled text shown in a terminal has its control characters and escape sequences made
// visible (\x1b, \u{202e}), never interpreted. One helper for every CLI print of text a server or a config wrote.

// C0 controls, DEL and C1 controls; format characters (bidi overrides, zero-width); line and paragraph separators;
// lone surrogates.
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\p{Cf}\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;
const UNSAFE_ONE = new RegExp(UNSAFE.source, 'u');

function visible(ch: string): string {
  const code = ch.codePointAt(0)!;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}

/** Text safe to write to a terminal: every control, escape and invisible formatting character shown as an escape. */
export function terminalSafe(text: string, options: { newlines?: boolean } = {}): string {
  if (!UNSAFE_ONE.test(text)) return text;
  return text.replace(UNSAFE, (ch) => (options.newlines && ch === '\n' ? ch : visible(ch)));
}

/** JSON for a terminal: JSON.stringify escapes C0 itself; C1, format characters and separators become \u escapes too. */
export function terminalJson(value: unknown, indent = 2): string {
  return escapeJsonText(JSON.stringify(value, null, indent));
}

/** Escapes, inside JSON text, the characters JSON.stringify leaves raw but a terminal may interpret; still the same JSON. */
export function escapeJsonText(json: string): string {
  return json.replace(/[\u007f-\u009f\p{Cf}\u2028\u2029]/gu, (ch) => {
    const code = ch.codePointAt(0)!;
    if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
    const high = Math.floor((code - 0x10000) / 0x400) + 0xd800;
    const low = ((code - 0x10000) % 0x400) + 0xdc00;
    return `\\u${high.toString(16)}\\u${low.toString(16)}`;
  });
}
