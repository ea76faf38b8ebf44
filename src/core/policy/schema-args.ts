// Reads an untrusted tool input schema into the few facts argument rules need; anything odd is skipped, never thrown.
import { compareStrings, getOwn, isPlainObject } from './util.ts';

export type ArgFacts = {
  name: string;
  required: boolean;
  /** Whether a top-level "args.<name>" path can address it (no dots, sane length). */
  addressable: boolean;
  type: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'unknown';
  enumValues?: Array<string | number | boolean>;
  minimum?: { value: number; exclusive: boolean };
  maximum?: { value: number; exclusive: boolean };
  maxLength?: number;
  minLength?: number;
};

const MAX_NAME = 128;

function typeOf(s: Record<string, unknown>): ArgFacts['type'] {
  let t = getOwn(s, 'type');
  if (Array.isArray(t)) t = t.find((x) => x !== 'null');
  if (t === 'string' || t === 'number' || t === 'integer' || t === 'boolean' || t === 'array' || t === 'object')
    return t;
  return 'unknown';
}

function finite(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** The top-level arguments of a tool, sorted by name. */
export function argFacts(inputSchema: unknown): ArgFacts[] {
  if (!isPlainObject(inputSchema)) return [];
  const props = getOwn(inputSchema, 'properties');
  const req = getOwn(inputSchema, 'required');
  const required = new Set(Array.isArray(req) ? req.filter((r): r is string => typeof r === 'string') : []);
  const names = new Set<string>([...(isPlainObject(props) ? Object.keys(props) : []), ...required]);
  const out: ArgFacts[] = [];
  for (const name of [...names].sort(compareStrings)) {
    const raw = isPlainObject(props) ? getOwn(props, name) : undefined;
    const s = isPlainObject(raw) ? raw : {};
    const f: ArgFacts = {
      name,
      required: required.has(name),
      addressable: name.length > 0 && name.length <= MAX_NAME && !name.includes('.'),
      type: typeOf(s),
    };
    const en = getOwn(s, 'enum');
    if (
      Array.isArray(en) &&
      en.length > 0 &&
      en.length <= 200 &&
      en.every((v) => typeof v === 'string' || typeof v === 'boolean' || finite(v) !== undefined)
    ) {
      f.enumValues = en as Array<string | number | boolean>;
    }
    if (f.type === 'number' || f.type === 'integer') {
      const min = finite(getOwn(s, 'minimum'));
      const max = finite(getOwn(s, 'maximum'));
      const xmin = getOwn(s, 'exclusiveMinimum');
      const xmax = getOwn(s, 'exclusiveMaximum');
      if (finite(xmin) !== undefined) f.minimum = { value: xmin as number, exclusive: true };
      else if (min !== undefined) f.minimum = { value: min, exclusive: xmin === true };
      if (finite(xmax) !== undefined) f.maximum = { value: xmax as number, exclusive: true };
      else if (max !== undefined) f.maximum = { value: max, exclusive: xmax === true };
    }
    if (f.type === 'string') {
      const ml = finite(getOwn(s, 'maxLength'));
      if (ml !== undefined && Number.isInteger(ml) && ml >= 0) f.maxLength = ml;
      const mn = finite(getOwn(s, 'minLength'));
      if (mn !== undefined && Number.isInteger(mn) && mn >= 0) f.minLength = mn;
    }
    out.push(f);
  }
  return out;
}

/** Splits camelCase, snake_case and kebab-case into lower-case words. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

const PATH_WORDS = new Set([
  'path',
  'paths',
  'file',
  'filename',
  'filepath',
  'dir',
  'directory',
  'folder',
  'cwd',
  'dirname',
  'pathname',
]);

/** A string argument that names a file or directory (judged by its last word: "filePath", "target_dir", "file"). */
export function isPathArg(f: ArgFacts): boolean {
  const w = words(f.name);
  return (f.type === 'string' || f.type === 'unknown') && w.length > 0 && PATH_WORDS.has(w[w.length - 1]!);
}

/** force / recursive boolean flags. */
export function isDangerousFlag(f: ArgFacts): boolean {
  return (f.type === 'boolean' || f.type === 'unknown') && /^(force|recursive)$/i.test(f.name);
}

/** Numeric bounds that admit at least one value (contradictory schemas get no bound rules). */
export function satisfiableBounds(f: ArgFacts): boolean {
  return pickNumber(f) !== undefined;
}

/** A number inside the bounds (an integer for integer arguments), or undefined when none exists. */
export function pickNumber(f: ArgFacts): number | undefined {
  const lo = f.minimum;
  const hi = f.maximum;
  const ok = (n: number) =>
    (!lo || (lo.exclusive ? n > lo.value : n >= lo.value)) &&
    (!hi || (hi.exclusive ? n < hi.value : n <= hi.value)) &&
    (f.type !== 'integer' || Number.isInteger(n));
  const candidates: number[] = [1, 0];
  if (lo) candidates.push(lo.value, Math.ceil(lo.value), Math.floor(lo.value) + 1, lo.value + 0.5);
  if (hi) candidates.push(hi.value, Math.floor(hi.value), Math.ceil(hi.value) - 1, hi.value - 0.5);
  if (lo && hi) candidates.push((lo.value + hi.value) / 2, Math.round((lo.value + hi.value) / 2));
  return candidates.find((n) => Number.isFinite(n) && ok(n));
}
