// FORCE_FLAG: options such as force, overwrite, hard, cascade or recursive let a change destroy more than it names.
import type { Hit, Rule } from '../types.ts';

const DESTRUCTIVE_FLAGS: ReadonlySet<string> = new Set([
  'force',
  'overwrite',
  'hard',
  'cascade',
  'purge',
  'prune',
  'wipe',
  'replace',
  // "discard: Allow losing unsaved or busy work", "discard_changes", "drop_vectors: Also delete stored vectors": the
  // option throws away what the call would otherwise keep.
  'discard',
  'drop',
]);
/**
 * What a drop or discard flag leaves out of the call's own input or output ("drop_duplicates", "drop_na",
 * "discard_empty"): a filter on what passes through, not a loss of anything kept; nor is a drop shadow, a drop cap or
 * a dropdown drawn.
 */
const FILTERED_OUT: ReadonlySet<string> = new Set([
  'shadow',
  'cap',
  'down',
  'duplicate',
  'duplicates',
  'dupes',
  'na',
  'nan',
  'null',
  'nulls',
  'empty',
  'blank',
  'blanks',
  'outliers',
  'whitespace',
]);
/** Flags that destroy even when the tool otherwise only reads (git fetch --prune). */
export const ALWAYS_DESTRUCTIVE_FLAGS: ReadonlySet<string> = new Set([
  'overwrite',
  'cascade',
  'purge',
  'prune',
  'wipe',
]);
/** A flag's own description, when it has one, must speak of loss or of bypassing a safeguard ("Allow adding otherwise ignored files" does not). */
const LOSS =
  /\b(?:overwrit|delet|remov|discard|destr|los(?:[est]|ing)|replac|reset|purg|prun|wip|clobber|bypass|safety|safeguard|even if|without (?:confirm|prompt|check)|uncommitted|unmerged|existing|history|irreversib|permanent)/;
const BULK_FLAGS: ReadonlySet<string> = new Set(['recursive', 'all', 'bulk']);
/** Name openers of a getter: a bulk flag on one is an option beside a lookup. */
const LOOKUP_OPENERS: ReadonlySet<string> = new Set(['get', 'list', 'show', 'read', 'fetch']);
/** What an all-flag widens within one target ("all_matches", "all_occurrences"): every match, not many things. */
const WITHIN_TARGET: ReadonlySet<string> = new Set(['match', 'matches', 'occurrence', 'occurrences', 'hits']);
/** Calls whose forced form is known to overwrite what is there (git push --force, checkout -f, cp -f). */
const FORCED_OVERWRITES: ReadonlySet<string> = new Set([
  'push',
  'checkout',
  'switch',
  'pull',
  'copy',
  'cp',
  'mv',
  'write',
  'sync',
]);
/** The description says what a force flag overrides: a refusal or a safeguard lifted by it ("force: If True, skip …"). */
const OVERRIDES =
  /\b(?:unless|without|with|pass|set|use|requires?|if|when)\W{1,3}force\b|\bforce\W{0,3}(?:=|is|to)\W{0,3}(?:true|false)\b|\bforce\W{1,3}(?:if|when) (?:true|set|enabled)\b/;
/**
 * What the force overrides is only a duplicate check: "Refuses an event with the same title and start already in the
 * mesh unless force=true", "force=true to bypass duplicate detection". The forced call adds a second one, it replaces
 * nothing.
 */
const DUPLICATE_CHECK =
  /\b(?:same [a-z]+(?: and [a-z]+)? already\b[^.;!?]{0,60}\bunless\W{1,3}force|force\W{0,3}=\W{0,3}true\W{1,3}to bypass duplicate)\b/;
/** A flag that also names a lookup or a copy (fetch_all, dump_all, list_all) widens what is read or copied, not a change. */
const READ_FLAG_WORDS: ReadonlySet<string> = new Set([
  'fetch',
  'list',
  'show',
  'include',
  'dump',
  'export',
  'backup',
  'download',
  'get',
  'read',
  'search',
  'scan',
  'load',
  'return',
  'print',
  'display',
  'view',
  'count',
  'expand',
]);
/** force_refresh, force_reindex: redo work (bypass a cache) rather than destroy. */
const REDO_WORDS: ReadonlySet<string> = new Set([
  'refresh',
  'reindex',
  'reload',
  'rebuild',
  'recompute',
  'recalculate',
  'rescan',
  'refetch',
  'fetch',
  'update',
  'sync',
  'download',
  'redownload',
  'retry',
  'rerun',
  'restart',
  'reconnect',
  'reanalyze',
  'reparse',
  'render',
  'rerender',
]);

/**
 * A flag whose own description opens by redoing the call's work ("force: Re-download even if the local copy is current",
 * "Download again even if current", "re-classify … even if already tagged", "Regenerate hosted images instead of reusing
 * cached artifacts") bypasses a cache or a skip, as force_refresh does: its "even if" lifts no safeguard against loss.
 * Unless it also names a loss ("Re-download and overwrite the cached copy").
 */
const REDOES =
  /^\s*(?:re-?(?:download|fetch|run|build|index|compute|calculate|scan|load|generate|classify|check|process|analy[sz]e|install|render|read)\w*|(?:download|fetch|run|build|compute|scan|generate|check|load|read)\w* again)\b/i;
