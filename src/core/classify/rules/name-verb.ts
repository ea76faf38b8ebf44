// NAME_VERB: the verbs in the tool name (any casing) are the strongest signal of what a call does.
import { DESTRUCTIVE_VERBS, EPHEMERAL_NOUNS, READ_VERBS, WRITE_VERBS, verbForm } from '../lexicon.ts';
import type { Hit, Rule } from '../types.ts';

/** Verb hits for a list of words; "create" of an ephemeral output (a completion, a chart) counts as a read. */
export function verbHits(words: string[], source: Hit['source'], weight: number): Hit[] {
  const destructive: string[] = [];
  const write: string[] = [];
  const read: string[] = [];
  const ephemeral = words.some((w) => EPHEMERAL_NOUNS.has(w));
  for (const word of words) {
    const d = verbForm(word, DESTRUCTIVE_VERBS, false);
    if (d !== undefined) {
      destructive.push(word);
      continue;
    }
    const w = verbForm(word, WRITE_VERBS, false);
    if (w !== undefined) {
      if (ephemeral && (w === 'create' || w === 'generate' || w === 'build')) read.push(word);
      else write.push(word);
      continue;
    }
    if (verbForm(word, READ_VERBS, false) !== undefined) read.push(word);
  }
  const hits: Hit[] = [];
  if (destructive.length > 0) hits.push({ effect: 'destructive', matched: destructive, source, weight });
  if (write.length > 0) hits.push({ effect: 'write', matched: write, source, weight });
  if (read.length > 0) hits.push({ effect: 'read', matched: read, source, weight });
  return hits;
}

export const nameVerb: Rule = {
  code: 'NAME_VERB',
  summary: 'Verbs in the tool name (snake_case, camelCase, PascalCase, kebab-case, dotted or spaced): delete/drop → destructive, create/update/send → write, get/list/search → read.',
  apply: (s) => [...verbHits(s.nameWords, 'name', 3), ...verbHits(s.titleWords, 'name', 2)],
};
