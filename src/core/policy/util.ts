// Small helpers shared by the policy modules: own-property access safe for hostile keys, JSON paths and pointers,
// Go-like value semantics.

/** True when `key` is an own property (tool names such as "toString" or "__proto__" must not reach Object.prototype). */
export function hasOwn(obj: unknown, key: string): boolean {
  return typeof obj === 'object' && obj !== null && Object.hasOwn(obj, key);
}

/** Reads an own property only. */
export function getOwn(obj: unknown, key: string): unknown {
  return hasOwn(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

/** Sets an own, enumerable property even for the key "__proto__". */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  // On the plain objects policies are built from, only "__proto__" is an accessor (Object.prototype's); any other key
  // assigned becomes the same own, enumerable, writable property as defineProperty makes, at a fraction of the cost.
  if (key === '__proto__')
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Code-unit order: locale-independent, so output is byte-identical everywhere. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** JSONPath-style location for error messages: $.tools["a b"].limits[0].window */
export function jsonPath(segments: Array<string | number>): string {
  let out = '$';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(s)) out += `.${s}`;
    else out += `[${safeQuote(s)}]`;
  }
  return out;
}

/** JSON Pointer segment escaping (RFC 6901). */
export function pointerSegment(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Quotes untrusted text for messages and YAML comments: JSON escapes plus every non-ASCII or control character as \uXXXX, capped in length. */
export function safeQuote(s: string, max = 200): string {
  const cut = s.length > max ? s.slice(0, max) + '…' : s;
  return JSON.stringify(cut).replace(/[^\x20-\x7e]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** Go's fmt "%v" for JSON values, which Intercept uses to compare non-numbers with eq/in. */
export function goFormat(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return goFloat(v);
  if (Array.isArray(v)) return '[' + v.map(goFormat).join(' ') + ']';
  if (typeof v === 'object') {
    const keys = Object.keys(v as object).sort(compareStrings);
    return 'map[' + keys.map((k) => `${k}:${goFormat((v as Record<string, unknown>)[k])}`).join(' ') + ']';
  }
  return String(v);
}

function goFloat(n: number): string {
  // %v on float64 is %g with the shortest representation; exponent form from 1e21 up or below 1e-4.
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e21)) {
    const [m, e] = n.toExponential().split('e');
    const exp = Number(e);
    return `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return String(n);
}

/** Canonical JSON (sorted keys) for comparing untrusted schemas. */
export function canonical(v: unknown): string {
  if (v === undefined) return 'undefined';
  return JSON.stringify(v, (_k, val) => {
    if (isPlainObject(val)) {
      const o: Record<string, unknown> = {};
      for (const k of Object.keys(val).sort(compareStrings)) setOwn(o, k, val[k]);
      return o;
    }
    return val;
  });
}

/**
 * Combines per-server files whose every table is scoped to its server (Codex [mcp_servers.<name>], Gemini CLI [[rule]]
 * with mcpName) by concatenation; two servers with one name would collide, so that throws (callers fall back to one
 * file per server). Losses keep their server as a prefix.
 */
export function concatenateServerFiles(
  parts: ReadonlyArray<{ server: string; rendered: { text: string; losses: Array<{ rule: string; reason: string }> } }>,
): {
  text: string;
  losses: Array<{ rule: string; reason: string }>;
} {
  const names = parts.map((part) => part.server);
  const twice = names.find((name, index) => names.indexOf(name) !== index);
  if (twice !== undefined)
    throw new Error(`two servers are both named ${JSON.stringify(twice)}; their rules cannot share one file`);
  return {
    text: parts.map((part) => part.rendered.text).join('\n'),
    losses: parts.flatMap((part) =>
      part.rendered.losses.map((loss) => ({ ...loss, rule: `${part.server}:${loss.rule}` })),
    ),
  };
}