/** A loss the flag's description names besides its "even if" ("Re-download and overwrite the cached copy"). */
const SAYS_LOSS = /\b(?:overwrit|delet|remov|discard|destr|wip|purg|prun|clobber|replac|erase)/i;
/**
 * Or whose "even if" names only what would make the work unnecessary: a copy that is current or a cache that is fresh
 * ("force browser login even if session cache is fresh"), a condition not met ("run simulation even if the condition
 * is not currently met"): the forced call does its own work anyway, it loses nothing.
 */
const STILL_CURRENT =
  /\beven (?:if|when) (?:the |its |a )?(?:[a-z]+ ){0,2}(?:is |are )?(?:(?:already )?(?:current|fresh|up to date)|not (?:currently |yet )?met)\b/i;

/** forceSave, force_create, forceTest: do the call's own save, creation or test despite a warning, not destroy. */
const FORCED_ACTIONS: ReadonlySet<string> = new Set(['save', 'create', 'add', 'test']);
/**
 * force_dark, forcedColors: force a display mode on what is shown ("force_dark: True = force dark web pages"), not a
 * call past a safeguard; nothing is lost.
 */
const FORCED_DISPLAY: ReadonlySet<string> = new Set(['dark', 'light', 'colors', 'colours', 'theme']);

export const forceFlag: Rule = {
  code: 'FORCE_FLAG',
  role: 'intensify',
  summary:
    'Boolean options such as force, overwrite, hard or cascade (destroy more than named), and recursive/all (act in bulk).',
  apply: (s) => {
    const destructive: string[] = [];
    const always: string[] = [];
    const bulk: string[] = [];
    // replace_all beside an old/new text pair replaces every occurrence of a string in one file: the edit's scope, not
    // a change in bulk (it still overwrites text, so it stays destructive).
    const textEdit =
      s.params.some((q) => q.depth === 0 && q.words[0] === 'old') || /\boccurrences?\b/.test(s.description);
    for (const p of s.params) {
      if (p.depth > 0 || (p.type !== 'boolean' && p.type !== '')) continue;
      if (p.words.length > 3) continue;
      if (
        p.words.some(
          (w) => REDO_WORDS.has(w) || READ_FLAG_WORDS.has(w) || FORCED_ACTIONS.has(w) || FORCED_DISPLAY.has(w),
        )
      )
        continue;
      if (p.words.some((w) => FILTERED_OUT.has(w))) continue;
      // "in_force: Only include constitutions currently in force": a law or rule in force is one in effect, not a forced call.
      if (p.words[0] === 'in' && p.words[1] === 'force') continue;
      if ((REDOES.test(p.description) || STILL_CURRENT.test(p.description)) && !SAYS_LOSS.test(p.description)) continue;
      // A yes/no option that opens by deleting ("delete_raw: Delete raw activity entries after summarizing") throws away
      // what the call would otherwise keep, even beside a summary that only reads.
      if (p.type === 'boolean' && p.words[0] === 'delete' && /^\s*delete\b/i.test(p.description)) {
        always.push(p.name);
        continue;
      }
      const kind = p.words.some((w) => ALWAYS_DESTRUCTIVE_FLAGS.has(w))
        ? always
        : p.words.some((w) => DESTRUCTIVE_FLAGS.has(w))
          ? destructive
          : undefined;
      // A description in a script the rules cannot read (no Latin word beyond true/false/null) says nothing either way,
      // as an absent one.
      // A bare "force" says only that the call goes ahead despite something, not what is lost: without a description
      // that names a loss it is no evidence (create_event's, set_camera's, move_channel's force), unless the tool's
      // own description says what it overrides ("Refuses if the place is acquired by another identity unless
      // force=True") or the call is one whose forced form overwrites (git_push).
      const unread = !/[a-z]{2,}/.test(p.description.replace(/\b(?:true|false|null)\b/g, ''));
      const bareForce =
        p.words.every((w) => w === 'force' || w === 'forced') &&
        (!OVERRIDES.test(s.description) || DUPLICATE_CHECK.test(s.description)) &&
        !s.nameWords.some((w) => FORCED_OVERWRITES.has(w));
      if (kind !== undefined && ((unread && !bareForce) || LOSS.test(p.description))) {
        // A flag whose own description says it overwrites or deletes destroys even when the tool otherwise reads.
        (/\b(?:overwrit\w*|delet\w*|discard\w*|wip(?:e|es|ing))\b/.test(p.description) ? always : kind).push(p.name);
      }
      // "all: show both local and remote branches" widens a listing, not a change; "all_matches" widens an edit to every
      // match within what it edits, not to many things. Nor is a getter's clearing option the call's act
      // ("get_tap_ledger: return the ledger … or 'clear_all=true' to wipe the entire ledger"): it may destroy, but the
      // call looks one thing up.
      if (
        !LOOKUP_OPENERS.has(s.nameWords[0] ?? '') &&
        p.words.some((w) => BULK_FLAGS.has(w)) &&
        !(textEdit && p.words.includes('replace')) &&
        !p.words.some((w) => WITHIN_TARGET.has(w)) &&
        !/\b(?:list|lists|listing|show|shows|display|include|includes|return|returns)\b/.test(p.description)
      )
        bulk.push(p.name);
    }
    const hits: Hit[] = [];
    // Flags that destroy whatever the tool otherwise does raise even a read; the others make a change destructive.
    if (always.length > 0 || destructive.length > 0) {
      hits.push({
        effect: 'destructive',
        matched: [...always, ...destructive],
        source: 'inputSchema',
        weight: 2,
        role: always.length > 0 ? 'raise' : 'intensify',
      });
    }
    if (bulk.length > 0) hits.push({ effect: 'bulk', matched: bulk, source: 'inputSchema', weight: 1 });
    return hits;
  },
};
