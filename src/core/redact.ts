// Redaction, the one place: secret values (and trivially transformed copies), URL credentials and machine paths are
// removed from everything the scanner writes or prints. Pure: the shells pass in the secrets and paths they know.

export const REDACTED = '[redacted]';

/** Query, fragment, flag and variable names whose values are credentials. */
const SENSITIVE_NAME = /key|token|secret|pass|pwd|auth|sig|cred|session|jwt|cookie/i;

/** Characters that render as nothing, so a secret split by them reads the same: format characters and default-ignorables. */
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/u;

/** Whether a variable, header, flag or parameter name says its value is a credential. */
export function isSensitiveName(name: string): boolean {
  return SENSITIVE_NAME.test(name);
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi;

// Rewrites one URL: userinfo and the values of sensitive query or fragment parameters become [redacted].
function redactOneUrl(url: string, found?: string[]): string {
  const schemeEnd = url.indexOf('://') + 3;
  let authorityEnd = url.slice(schemeEnd).search(/[/?#]/);
  authorityEnd = authorityEnd < 0 ? url.length : schemeEnd + authorityEnd;
  let authority = url.slice(schemeEnd, authorityEnd);
  const at = authority.lastIndexOf('@');
  if (at >= 0) {
    const userinfo = authority.slice(0, at);
    for (const part of userinfo.split(':')) if (part) found?.push(part, decode(part));
    authority = `${REDACTED}@${authority.slice(at + 1)}`;
  }
  const rest = url
    .slice(authorityEnd)
    .replace(/([?#&;])([^=&#;]*)=([^&#;]*)/g, (whole, lead: string, name: string, value: string) => {
      if (!isSensitiveName(decode(name)) || value === '') return whole;
      found?.push(value, decode(value));
      return `${lead}${name}=${REDACTED}`;
    });
  return url.slice(0, schemeEnd) + authority + rest;
}

/** Every URL in `text` with its userinfo and credential-named parameter values replaced by [redacted]. */
export function redactUrlCredentials(text: string): string {
  if (!text.includes('://')) return text;
  return text.replace(URL_IN_TEXT, (url) => redactOneUrl(url));
}

/** The credential values a URL carries (userinfo, credential-named parameters), raw and decoded. */
export function urlSecrets(url: string): string[] {
  const found: string[] = [];
  for (const match of url.matchAll(URL_IN_TEXT)) redactOneUrl(match[0], found);
  return [...new Set(found)];
}

/** Credential values in command arguments: `--api-key=V`, `--token V`, `KEY=V`, and URL credentials. */
export function argSecrets(args: readonly string[]): string[] {
  const found: string[] = [];
  args.forEach((arg, i) => {
    const assigned = /^-{0,2}([A-Za-z0-9_.-]+)=(.+)$/s.exec(arg);
    if (assigned && isSensitiveName(assigned[1]!)) found.push(assigned[2]!);
    else if (
      /^--?[A-Za-z0-9_.-]+$/.test(arg) &&
      isSensitiveName(arg) &&
      i + 1 < args.length &&
      !args[i + 1]!.startsWith('-')
    )
      found.push(args[i + 1]!);
    found.push(...urlSecrets(arg));
  });
  return found;
}

/** A header value's secrets: the whole value and, for "Bearer TOKEN"-style values, each long word of it. */
export function headerSecrets(value: string): string[] {
  return [value, ...value.split(/\s+/).filter((word) => word.length >= 8)];
}

/** Values of an environment (the scanner's own) whose names say they are credentials; long enough to be told from words. */
export function ambientSecrets(env: Record<string, string | undefined>): string[] {
  const found: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    // PWD and agent sockets name paths, not credentials.
    if (/^(OLD)?PWD$|_SOCK$/i.test(name)) continue;
    if (value && value.length >= 8 && isSensitiveName(name)) found.push(value);
  }
  return found;
}

function lowerEach(text: string): string {
  let out = '';
  for (const ch of text) out += ch.toLowerCase();
  return out;
}

function reverse(text: string): string {
  return [...text].reverse().join('');
}

// The part of base64(prefix + value) that depends only on `value`, for each of the three byte alignments, so a secret
// is found inside a longer base64 text wherever it starts. Both the standard and the URL-safe alphabet.
function base64Cores(value: string): string[] {
  const bytes = new TextEncoder().encode(value);
  const cores: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const padded = new Uint8Array(offset + bytes.length);
    padded.set(bytes, offset);
    let binary = '';
    for (const byte of padded) binary += String.fromCharCode(byte);
    let encoded = btoa(binary).replace(/=+$/, '');
    encoded = encoded.slice([0, 2, 3][offset]);
    if ((offset + bytes.length) % 3 !== 0) encoded = encoded.slice(0, -1);
    if (encoded.length >= 6) cores.push(encoded, encoded.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return cores;
}

function hex(value: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(value)) out += byte.toString(16).padStart(2, '0');
  return out;
}

// A view of the text with invisible characters removed (and optionally lower-cased), mapped back to the original.
// Without maps the view is the text itself, index for index.
interface View {
  text: string;
  start?: number[];
  end?: number[];
}

const INVISIBLE_ANY = new RegExp(INVISIBLE.source, 'u');

function view(text: string, lower: boolean): View {
  if (!INVISIBLE_ANY.test(text)) {
    if (!lower) return { text };
    const folded = text.toLowerCase();
    if (folded.length === text.length && !/[\u03a3]/.test(text)) return { text: folded };
  }
  const out: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  let index = 0;
  for (const ch of text) {
    const from = index;
    index += ch.length;
    if (INVISIBLE.test(ch)) continue;
    const mapped = lower ? ch.toLowerCase() : ch;
    for (let k = 0; k < mapped.length; k++) {
      start.push(from);
      end.push(index);
    }
    out.push(mapped);
  }
  return { text: out.join(''), start, end };
}

/**
 * Removes secret values from text, also when copied base64- or hex-encoded, with their case changed, reversed,
 * URL-encoded, or split by invisible characters. Values shorter than 4 characters are ignored: they cannot be told from
 * ordinary words.
 */
export class Redactor {
  /** Strings changed by secret values (not by URL or path rewriting) since the Redactor was made. */
  hits = 0;
  private readonly exact: string[] = [];
  private readonly folded: string[] = [];
  private readonly cased: string[] = [];
  private readonly paths: Array<[string, string]>;

  /** `paths`: machine-specific paths and the placeholder written instead ($HOME, $PATH, ...). */
  constructor(secrets: Iterable<string>, paths: Array<[path: string, placeholder: string]> = []) {
    const folded = new Set<string>();
    const cased = new Set<string>();
    const exact = new Set<string>();
    for (const secret of secrets) {
      if (secret.length < 4) continue;
      exact.add(secret);
      folded.add(lowerEach(secret));
      if (secret.length < 6) continue;
      folded.add(lowerEach(reverse(secret)));
      folded.add(hex(secret));
      const encoded = encodeURIComponent(secret);
      if (encoded !== secret) folded.add(lowerEach(encoded));
      for (const variant of new Set([secret, secret.toLowerCase(), secret.toUpperCase(), reverse(secret)]))
        for (const core of base64Cores(variant)) cased.add(core);
    }
    this.exact = [...exact].sort((a, b) => b.length - a.length);
    this.folded = [...folded].filter((needle) => needle.length >= 4);
    this.cased = [...cased];
    this.paths = paths.filter(([path]) => path.length >= 4 && path !== '/').sort((a, b) => b[0].length - a[0].length);
  }

  /** Whether there is any secret to look for. */
  get active(): boolean {
    return this.exact.length > 0;
  }

  /** Secrets removed, then URL credentials, then (unless `paths` is false) machine paths replaced by their placeholders. */
  clean(text: string, options: { paths?: boolean } = {}): string {
    let out = this.secrets(text);
    out = redactUrlCredentials(out);
    if (options.paths !== false)
      for (const [path, placeholder] of this.paths) if (out.includes(path)) out = out.split(path).join(placeholder);
    return out;
  }

  private secrets(text: string): string {
    if (!this.active || text.length < 4) return text;
    let out = text;
    for (const secret of this.exact) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    const spans: Array<[number, number]> = [];
    const find = (v: View, needles: string[]) => {
      for (const needle of needles) {
        for (let at = v.text.indexOf(needle); at >= 0; at = v.text.indexOf(needle, at + 1)) {
          spans.push(v.start ? [v.start[at]!, v.end![at + needle.length - 1]!] : [at, at + needle.length]);
        }
      }
    };
    find(view(out, true), this.folded);
    if (this.cased.length) find(view(out, false), this.cased);
    if (spans.length) {
      spans.sort((a, b) => a[0] - b[0]);
      const merged: Array<[number, number]> = [];
      for (const [from, to] of spans) {
        const last = merged.at(-1);
        if (last && from < last[1]) last[1] = Math.max(last[1], to);
        else merged.push([from, to]);
      }
      let result = '';
      let cursor = 0;
      for (const [from, to] of merged) {
        result += out.slice(cursor, from) + REDACTED;
        cursor = to;
      }
      out = result + out.slice(cursor);
    }
    if (out !== text) this.hits++;
    return out;
  }
}

/** Secret values removed from one text (see Redactor), URL credentials too. */
export function redact(text: string, secrets: Iterable<string>): string {
  return new Redactor(secrets).clean(text);
}
