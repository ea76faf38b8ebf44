// SESSION_STATE: a tool that requires a session id acts inside server-side session state, which calls that are not
// clearly lookups may change.
import { AMBIGUOUS_WEIGHT, nameVerb, verbHits } from './name-verb.ts';
import { LOOKUP_VERBS, verbForm } from '../lexicon.ts';
import { descriptionLeadVerb } from './description-lead-verb.ts';
import { STATES_NO_CHANGE } from './read-only-phrase.ts';
import type { Param, Signals } from '../signals.ts';
import type { Rule } from '../types.ts';

/**
 * The name (or title) says lookup with a clear verb (get/list/search). Producing verbs (generate/recommend/identify) do
 * not count, since inside a session they add to its record; nor do noun-or-verb words ("monitor", "check").
 */
function namedAsLookup(s: Signals): boolean {
  const hits = [...verbHits(s.nameWords, 'name', 3), ...verbHits(s.titleWords, 'name', 2)];
  return hits.some(
    (h) => h.effect === 'read' && h.weight > AMBIGUOUS_WEIGHT && h.matched.some((m) => LOOKUP_VERBS.has(m)),
  );
}

/** Read verbs that produce something new, which inside a session may be added to its record. */
const PRODUCING: ReadonlySet<string> = new Set([
  'generate',
  'render',
  'recommend',
  'identify',
  'create',
  'build',
  'make',
  'produce',
  'compose',
  'draft',
  'summarize',
  'summarise',
  'suggest',
  'plan',
  'report',
]);

/**
 * The name and the description's opening both say the call looks (measure_regions: "Measure each plant…";
 * gpu_stats: "Query the GPU counters"; has_session: "Check whether a session exists"), with no change word in the name
 * and no producing verb: the session is only what it looks at. A noun-or-verb name word ("has", "take", "check")
 * counts when the opening says it plainly; a "next" step does not look, it moves the session on.
 */
function nameAndOpeningLook(s: Signals): boolean {
  if (s.nameWords.includes('next')) return false;
  const named = nameVerb.apply(s);
  if (named.some((h) => h.effect !== 'read' && h.weight > AMBIGUOUS_WEIGHT)) return false;
  const reads = (hs: typeof named, floor: number) =>
    hs.some((h) => h.effect === 'read' && h.weight > floor && !h.matched.some((m) => PRODUCING.has(m)));
  const lead = descriptionLeadVerb.apply(s);
  // An opening in a script the rules cannot read ("从指定地址开始执行反汇编") says nothing either way: the name decides.
  const head = s.description.slice(0, 80);
  const unread = (head.match(/[^\x00-\x7f]/g)?.length ?? 0) > (head.match(/[a-z]/g)?.length ?? 0);
  // An opening with no verb at all names what comes back ("Skeleton-based traits for ONE plant: …", "max, min, mean
  // … over the session's mask"): a full-weight looking verb in the name then says what the call does.
  // A name with no verb at all ("core.session_state", "DOM_innerText") leaves it to the opening: one that opens by
  // looking something up ("Inspect the artifacts and call history accumulated in a session", "Get the visible text
  // content of the node") looks, when the description's first word is that verb: not after a label that names the
  // tool's kind ("RAG pipeline chat: retrieve relevant chunks…", a chat that keeps the turn), nor when it asks the
  // caller about itself ("Describe your current state"): inside a session that answer is what the call records.
  const aboutCaller = /^(?:[a-z]+ ){1,2}(?:your|yourself)\b/.test(s.description);
  const looksUp =
    !aboutCaller &&
    lead.some(
      (h) =>
        h.effect === 'read' &&
        h.weight > AMBIGUOUS_WEIGHT &&
        h.matched.some((m) => s.description.startsWith(`${m} `) && verbForm(m, LOOKUP_VERBS, true) !== undefined),
    );
  if (named.length === 0 && looksUp && !lead.some((h) => h.effect !== 'read')) return true;
  return (
    reads(named, 0) &&
    (unread || reads(lead, AMBIGUOUS_WEIGHT) || (lead.length === 0 && reads(named, AMBIGUOUS_WEIGHT + 1))) &&
    !lead.some((h) => h.effect !== 'read')
  );
}

/**
 * An optional session id ("Optional session id to audit") is context for a lookup, not the state the call acts in:
 * the schema leaves it out of `required`, or its description opens with "optional".
 */
function optional(p: Param, description: string): boolean {
  return p.required === false || /^\(?optional\b/.test(p.description) || leftOut(p.name, description);
}

/**
 * The tool's description says what happens without it ("Without session_id every request gets a new exit IP; with
 * session_id the same exit is kept"): it is optional, whatever the schema says.
 */
function leftOut(name: string, description: string): boolean {
  const escaped = name.toLowerCase().replace(/[^a-z0-9_]/g, '');
  return new RegExp(String.raw`\b(?:without|omit|omitting) (?:a |an |the )?\`?${escaped}\b`).test(description);
}

export const sessionState: Rule = {
  code: 'SESSION_STATE',
  role: 'raise',
  summary:
    'Requires a session id (session_id, sessionId): the server keeps per-session state and the call acts inside it, so a call that is not clearly a lookup (no get/list/search/check verb in its name; no looking verb in both its name and its opening; no statement that it is read-only) is taken to change it. An optional session id is only context.',
  apply: (s) => {
    const matched = s.params
      .filter(
        (p) =>
          p.depth === 0 &&
          p.words[0] === 'session' &&
          (p.words.length === 1 || (p.words.length === 2 && p.words[1] === 'id')) &&
          !optional(p, s.description),
      )
      .map((p) => p.name);
    // Only a tool with a session id pays for looking at its name and opening.
    if (matched.length === 0 || namedAsLookup(s) || nameAndOpeningLook(s) || STATES_NO_CHANGE.test(s.description))
      return [];
    return [{ effect: 'write', matched: matched.slice(0, 2), source: 'inputSchema', weight: 1 }];
  },
};
