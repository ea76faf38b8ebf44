// RE2 compatibility for regex conditions: Intercept compiles them with Go's regexp (RE2), our evaluator with JavaScript's RegExp.

const cache = new Map<string, RegExp>();

/** Why `src` would not behave the same under RE2 and JavaScript, or null when it is portable. */
export function regexProblem(src: string): string | null {
  if (/\(\?<?[=!]/.test(src)) return 'look-ahead and look-behind ((?=…), (?!…), (?<=…), (?<!…)) are not supported by RE2';
  if (/\(\?>/.test(src)) return 'atomic groups ((?>…)) are not supported by RE2';
  if (/(^|[^\\])(\\\\)*\\[1-9]/.test(src) || /\\k</.test(src)) return 'back-references (\\1, \\k<name>) are not supported by RE2';
  if (/\\[uc]/.test(src) || /\\x\{/.test(src)) return 'escapes \\u, \\u{…}, \\cX and \\x{…} differ between RE2 and JavaScript; write the character itself';
  if (/\\[zZ]/.test(src)) return '\\z and \\Z differ between RE2 and JavaScript; use $';
  if (/\(\?[a-zA-Z]/.test(src) && !/\(\?<[A-Za-z]/.test(src)) return 'inline flags such as (?i) are not portable; use character classes like [aA]';
  if (/[*+?}]\+/.test(src.replace(/\\./g, ''))) return 'possessive quantifiers (*+, ++) are not supported by RE2';
  for (const m of src.matchAll(/\{(\d+)(?:,(\d*))?\}/g)) {
    if (Number(m[1]) > 1000 || (m[2] !== undefined && m[2] !== '' && Number(m[2]) > 1000)) return 'repeat counts above 1000 are rejected by RE2';
  }
  try {
    new RegExp(src, 'u');
  } catch (e) {
    return `it does not compile: ${(e as Error).message}`;
  }
  return null;
}

/** Compiled once per pattern; 'u' so that "." and classes match whole code points as RE2 does on UTF-8. */
export function compileRegex(src: string): RegExp | null {
  let re = cache.get(src);
  if (re) return re;
  try {
    re = new RegExp(src, 'u');
  } catch {
    return null;
  }
  cache.set(src, re);
  return re;
}
