// BULK_SCOPE: the call acts on everything at once (delete_all, batch, bulk, "all files"), which raises the stakes of a
// change.
import { BULK_WORDS } from '../lexicon.ts';
import type { Rule } from '../types.ts';

const PHRASE =
  /\b(?:all|every|entire) (?:the )?(?:files|resources|records|rows|data|objects|items|entries|keys|tables|databases|branches|changes|instances|repositor(?:y|ies)|directory|database|cluster|bucket)\b/;

/** Name words that say what the tool acts on is a cache. */
const CACHE_WORDS: ReadonlySet<string> = new Set(['cache', 'caches', 'cached']);

/** A deletion into a trash or recycle bin, or a soft delete: what goes can be restored. */
const RECOVERABLE = /\b(?:(?:to|into) (?:the |a )?(?:trash|recycle bin|wastebasket|bin)\b|soft[- ]delet\w*)/;
/** Parameters naming the one file or document an edit applies to, and lists of the edits themselves. */
const ONE_TARGET: ReadonlySet<string> = new Set(['filename', 'file', 'path', 'document', 'doc']);
const EDIT_LISTS: ReadonlySet<string> = new Set(['replacements', 'edits', 'changes', 'operations', 'ops', 'patches']);

/** Parameter suffixes that identify one thing ("batch_id", "batchName"). */
const ID_WORDS: ReadonlySet<string> = new Set(['id', 'ids', 'name', 'arn', 'uuid', 'key']);

/**
 * A deletion of a list the caller gives: "Delete the provided list of persistentvolumes", "Delete one or more data
 * streams", "Delete multiple rows from a table". "Remove … from" a group, a firewall or a playlist only detaches what it
 * names ("Removes one or more droplets from a firewall"), so a remove counts only when no "from" follows in its clause.
 */
const LISTED_DELETE =
  /^(?:permanently |bulk[- ]|batch[- ])?(?:(?:delete|deletes|purge|purges|destroy|destroys|erase|erases)|(remove|removes))(?: the (?:provided|given|specified) list of| (?:a list of|multiple|many|several|one or more|one or many))\b([^.;:]*)/;
/** Array parameters that list the things a deleting tool acts on ("record_ids", "media_s3_uris"). */
const LIST_PARAM = /^(?:ids|names|paths|keys|uris|guids|uuids|arns|filenames)$/;
/** Name words that delete ("drop" is left out: "browser_drop" drops files onto a page). */
const DELETE_NAME: ReadonlySet<string> = new Set(['delete', 'remove', 'purge', 'destroy', 'erase', 'wipe', 'rm']);

export const bulkScope: Rule = {
  code: 'BULK_SCOPE',
  role: 'evidence',
  summary:
    'Acts on many things at once: name words all/bulk/batch/mass, "all files/records/resources" in the description, or a delete of a list the caller gives ("Delete the provided list of …", a deleting tool\'s array of ids/names/paths).',
  apply: (s) => {
    // "cache_clear", "flush_caches": clearing cached copies in bulk loses nothing the next call cannot fetch again.
    if (s.nameWords.some((w) => CACHE_WORDS.has(w))) return [];
    // "DeleteAHOBatch(batch_id)": a word the tool takes an id of names the one thing it acts on, not a batch of them.
    const identified = (w: string) =>
      s.params.some((p) => p.depth === 0 && p.words.length === 2 && p.words[0] === w && ID_WORDS.has(p.words[1]!));
    // "Batch move files to trash": what is deleted can be restored, so its bulk is no bulk destruction.
    const recoverable = RECOVERABLE.exec(s.description);
    if (
      recoverable &&
      !/\b(?:not|never|without|instead of|bypass\w*|skip\w*)\b[^.;]{0,12}$/.test(
        s.description.slice(0, recoverable.index),
      )
    )
      return [];
    // "batch_replace(filename, replacements[])": a batch of edits to one file is the edit's scope, not many things.
    const oneTarget = s.params.some((p) => p.depth === 0 && p.type !== 'array' && ONE_TARGET.has(p.words.at(-1) ?? ''));
    const editList = s.params.some((p) => p.depth === 0 && p.type === 'array' && EDIT_LISTS.has(p.words.at(-1) ?? ''));
    if (oneTarget && editList) return [];
    const inName = s.nameWords.filter((w) => BULK_WORDS.has(w) && !identified(w));
    if (inName.length > 0) return [{ effect: 'bulk', matched: inName, source: 'name', weight: 2 }];
    // "Delete the provided list of persistentvolumes", "delete_records(record_ids[])": a delete of many things the caller
    // lists destroys them all in one call.
    const listed = LISTED_DELETE.exec(s.description);
    if (listed && !(listed[1] && /\bfrom\b/.test(listed[2] ?? '')))
      return [{ effect: 'bulk', matched: [listed[0].slice(0, 40)], source: 'description', weight: 1 }];
    const list = s.params.find((p) => p.depth === 0 && p.type === 'array' && LIST_PARAM.test(p.words.at(-1) ?? ''));
    if (list && s.nameWords.some((w) => DELETE_NAME.has(w)))
      return [{ effect: 'bulk', matched: [list.name], source: 'inputSchema', weight: 1 }];
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
    // "Rollback a transaction, undoing all changes": the changes are that transaction's own.
    if (m && m[0].endsWith('changes') && /\b(?:transactions?|rollback|roll back|undo\w*)\b/.test(s.description))
      return [];
    return m ? [{ effect: 'bulk', matched: [m[0]], source: 'description', weight: 1 }] : [];
  },
};
