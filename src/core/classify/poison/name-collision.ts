// POISON_NAME_COLLISION: two tools of one server whose names are equal, or equal once case, Unicode compatibility forms
// and look-alike letters are folded.
import type { Finding } from '../../schemas/finding.ts';
import type { PoisonInfo } from './check.ts';
import { visible } from './check.ts';

// Latin look-alikes from Cyrillic and Greek that render the same in common fonts (a small, fixed table;
// not all of UTS #39).
// biome-ignore format: a compact table reads better than one letter a line
const CONFUSABLE: Record<string, string> = {
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', һ: 'h', ӏ: 'l', к: 'k', м: 'm', т: 't', в: 'b', н: 'h',
  α: 'a', ο: 'o', ρ: 'p', ν: 'v', τ: 't', ι: 'i', κ: 'k', χ: 'x', υ: 'u', ε: 'e',
};
const INVISIBLE =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: the class lists invisible and joining characters one by one, on purpose
  /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]|[\u{e0000}-\u{e0fff}]/gu;

/** Folds a name the way people read it: NFKC, lower case, invisible characters dropped, look-alike letters mapped. */
export function foldName(name: string): string {
  const folded = name.slice(0, 1024).normalize('NFKC').toLowerCase().replace(INVISIBLE, '');
  let out = '';
  for (const ch of folded) out += CONFUSABLE[ch] ?? ch;
  return out;
}

export const NAME_COLLISION_INFO: PoisonInfo = {
  code: 'POISON_NAME_COLLISION',
  severity: 'error',
  title: 'Tool names that collide',
  description:
    'Two tools of this server share a name, or differ only in letter case, Unicode form, invisible characters or look-alike letters (delete_all / Delete_All / dеlete_all with a Cyrillic е). A client calls one of them while a person reviews the other; exact duplicates are an error, folded twins a warning.',
};

/** One finding per tool name involved in a collision (exact duplicates: error; case or Unicode twins: warning). */
export function nameCollisionFindings(names: readonly string[]): Finding[] {
  const groups = new Map<string, string[]>();
  for (const name of names.slice(0, 20_000)) {
    const key = foldName(name);
    const group = groups.get(key);
    if (group) group.push(name);
    else groups.set(key, [name]);
  }
  const out: Finding[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const distinct = [...new Set(group)];
    for (const name of distinct) {
      const exact = group.filter((n) => n === name).length > 1;
      const twins = distinct.filter((n) => n !== name);
      const kind = exact ? 'exact' : twins.some((n) => n.toLowerCase() === name.toLowerCase()) ? 'case' : 'unicode';
      out.push({
        code: NAME_COLLISION_INFO.code,
        severity: exact ? 'error' : 'warning',
        tool: name,
        message: `${NAME_COLLISION_INFO.title}.`,
        args: {
          kind,
          ...(twins.length > 0 ? { twins: twins.slice(0, 10).map((n) => visible(n)) } : {}),
          ...(exact ? { copies: group.filter((n) => n === name).length } : {}),
        },
      });
    }
  }
  return out;
}
