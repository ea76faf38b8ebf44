// biome-ignore-all format: its word lists and tables read best packed, several items a line
// CHANGE_ONLY_PARAM: input fields that only make sense for a call that changes or sends something (dry_run,
// idempotency_key, if_match, recipients).
import { LOOKUP_VERBS } from '../lexicon.ts';
import type { Rule } from '../types.ts';
import { AMBIGUOUS_WEIGHT, nameVerb } from './name-verb.ts';

/** Parameters naming who a message goes to: in a lookup ("search_emails", "preview_message") they pick messages or show a draft. */
const ADDRESSEES: ReadonlySet<string> = new Set([
  'recipient', 'recipients', 'recipient email', 'cc', 'bcc', 'to email', 'to emails', 'to address', 'to addresses',
  'to user', 'to users', 'to number', 'to phone',
]);
/**
 * Version guards: in a lookup ("get_document_node: Get one bounded HWPX semantic node by canonical path" with
 * expected_revision) they check that what is read is still the revision the caller saw.
 */
const VERSION_GUARDS: ReadonlySet<string> = new Set(['if match', 'expected version', 'expected revision', 'expected etag']);
/** Whole parameter names (words joined by a space) that presuppose a change: nobody dry-runs, confirms or de-duplicates a lookup. */
const CHANGE_ONLY_NAMES: ReadonlySet<string> = new Set([
  'dry run', 'dryrun', 'idempotency key', 'idempotency', 'idempotency token', 'client request token',
  'confirm', 'confirmed', 'confirmation', ...VERSION_GUARDS,
  'commit message', 'notify', 'notify users', 'notify user', 'send notification', 'send notifications', ...ADDRESSEES,
]);

/** Boolean switches that make the call act rather than only look: "execute: dispatch the top recommendation", "persist", "auto_tag". */
const CHANGE_SWITCHES: ReadonlySet<string> = new Set([
  'persist', 'save', 'execute', 'apply', 'commit', 'auto tag', 'auto apply', 'auto commit', 'auto fix', 'auto save', 'write',
  // "select: Also select the matches in ETABS (clears the current selection)", "materialize", "upsert: insert a new
  // document if none matches", "submit: press Enter after typing", "record: store today's median".
  'materialize', 'select', 'store', 'record', 'publish', 'upsert', 'submit', 'send', 'create',
]);

/** The name says lookup with a clear verb (search, list, get, preview) and no change word. */
function namedAsLookup(s: Parameters<Rule['apply']>[0]): boolean {
  const hits = nameVerb.apply(s);
  return (
    hits.every((h) => h.effect === 'read' || h.weight <= AMBIGUOUS_WEIGHT) &&
    hits.some((h) => h.effect === 'read' && h.weight > AMBIGUOUS_WEIGHT && h.matched.some((m) => LOOKUP_VERBS.has(m)))
  );
}

/** A parameter described as narrowing a search or a listing. */
const FILTERS = /^(?:filter|only|search|limit|restrict|match)\b|\b(?:filter(?:s|ed)?|search(?:es|ed)?) by\b/;
/**
 * Addressees the call only looks at, said in the parameter's or the tool's own description ("recipients: Comma-separated
 * exact recipient email addresses to check", of a call that checks whether a message reached them), or the address a
 * search looks for ("recipient: Override the address searched for (to:)", of a read-only report on mail received):
 * nothing is sent.
 */
const ADDRESSEES_LOOKED_AT =
  /\b(?:recipients?|addressees?|(?:email )?addresses)\b[^.;:!?]{0,30}\bto (?:check|search|look up|inspect|trace|query)\b|\b(?:recipients?|addressees?|(?:email )?address(?:es)?) (?:searched|looked up|matched|filtered) (?:for|on|by)\b/;

export const changeOnlyParam: Rule = {
  code: 'CHANGE_ONLY_PARAM',
  role: 'raise',
  summary:
    'A top-level parameter that only makes sense when the call changes or sends something: dry_run, idempotency_key, confirm, if_match/expected_version, commit_message, notify, recipients/cc/bcc.',
  apply: (s) => {
    // "recipient: Filter log entries by recipient": a parameter that narrows what is listed presupposes nothing.
    const matched = s.params
      .filter((p) => p.depth === 0 && (CHANGE_ONLY_NAMES.has(p.words.join(' ')) || (p.type === 'boolean' && CHANGE_SWITCHES.has(p.words.join(' ')))) && !FILTERS.test(p.description))
      .filter((p) => !((ADDRESSEES.has(p.words.join(' ')) || VERSION_GUARDS.has(p.words.join(' '))) && namedAsLookup(s)))
      .filter((p) => !(ADDRESSEES.has(p.words.join(' ')) && (ADDRESSEES_LOOKED_AT.test(p.description) || ADDRESSEES_LOOKED_AT.test(s.description))))
      .map((p) => p.name);
    return matched.length > 0 ? [{ effect: 'write', matched: matched.slice(0, 3), source: 'inputSchema', weight: 2 }] : [];
  },
};
