// NO_ACTION_DESCRIBED: a tool whose name has no verb and whose description names things but no change ("Site-wide best
// sellers (10 pages).") hands data back; weakly a read, so any change evidence still wins.
import { AMBIGUOUS_NAME_WORDS, isChangeVerb } from '../lexicon.ts';
import type { Rule } from '../types.ts';
import { verbHits } from './name-verb.ts';

export const noActionDescribed: Rule = {
  code: 'NO_ACTION_DESCRIBED',
  role: 'verb',
  summary:
    'No verb in the name, and a description that names no change anywhere (no create/update/send/delete… in any form): weakly a read.',
  apply: (s) => {
    if (s.description.length < 12) return [];
    if (verbHits(s.nameWords, 'name', 3).length > 0 || verbHits(s.titleWords, 'name', 2).length > 0) return [];
    // Words as often nouns ("books", "posts", "order", "changes") name things, not changes; a verb form of them (-ed,
    // -ing) still counts.
    const noun = (w: string) => w.endsWith('s') && AMBIGUOUS_NAME_WORDS.has(w.slice(0, -1));
    const words = s.description.split(/[^a-z]+/).filter((w) => w.length > 1 && !noun(w));
    if (words.some(isChangeVerb)) return [];
    return [{ effect: 'read', matched: ['no change named'], source: 'description', weight: 1 }];
  },
};
