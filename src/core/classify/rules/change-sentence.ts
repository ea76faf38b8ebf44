// biome-ignore-all format: its word lists and tables read best packed, several items a line
// CHANGE_SENTENCE: a later sentence of the description that says, in the third person, that the call changes something
// ("… returns the image. Saves it to the downloads folder.", "Creates a copy; the original is untouched.") admits a
// change the name and opening did not.
import { DESTRUCTIVE_VERBS, WRITE_VERBS } from '../lexicon.ts';
import type { Category } from '../../schemas/verdict.ts';
import type { Rule } from '../types.ts';
import { openingVerbs } from './description-lead-verb.ts';

/** Words that show the word before them is a verb with an object ("Records a…", "Stores them…"), not a plural noun. */
const OBJECT_OPENERS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'it', 'them', 'your', 'its', 'their', 'this', 'these', 'each', 'every', 'one', 'new', 'all', 'any']);
/**
 * The verbs that, opening a later sentence, say the call leaves something behind: it creates, stores, changes or
 * removes. Not the verbs of how a call works ("accepts", "runs", "sends the query", "applies the rate"), which reads
 * share.
 */
const LASTING: ReadonlySet<string> = new Set([
  'create', 'write', 'save', 'store', 'persist', 'add', 'insert', 'append', 'update', 'modify', 'overwrite', 'upload',
  'install', 'register', 'assign', 'delete', 'remove', 'record', 'commit', 'publish', 'post', 'deploy',
  // A state the call leaves set: "Animated ocean surface. Hides the flat ground while it exists.", "Sets what the
  // window shows. … Changes the view, not the session."
  'hide', 'change', 'set', 'move', 'rename', 'enable', 'disable',
  // An app or account switched on or off: "Report a payment to the CRM billing webhook. Activates or deactivates a
  // marketplace app for a location based on payment status."
  'activate', 'deactivate',
]);

/** Opening verbs that already say the call makes a text for the caller ("Generate a detailed migration plan"). */
const PRODUCING_OPENING = /^\s*(?:generate|produce|draft|compose|prepare|write up)s?\b/;

/**
 * "Creates a comprehensive migration plan with phases" after "Generate a detailed migration plan for Chef to Ansible
 * conversion.": the later sentence only restates the opening, naming the same thing, so it adds no change when the
 * opening reads.
 */
function restatesOpening(s: Parameters<Rule['apply']>[0], words: string[]): boolean {
  if (!PRODUCING_OPENING.test(s.description)) return false;
  const firstWords = new Set((s.description.split(/(?<=[.!?;])\s+/)[0] ?? '').split(/[^a-z0-9']+/));
  if (!words.slice(2, 6).some((w) => w.length > 3 && firstWords.has(w))) return false;
  const opening = openingVerbs(s);
  return opening.length > 0 && opening.every((h) => h.effect === 'read');
}

/** A later sentence that only labels the call a change: "Mutating.", "BEHAVIOR: STATE-CHANGE." (as "BEHAVIOR: READ-ONLY." labels a read). */
const CHANGE_LABEL = /^(?:behaviou?r\s*:\s*)?(?:mutating|state[- ]chang(?:e|ing))\s*[.!;]?$/;

function thirdPerson(word: string): { verb: string; cls: Category } | undefined {
  const stems = word.endsWith('ies') ? [word.slice(0, -3) + 'y'] : word.endsWith('es') ? [word.slice(0, -2), word.slice(0, -1)] : word.endsWith('s') ? [word.slice(0, -1)] : [];
  for (const v of stems) {
    if (!LASTING.has(v)) continue;
    if (DESTRUCTIVE_VERBS.has(v)) return { verb: word, cls: 'destructive' };
    if (WRITE_VERBS.has(v)) return { verb: word, cls: 'write' };
  }
  return undefined;
}

export const changeSentence: Rule = {
  code: 'CHANGE_SENTENCE',
  role: 'raise',
  summary:
    'A later sentence of the description opens with a change verb in the third person ("Saves it to…", "Creates a copy…", "Overwrites the file"); only when an object follows ("Records a…"; not "Records that…", "Writes nothing"). Or a later sentence only labels the call a change ("Mutating.", "BEHAVIOR: STATE-CHANGE.").',
  apply: (s) => {
    const sentences = s.description.split(/(?<=[.!?;])\s+/).slice(1, 40);
    for (const sentence of sentences) {
      if (CHANGE_LABEL.test(sentence)) return [{ effect: 'write', matched: [sentence], source: 'description', weight: 2 }];
      const words = sentence.split(/[^a-z0-9']+/).filter((w) => w.length > 0);
      const first = words[0];
      if (first === undefined) continue;
      const hit = thirdPerson(first);
      if (hit === undefined) continue;
      // "Records a…", "Creates the…": an object must follow, or the word is a noun ("Writes stay admin-only", "Records
      // that…"). Two change verbs joined by "or" share the object that follows the second ("Activates or deactivates a
      // marketplace app").
      const paired = words[1] === 'or' && thirdPerson(words[2] ?? '') !== undefined;
      if (!OBJECT_OPENERS.has((paired ? words[3] : words[1]) ?? '')) continue;
      if (!paired && /^creates?$/.test(first) && restatesOpening(s, words)) continue;
      // A destructive verb raises to write here: what is lost is said by the destructive phrases, not by a later
      // sentence.
      return [{ effect: 'write', matched: [words.slice(0, 3).join(' ')], source: 'description', weight: 2 }];
    }
    return [];
  },
};
