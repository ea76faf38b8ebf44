// Regex conditions: Intercept compiles them with Go's regexp (RE2); the reference evaluator uses RE2JS, a port of the
// same linear-time engine, so a pattern matches exactly as at the gateway and no pattern can backtrack for minutes.
import { RE2JS } from 're2js';

/** A compiled pattern: `test` answers in time linear in the input, whatever the pattern. */
export interface Matcher {
  test(input: string): boolean;
}

const cache = new Map<string, Matcher>();

// A quantifier at src[i]: its length and whether it can repeat its atom (max above 1).
function quantifierAt(src: string, i: number): { length: number; repeats: boolean } | undefined {
  const ch = src[i];
  if (ch === '*' || ch === '+') return { length: 1, repeats: true };
  if (ch === '?') return { length: 1, repeats: false };
  if (ch !== '{') return undefined;
  const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i, i + 24));
  if (!m) return undefined;
  const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
  return { length: m[0].length, repeats: max > 1 };
}

/**
 * Whether a repeated group holds a repeated atom ((a+)+, (\w*x)*, ((ab)+c){2,}): the shape on which backtracking
 * engines (JavaScript, PCRE, Python) take exponential time. RE2 does not, but a policy.json may meet such an engine
 * elsewhere.
 */
export function hasNestedQuantifier(src: string): boolean {
  const groups: boolean[] = [];
  let closedGroupRepeats = false;
  let lastWasGroup = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (ch === '\\') {
      i++;
      lastWasGroup = false;
      continue;
    }
    if (ch === '[') {
      i++;
      if (src[i] === '^') i++;
      if (src[i] === ']') i++;
      while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
      lastWasGroup = false;
      continue;
    }
    if (ch === '(') {
      if (src[i + 1] === '?') {
        let j = i + 2;
        while (j < src.length && !':>)'.includes(src[j]!)) j++;
        if (src[j] === ')') {
          // A flags-only group such as (?i): no atom.
          i = j;
          lastWasGroup = false;
          continue;
        }
        i = j;
      }
      groups.push(false);
      lastWasGroup = false;
      continue;
    }
    if (ch === ')') {
      closedGroupRepeats = groups.pop() ?? false;
      if (closedGroupRepeats && groups.length) groups[groups.length - 1] = true;
      lastWasGroup = true;
      continue;
    }
    const q = quantifierAt(src, i);
    if (q) {
      if (q.repeats) {
        if (lastWasGroup && closedGroupRepeats) return true;
        if (groups.length) groups[groups.length - 1] = true;
      }
      i += q.length - 1;
      if (src[i + 1] === '?') i++;
      lastWasGroup = false;
      continue;
    }
    lastWasGroup = false;
  }
  return false;
}

/** Why `src` would not behave the same under RE2 and JavaScript, or null when it is portable. */
export function regexProblem(src: string): string | null {
  if (/\(\?<?[=!]/.test(src))
    return 'look-ahead and look-behind ((?=…), (?!…), (?<=…), (?<!…)) are not supported by RE2';
  if (/\(\?>/.test(src)) return 'atomic groups ((?>…)) are not supported by RE2';
  if (/(^|[^\\])(\\\\)*\\[1-9]/.test(src) || /\\k</.test(src))
    return 'back-references (\\1, \\k<name>) are not supported by RE2';
  if (/\\[uc]/.test(src) || /\\x\{/.test(src))
    return 'escapes \\u, \\u{…}, \\cX and \\x{…} differ between RE2 and JavaScript; write the character itself';
  if (/\\[zZ]/.test(src)) return '\\z and \\Z differ between RE2 and JavaScript; use $';
  if (/\(\?[a-zA-Z]/.test(src) && !/\(\?<[A-Za-z]/.test(src))
    return 'inline flags such as (?i) are not portable; use character classes like [aA]';
  if (/[*+?}]\+/.test(src.replace(/\\./g, ''))) return 'possessive quantifiers (*+, ++) are not supported by RE2';
  for (const m of src.matchAll(/\{(\d+)(?:,(\d*))?\}/g)) {
    if (Number(m[1]) > 1000 || (m[2] !== undefined && m[2] !== '' && Number(m[2]) > 1000))
      return 'repeat counts above 1000 are rejected by RE2';
  }
  try {
    new RegExp(src, 'u');
    RE2JS.compile(src);
  } catch (e) {
    return `it does not compile: ${(e as Error).message}`;
  }
  return null;
}

/** Compiled once per pattern with RE2JS (unanchored search, "." and classes over whole code points, as RE2 on UTF-8). */
export function compileRegex(src: string): Matcher | null {
  let re = cache.get(src);
  if (re) return re;
  try {
    const compiled = RE2JS.compile(src);
    re = { test: (input) => compiled.matcher(input).find() };
  } catch {
    return null;
  }
  cache.set(src, re);
  return re;
}
