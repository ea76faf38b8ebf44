// DESTRUCTIVE_PHRASE: descriptions that say the effect is permanent or overwrites ("cannot be undone", "overwrites", "permanently").
import type { Rule } from '../types.ts';

// Linear-time alternation of literal phrases; a negation just before ("non-", "not ") cancels the match.
const PHRASE = /(non-?|not |never |without |no )?\b(permanently|irreversibl[ey]|cannot be undone|can ?not be recovered|can't be undone|overwrit(?:e|es|ing|ten)|completely replac(?:e|es|ing)|wipes?|erases?|irrecoverabl[ey])\b/g;

export const destructivePhrase: Rule = {
  code: 'DESTRUCTIVE_PHRASE',
  role: 'intensify',
  summary: 'Description phrases that mean lasting loss: "permanently", "cannot be undone", "overwrites", "irreversible", "wipes".',
  apply: (s) => {
    const matched: string[] = [];
    for (const m of s.description.matchAll(PHRASE)) {
      if (m[1] !== undefined) continue;
      if (!matched.includes(m[2]!)) matched.push(m[2]!);
      if (matched.length >= 5) break;
    }
    return matched.length > 0 ? [{ effect: 'destructive', matched, source: 'description', weight: 3 }] : [];
  },
};
