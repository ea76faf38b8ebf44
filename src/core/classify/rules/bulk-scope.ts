// BULK_SCOPE: the call acts on everything at once (delete_all, batch, bulk, "all files"), which raises the stakes of a
// change.
import { BULK_WORDS } from '../lexicon.ts';
import type { Rule } from '../types.ts';

const PHRASE =
  /\b(?:all|every|entire) (?:the )?(?:files|resources|records|rows|data|objects|items|entries|keys|tables|databases|branches|changes|instances|repositor(?:y|ies)|directory|database|cluster|bucket)\b/;

/** Name words that say what the tool acts on is a cache. */
const CACHE_WORDS: ReadonlySet<string> = new Set(['cache', 'caches', 'cached']);

/** Parameter suffixes that identify one thing ("batch_id", "batchName"). */
const ID_WORDS: ReadonlySet<string> = new Set(['id', 'ids', 'name', 'arn', 'uuid', 'key']);

export const bulkScope: Rule = {
  code: 'BULK_SCOPE',
  role: 'evidence',
  summary:
    'Acts on many things at once: name words all/bulk/batch/mass, or "all files/records/resources" in the description.',
  apply: (s) => {
    // "cache_clear", "flush_caches": clearing cached copies in bulk loses nothing the next call cannot fetch again.
    if (s.nameWords.some((w) => CACHE_WORDS.has(w))) return [];
    // "DeleteAHOBatch(batch_id)": a word the tool takes an id of names the one thing it acts on, not a batch of them.
    const identified = (w: string) =>
      s.params.some((p) => p.depth === 0 && p.words.length === 2 && p.words[0] === w && ID_WORDS.has(p.words[1]!));
    const inName = s.nameWords.filter((w) => BULK_WORDS.has(w) && !identified(w));
    if (inName.length > 0) return [{ effect: 'bulk', matched: inName, source: 'name', weight: 2 }];
    const m = PHRASE.exec(s.description);
    // "list all branches", "show all files": a lookup over everything is not a change in bulk; nor is "exclude all
    // files matched by .gitignore".
    if (
      m &&
      /\b(?:list|lists|listing|show|shows|get|gets|search|searches|find|finds|count|counts|view|views|enumerate|display|exclude|excludes|excluding|skip|skips|skipping|ignore|ignores|ignoring)\s+$/.test(
        s.description.slice(Math.max(0, m.index - 20), m.index),
      )
    )
      return [];
    return m ? [{ effect: 'bulk', matched: [m[0]], source: 'description', weight: 1 }] : [];
  },
};
