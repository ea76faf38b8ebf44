// DESTRUCTIVE_PHRASE: descriptions that say the effect is permanent or overwrites ("cannot be undone", "overwrites",
// "permanently").
import { DESTRUCTIVE_VERBS, WRITE_VERBS } from '../lexicon.ts';
import type { Rule } from '../types.ts';

// Linear-time alternation of literal phrases; a negation just before ("non-", "not ") cancels the match.
const PHRASE =
  /(non-?|not |never |without |no )?\b(permanently|irreversibl[ey]|cannot be undone|can ?not be recovered|can't be undone|overwrit(?:e|es|ing|ten)|completely replac(?:e|es|ing)|wipes?|erases?|irrecoverabl[ey])\b/g;

/**
 * "releasing wipes the device's state": a clause whose subject is another action (a gerund that is not a verb of this
 * tool's name) tells what that other action does, not this tool.
 */
function aboutAnotherAction(description: string, at: number, nameWords: readonly string[]): boolean {
  const before = description.slice(Math.max(0, at - 80), at);
  const clause = before.split(/[.;:!?()]\s|\s[-–—]\s|,\s/).pop() ?? '';
  const m = /^\s*([a-z]+)ing\b/.exec(clause);
  if (m === null) return false;
  const stem = m[1]!;
  const forms = [stem, `${stem}e`, ...(stem.length > 2 && stem.at(-1) === stem.at(-2) ? [stem.slice(0, -1)] : [])];
  // Only a known action verb names another action ("omitting it will overwrite…" is about this tool's own parameter).
  if (!forms.some((f) => WRITE_VERBS.has(f) || DESTRUCTIVE_VERBS.has(f))) return false;
  return !nameWords.some((w) => forms.includes(w));
}

/**
 * "For permanently removing pages, use delete_pages instead", "to place, erase or clear tiles, use tilemap_edit
 * instead", "to permanently remove, contact support": the loss belongs to another tool or to someone else.
 */
function pointsElsewhere(description: string, at: number): boolean {
  const rest = description.slice(at, at + 120).split(/[.;!?]\s|\n|\)\s|\s[-–—]\s/)[0]!;
  return /\buse\s+`?[\w.()-]+`?\s+instead\b|\bcontact\s+(?:[\w-]+\s){0,3}support\b/.test(rest);
}

/** Verbs that "permanently" makes lasting rather than lossy ("adds it permanently to the library", "permanently saves"). */
const KEEPING =
  /^(?:add|adds|added|adding|store|stores|stored|storing|save|saves|saved|saving|keep|keeps|kept|keeping|install|installs|installed|record|records|recorded|attach|attaches|attached|pin|pins|pinned|publish|publishes|published|enable|enables|enabled|grant|grants|granted)$/;

/** Whether "permanently" at `at` qualifies a verb of keeping within three words either side, in its sentence. */
function keepsSomething(description: string, at: number): boolean {
  const words = (text: string) => text.split(/\s+/).filter(Boolean);
  const before = words(
    description
      .slice(Math.max(0, at - 40), at)
      .split(/[.;!?]\s/)
      .at(-1)!,
  ).slice(-3);
  const after = words(
    description.slice(at + 'permanently'.length, at + 'permanently'.length + 40).split(/[.;!?]\s/)[0]!,
  ).slice(0, 3);
  return [...before, ...after].some((w) => KEEPING.test(w.replace(/[^a-z]/g, '')));
}

export const destructivePhrase: Rule = {
  code: 'DESTRUCTIVE_PHRASE',
  role: 'intensify',
  summary:
    'Description phrases that mean lasting loss: "permanently", "cannot be undone", "overwrites", "irreversible", "wipes".',
  apply: (s) => {
    const matched: string[] = [];
    for (const m of s.description.matchAll(PHRASE)) {
      if (m[1] !== undefined || aboutAnotherAction(s.description, m.index!, s.nameWords)) continue;
      if (
        pointsElsewhere(s.description, m.index!) ||
        (m[2] === 'permanently' && keepsSomething(s.description, m.index!))
      )
        continue;
      if (!matched.includes(m[2]!)) matched.push(m[2]!);
      if (matched.length >= 5) break;
    }
    return matched.length > 0 ? [{ effect: 'destructive', matched, source: 'description', weight: 3 }] : [];
  },
};
