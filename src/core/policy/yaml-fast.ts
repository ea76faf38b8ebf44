// A fast block-YAML writer for the common shape of Intercept exports, byte-identical to the `yaml` package's output
// with the options intercept.ts uses; it declines (returns undefined) on anything it cannot reproduce exactly, and the
// caller falls back to `yaml`. At catalogue scale `yaml`'s document model was most of the cost of rendering a tool
// page.

// Keys the `yaml` package writes plain: simple identifiers that no core-schema tag (null, bool) would read back as
// non-strings.
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NON_STRING_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
// Longest key the `yaml` package writes as an implicit key (longer ones become explicit "? key" entries).
const MAX_KEY = 1000;

class Decline extends Error {}

function key(k: string): string {
  if (k.length > MAX_KEY || !PLAIN_KEY.test(k) || NON_STRING_KEY.test(k)) throw new Decline();
  return k;
}

// A double-quoted string equals JSON.stringify's unless it has a line break (folded into several lines), a \u escape
// (rewritten as \x.., \0, \L, ...), or a line starting with a YAML document marker.
function scalar(v: unknown): string {
  if (typeof v === 'string') {
    const json = JSON.stringify(v);
    if (json.includes('\\n') || json.includes('\\u')) throw new Decline();
    if (/^(?:%|---|\.\.\.)/.test(v)) throw new Decline();
    return json;
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === null) return 'null';
  if (typeof v === 'number' && Number.isSafeInteger(v) && !Object.is(v, -0)) return String(v);
  throw new Decline();
}

function isCollection(v: unknown): v is Record<string, unknown> | unknown[] {
  return typeof v === 'object' && v !== null;
}

function isEmpty(v: Record<string, unknown> | unknown[]): boolean {
  return Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0;
}

function emptyText(v: Record<string, unknown> | unknown[]): string {
  return Array.isArray(v) ? '[]' : '{}';
}

// Writes `value` as block content at `indent`; the first line is written by the caller's prefix ("key:", "- ").
function block(out: string[], value: Record<string, unknown> | unknown[], indent: string): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isCollection(item)) {
        if (Array.isArray(item) || isEmpty(item)) throw new Decline();
        // A map inside a sequence starts on the dash line: "- key: value", the rest indented by two.
        const lines: string[] = [];
        block(lines, item, `${indent}  `);
        out.push(`${indent}- ${lines[0]!.slice(indent.length + 2)}`, ...lines.slice(1));
      } else {
        out.push(`${indent}- ${scalar(item)}`);
      }
    }
    return;
  }
  for (const k of Object.keys(value)) {
    const v = value[k];
    if (v === undefined) throw new Decline();
    if (isCollection(v)) {
      if (isEmpty(v)) out.push(`${indent}${key(k)}: ${emptyText(v)}`);
      else {
        out.push(`${indent}${key(k)}:`);
        // Sequences under a key are indented (the `yaml` package's indentSeq default).
        block(out, v, `${indent}  `);
      }
    } else {
      out.push(`${indent}${key(k)}: ${scalar(v)}`);
    }
  }
}

/** The document as `yaml` would write it with lineWidth 0, plain keys and double-quoted strings, or undefined when unsure. */
export function fastYaml(doc: Record<string, unknown>): string | undefined {
  try {
    if (Object.keys(doc).length === 0) return undefined;
    const out: string[] = [];
    block(out, doc, '');
    return `${out.join('\n')}\n`;
  } catch (error) {
    if (error instanceof Decline) return undefined;
    throw error;
  }
}
