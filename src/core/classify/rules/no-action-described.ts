// NO_ACTION_DESCRIBED: a tool whose name has no verb and whose description names things but no change ("Site-wide best
// sellers (10 pages).") hands data back; weakly a read, so any change evidence still wins.
import { AMBIGUOUS_NAME_WORDS, isChangeVerb } from '../lexicon.ts';
import type { Signals } from '../signals.ts';
import type { Rule } from '../types.ts';
import { verbHits } from './name-verb.ts';

/**
 * Top-level parameters that carry a body to send ("data" on "Debug Openai", "request: A firmware JSON command" on
 * "Escape hatch for firmware commands…"): a lookup takes ids and filters, so a tool that names no change but takes a
 * payload says too little to be called a read.
 */
const PAYLOADS: ReadonlySet<string> = new Set(['body', 'payload', 'data', 'request', 'request body']);

/** Whether the tool's name or title holds a verb (NAME_VERB's hits on either). */
export function namesAVerb(s: Signals): boolean {
  return verbHits(s.nameWords, 'name', 3).length > 0 || verbHits(s.titleWords, 'name', 2).length > 0;
}

/**
 * The tool takes a free-form body to send as a top-level parameter (see PAYLOADS). Not where the schema declares fields
 * inside it: "payload" holding an action and its params wraps a dispatcher's arguments ("Perform various user
 * operations (list, get, get bot)"), and "data: List of HTML data to transform" holds what a pure transform reads.
 */
export function takesPayload(s: Signals): boolean {
  return s.params.some((p) => p.depth === 0 && PAYLOADS.has(p.words.join(' '))) && s.params.every((p) => p.depth === 0);
}

export const noActionDescribed: Rule = {
  code: 'NO_ACTION_DESCRIBED',
  role: 'verb',
  summary:
    'No verb in the name, and a description that names no change anywhere (no create/update/send/delete… in any form), on a tool that takes no free-form body to send: weakly a read.',
  apply: (s) => {
    if (s.description.length < 12) return [];
    if (namesAVerb(s)) return [];
    if (takesPayload(s)) return [];
    // Words as often nouns ("books", "posts", "order", "changes") name things, not changes; a verb form of them (-ed,
    // -ing) still counts.
    const noun = (w: string) => w.endsWith('s') && AMBIGUOUS_NAME_WORDS.has(w.slice(0, -1));
    const words = s.description.split(/[^a-z]+/).filter((w) => w.length > 1 && !noun(w));
    if (words.some(isChangeVerb)) return [];
    return [{ effect: 'read', matched: ['no change named'], source: 'description', weight: 1 }];
  },
};
