// String literals for the policy formats, safe for hostile names: every output is printable ASCII, so no raw control,
// line-separator, bidi or "</script>" sequence survives into a file, and each escape is the target language's own.

/** True when the text has a UTF-16 surrogate without its partner: no format below can spell such a name. */
export function hasLoneSurrogate(text: string): boolean {
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

function escapeWith(text: string, simple: Record<string, string>, code: (cp: number) => string): string {
  let out = '';
  // An unpaired surrogate has no spelling in any of these languages: it becomes U+FFFD (formats that must match a tool
  // name exactly check hasLoneSurrogate first and report the tool as a loss).
  for (const ch of text.toWellFormed()) {
    const cp = ch.codePointAt(0)!;
    const s = simple[ch];
    if (s !== undefined) out += s;
    // "<", ">" and "&" are escaped too, so a name can never form "</script>" or an HTML entity in any file.
    else if (cp >= 0x20 && cp <= 0x7e && ch !== '<' && ch !== '>' && ch !== '&') out += ch;
    else out += code(cp);
  }
  return out;
}

const hex = (cp: number, width: number) => cp.toString(16).toUpperCase().padStart(width, '0');

/** A Cedar string literal ("…"): \" \\ and \u{…} for everything outside printable ASCII. */
export function cedarString(text: string): string {
  return `"${escapeWith(text, { '"': '\\"', '\\': '\\\\' }, (cp) => `\\u{${hex(cp, 1)}}`)}"`;
}

/** A CEL double-quoted string literal: \" \\ and \uXXXX / \UXXXXXXXX for everything outside printable ASCII. */
export function celString(text: string): string {
  return `"${escapeWith(text, { '"': '\\"', '\\': '\\\\' }, (cp) => (cp > 0xffff ? `\\U${hex(cp, 8)}` : `\\u${hex(cp, 4)}`))}"`;
}

/** A TOML basic string ("…"), also usable as a quoted key. */
export function tomlString(text: string): string {
  return `"${escapeWith(text, { '"': '\\"', '\\': '\\\\' }, (cp) => (cp > 0xffff ? `\\U${hex(cp, 8)}` : `\\u${hex(cp, 4)}`))}"`;
}

/** A TOML key: bare when it is [A-Za-z0-9_-]+, else quoted. */
export function tomlKey(text: string): string {
  return /^[A-Za-z0-9_-]+$/.test(text) ? text : tomlString(text);
}

/** JSON text that is printable ASCII only, with "<" and ">" escaped (JSON.stringify keeps U+2028 and "</script>" raw). */
export function asciiJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent).replace(
    /[^\x20-\x7e\n]|[<>]/g,
    (c) => `\\u${hex(c.charCodeAt(0), 4).toLowerCase()}`,
  );
}
