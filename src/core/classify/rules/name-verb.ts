// biome-ignore-all format: its word lists and tables read best packed, several items a line
// NAME_VERB: the verbs in the tool name (any casing) are the strongest signal of what a call does.
import { AMBIGUOUS_NAME_WORDS, NAME_WRITE_VERBS, cancelKeepsWork, changeSense, readSense, writeSense, requestCompound, verbClass, HANDING_VERBS, handsBack, runsARead, EPHEMERAL_NOUNS, GLUED_PREFIX_MIN, WRITE_VERBS, verbForm } from '../lexicon.ts';
import type { Category } from '../../schemas/verdict.ts';
import { oncePerTool } from '../signals.ts';
import type { Hit, Rule } from '../types.ts';
import { descriptionLeadVerb, openingOnlyReads, openingVerbs, RECORD_NOUNS } from './description-lead-verb.ts';

/** Weight of an unambiguous name verb; ambiguous noun-or-verb words ("label", "run") get AMBIGUOUS_WEIGHT. */
export const NAME_WEIGHT = 3;
export const AMBIGUOUS_WEIGHT = 1;

/** A glued pair of verbs such as "createorupdate" or "getorcreate": verb + "or"/"and" + verb; the stronger one counts. */
function gluedClass(word: string): { cls: Category; verb: string } | undefined {
  if (word.length < GLUED_PREFIX_MIN + 2) return undefined;
  const m = /^([a-z]{2,12}?)(?:or|and)([a-z]{2,12})$/.exec(word);
  if (m === null) return undefined;
  const a = verbClass(m[1]!, false);
  const b = verbClass(m[2]!, false);
  if (a === undefined || b === undefined) return undefined;
  const rank = { read: 0, write: 1, destructive: 2 } as const;
  return rank[a] >= rank[b] ? { cls: a, verb: m[1]! } : { cls: b, verb: m[2]! };
}

/** Verb hits for a list of words; creating or running an ephemeral output (a completion, a chart, a report) counts as a read. */
export function verbHits(words: string[], source: Hit['source'], weight: number): Hit[] {
  const found: Record<string, { strong: string[]; weak: string[]; produced: string[] }> = {};
  const ephemeral = words.some((w) => EPHEMERAL_NOUNS.has(w));
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    // "openai_ads_account", "open_api_spec": "open" glued to an acronym or "source" / "data" is a compound noun.
    if (word === 'open' && OPEN_COMPOUNDS.has(words[i + 1] ?? '')) continue;
    // "forward_geocode": "forward" before a read names its direction (forward as against reverse geocoding);
    // "mysql_like_search": "like" before a read names its kind (a SQL LIKE search).
    if ((word === 'forward' || word === 'like') && verbClass(words[i + 1] ?? '', false) === 'read') continue;
    // "list_pull_requests", "get_merge_request": a pull or merge request is a thing, not a pull or a merge.
    if (requestCompound(word, words[i + 1])) continue;
    // "update_threads_read_for_user", "set_read_state": "read" after a word that sets a state is the state set.
    if (word === 'read' && words.slice(0, i).some((w) => STATE_SETTERS.has(w))) continue;
    let cls = verbClass(word, false) ?? (NAME_WRITE_VERBS.has(word) ? 'write' : undefined);
    // "enrich_by_handle", "list_refunds_by_order": a change word after a preposition is what the call is about, not
    // what it does.
    // "eqsl_last_upload", "latest_release": after an adjective that picks one of several, it is the thing picked.
    if (cls !== undefined && cls !== 'read' && i > 0 && (PREPOSITIONS.has(words[i - 1]!) || PICKING.has(words[i - 1]!))) continue;
    // "router", "parser", "detector" at the end of a name: an agent noun names the tool's kind, as weakly as a
    // noun-or-verb word. Some agent nouns only ever name what the tool does ("services_reader", "schema_validator").
    const agentOnly = cls === undefined && i === words.length - 1 && !READING_AGENTS.has(word) && verbClass(word, false, true) !== undefined;
    if (READING_AGENTS.has(word)) cls = 'read';
    if (agentOnly) cls = verbClass(word, false, true);
    let shown = word;
    if (cls === undefined) {
      const glued = gluedClass(word);
      if (glued !== undefined) [cls, shown] = [glued.cls, `${word}(${glued.verb})`];
    }
    if (cls === undefined) continue;
    if (cls === 'read' && changeSense(words, i)) cls = 'write';
    // "reset_password", "send_password_reset": a new password set (or its link sent) is a change, not a loss.
    if (cls === 'destructive' && writeSense(words, i)) cls = 'write';
    // "follow_citations", "follow_code_path": following a trail reads.
    if (cls === 'write' && readSense(words, i)) cls = 'read';
    let produced = false;
    if (cls === 'write' && ephemeral && /^(?:create|generate|build|run|execute)/.test(word)) [cls, produced] = ['read', true];
    // "run_audit", "runAccessibilityAudit": running an audit, a check or a report reads.
    if (cls === 'write' && runsARead(words, i)) [cls, produced] = ['read', true];
    const slot = (found[cls] ??= { strong: [], weak: [], produced: [] });
    const list = produced ? slot.produced : AMBIGUOUS_NAME_WORDS.has(word) || agentOnly ? slot.weak : slot.strong;
    if (!list.includes(shown)) list.push(shown);
  }
  const hits: Hit[] = [];
  for (const cls of ['destructive', 'write', 'read'] as const) {
    const slot = found[cls];
    if (slot === undefined) continue;
    if (slot.strong.length > 0) hits.push({ effect: cls, matched: slot.strong, source, weight });
    if (slot.weak.length > 0) hits.push({ effect: cls, matched: slot.weak, source, weight: AMBIGUOUS_WEIGHT });
    if (slot.produced.length > 0) hits.push({ effect: cls, matched: slot.produced, source, weight });
  }
  return hits;
}

/** Words that set a state, after which "read" is the state ("mark_thread_read", "update_threads_read_for_user"). */
const STATE_SETTERS: ReadonlySet<string> = new Set(['mark', 'set', 'update', 'toggle', 'flag']);

/** Prepositions after which a name's word is an object. */
const PREPOSITIONS: ReadonlySet<string> = new Set(['by', 'of', 'for', 'per', 'from', 'with', 'in', 'on', 'at', 'via', 'no', 'without']);
/** Adjectives that pick one of several things: a change word after one is the thing ("last_upload", "recent_changes"). */
const PICKING: ReadonlySet<string> = new Set(['last', 'latest', 'recent', 'previous', 'prior', 'upcoming', 'pending', 'current']);
/**
 * Words that make "open" the first half of a compound noun (OpenAPI, OpenID, open source, open data; a market's open
 * interest, "hl_open_interest: Hyperliquid open interest", the contracts outstanding).
 */
const OPEN_COMPOUNDS: ReadonlySet<string> = new Set(['ai', 'api', 'apis', 'id', 'source', 'data', 'telemetry', 'interest']);

/** Agent nouns that name a tool by what it does, never an entity it acts on. */
const READING_AGENTS: ReadonlySet<string> = new Set(['reader', 'viewer', 'fetcher', 'getter', 'finder', 'searcher', 'checker', 'validator', 'analyzer', 'analyser', 'inspector']);

/**
 * Reads that end a name as its verb ("kafka_connect_list", "block_get", "repair_status"): never an operation a change
 * starts ("start_scan", "run_query", "submit_review" end with what the change makes).
 */
const CLOSING_READS: ReadonlySet<string> = new Set(['get', 'list', 'fetch', 'show', 'describe', 'status', 'info', 'stats', 'details', 'history', 'read', 'lookup', 'find', 'view', 'verify', 'count', 'exists']);

/** Nouns that end a name with advice about a change, not the change ("repair_hints", "install_instructions"). */
const ADVICE_NOUNS: ReadonlySet<string> = new Set(['hints', 'advice', 'tips', 'instructions', 'guide', 'guidance', 'checklist', 'steps', 'readiness', 'eligibility', 'feasibility', 'requirements']);

/** An opening that offers advice ("Provide installation instructions for…", "Gives setup steps"), not a change. */
const OFFERED_ADVICE = /^(?:provides?|gives?) (?:[a-z0-9-]+ ){0,3}?(instructions|guidance|steps|tips|advice)\b/;

const JOINED: ReadonlySet<string> = new Set(['and', 'or', 'then']);

/** Words that, right before a change verb, make it a plan of the change rather than the change. */
const PLANNING: ReadonlySet<string> = new Set(['plan', 'preview', 'dryrun']);

/** Read verbs that are rarely nouns, so they open a name even after a namespace prefix. */
const OPENING_READS: ReadonlySet<string> = new Set([
  'get', 'list', 'fetch', 'show', 'describe', 'retrieve', 'read', 'find', 'view', 'preview', 'lookup', 'inspect', 'validate',
  'verify', 'detect', 'explain', 'summarize', 'count', 'check',
]);

/** Reads that, after a prefix, open a name only when the description's opening reads as well. */
const PREFIXED_READS: ReadonlySet<string> = new Set(['query']);

/** Verbs that produce output in place of a name's "create/generate" (the output is handed back). */
const PRODUCING: ReadonlySet<string> = new Set(['create', 'generate', 'build', 'run', 'execute', 'make', 'produce', 'render', 'return', 'get']);

/**
 * "export_citations", "export_records_csv", "expand_styles": an export whose description says the data is handed back
 * and names no destination, or an expansion of data, is a read; any other stays a change. Not one after a read verb,
 * where it is the object ("list_export_jobs"), nor an export the name puts somewhere ("export_to_file").
 */
function handedBack(words: string[], description: string, hits: Hit[]): Hit[] {
  const at = words.findIndex((w) => HANDING_VERBS.has(w));
  if (at < 0 || words.slice(0, at).some((w) => verbClass(w, false) === 'read')) return hits;
  const verb = words[at]!;
  if (!handsBack(verb, description, words)) return hits;
  return hits.flatMap((h) => {
    if (h.effect !== 'write' || !h.matched.includes(verb)) return [h];
    const rest = h.matched.filter((m) => m !== verb);
    return [{ ...h, effect: 'read', matched: [verb] }, ...(rest.length > 0 ? [{ ...h, matched: rest }] : [])];
  });
}

/**
 * "create_chart" makes output for the caller, unless the description's opening says the output is put somewhere
 * ("Add a chart to the worksheet", "Insert…", "Save…"): then the name's verb is a change after all.
 */
function placedOutput(leadWords: string[], hits: Hit[]): Hit[] {
  const placing = leadWords.slice(0, 4).some((w) => {
    const v = verbForm(w, WRITE_VERBS, true);
    return v !== undefined && !PRODUCING.has(v);
  });
  if (!placing) return hits;
  return hits.map((h) => (h.effect === 'read' && h.matched.some((m) => /^(?:create|generate|build|run|execute)/.test(m)) ? { ...h, effect: 'write' } : h));
}

/**
 * Change words that are as often nouns elsewhere ("get_updates", "list_saved_searches", "sync_status") but that, opening
 * a name, are its verb: "update_list_entry", "save_search", "fixListFormatting" change what the read word after them
 * names. Promoted only over such a read word: alone they stay as weak as before.
 */
const OPENING_CHANGES: ReadonlySet<string> = new Set([
  'update', 'save', 'fix', 'sync', 'copy', 'clone', 'register', 'upgrade', 'schedule', 'switch', 'reply', 'invite', 'fill',
  'transfer',
  // "trigger_plaid_fetch: Trigger a fetch of latest data from Plaid": the read word after it is the job it starts.
  'trigger',
]);

/**
 * The read hit (or, with `change`, the change hit) that matched `word`, split so that the word stands alone at `weight`
 * (the hit's other words keep theirs).
 */
function promote(hits: Hit[], word: string, weight: number, change = false): Hit[] {
  return hits.flatMap((h) => {
    if ((h.effect === 'read') === change || !h.matched.includes(word)) return [h];
    const rest = h.matched.filter((m) => m !== word);
    return [{ ...h, matched: [word], weight }, ...(rest.length > 0 ? [{ ...h, matched: rest }] : [])];
  });
}

/**
 * In a name whose first verb is a clear read ("get_store_info", "list_upload_urls", "hosting_listWordPressPlugins"
 * after its namespace prefix) a later change word is its object, not a second verb: it weighs less than the opening
 * verb. Not when verbs are joined ("search_and_replace"), and never for destructive words, which keep their full
 * weight.
 */
function demoteObjects(words: string[], hits: Hit[], weight: number, readOpening = false): Hit[] {
  if (words.some((w) => JOINED.has(w))) {
    // "trigger_dag_and_wait", "camunda7_fetch_and_lock": verbs joined by and/then are verbs, the name's first word and
    // both words a joiner stands between when each is a verb ("Shipping, returns and store rules" joins nouns).
    const isVerb = (w: string | undefined) => w !== undefined && hits.some((h) => h.matched.includes(w));
    // "Store details and delivery slots": a noun-or-verb word before a record noun names the record, and is no verb.
    const opensRecord = RECORD_NOUNS.has(words[1] ?? '');
    const joined = new Set([...(opensRecord ? [] : [words[0]!]), ...words.flatMap((w, i) => (JOINED.has(w) && isVerb(words[i - 1]) && isVerb(words[i + 1]) ? [words[i - 1]!, words[i + 1]!] : []))]);
    const promoted = hits.flatMap((h) => {
      const verbs = h.weight === AMBIGUOUS_WEIGHT ? h.matched.filter((m) => joined.has(m)) : [];
      if (verbs.length === 0) return [h];
      const rest = h.matched.filter((m) => !joined.has(m));
      return [{ ...h, matched: verbs, weight }, ...(rest.length > 0 ? [{ ...h, matched: rest }] : [])];
    });
    // "get_target_pathways_and_go_terms": the joiner stands between nouns, so a change word after it is, as without a
    // joiner, the object of the read that opens the name.
    const opener = words[0]!;
    if (!promoted.some((h) => h.effect === 'read' && h.weight === weight && h.matched.includes(opener))) return promoted;
    return promoted.flatMap((h) => {
      if (h.effect !== 'write' || h.weight !== weight) return [h];
      const objects = h.matched.filter((m) => !joined.has(m));
      if (objects.length === 0) return [h];
      const verbs = h.matched.filter((m) => joined.has(m));
      return [{ ...h, matched: objects, weight: weight - 1 }, ...(verbs.length > 0 ? [{ ...h, matched: verbs }] : [])];
    });
  }
  // A name that opens with a read verb that is rarely a noun ("check_grant_expression", "view_…") opens with it even
  // when the word is as often a noun elsewhere: it is promoted to full weight.
  let opened = hits;
  // A planning word right before a change verb ("gads_plan_create_campaign", "meta_plan_pause") describes the change
  // without making it: it opens the name like a read verb, wherever it stands.
  const planning = words.findIndex((w, i) => PLANNING.has(w) && i + 1 < words.length && hits.some((h) => h.effect === 'write' && h.matched.includes(words[i + 1]!)));
  const lead = planning >= 0 ? words[planning]! : words[0]!;
  if ((OPENING_READS.has(lead) || planning >= 0) && hits.some((h) => h.effect === 'read' && h.weight < weight && h.matched.includes(lead))) {
    opened = promote(hits, lead, weight);
  } else if (
    OPENING_CHANGES.has(lead) &&
    hits.some((h) => h.effect !== 'read' && h.weight < weight && h.matched.includes(lead)) &&
    hits.some((h) => h.effect === 'read' && h.weight === weight)
  ) {
    opened = promote(hits, lead, weight, true);
  }
  // The first word that is a verb at full weight; leading nouns are a namespace ("hosting_", "reminders_").
  const first = words.find((w) => opened.some((h) => h.weight === weight && h.matched.includes(w)));
  if (first === undefined) return opened;
  // After a prefix only a word that is rarely a noun opens the name ("client_query_submit" submits a query), or a read
  // that is as often a noun when the description opens with reading too ("kingdee_query_transfer_apply: 查询调拨申请单…
  // 列表" queries transfer applications).
  if (first !== lead && first !== words[0] && !OPENING_READS.has(first) && !(readOpening && PREFIXED_READS.has(first))) return opened;
  const opensWithRead = opened.some((h) => h.effect === 'read' && h.weight === weight && h.matched.includes(first));
  if (!opensWithRead) return opened;
  // "get_treasury_stock_trust_terminate: …신탁계약 해지 결정 … 조회합니다": a destructive word after an opening read is
  // the object too when the description's opening only reads (it looks up the termination decision, ends nothing).
  return opened.map((h) => ((h.effect === 'write' || (readOpening && h.effect === 'destructive')) && h.weight === weight ? { ...h, weight: weight - 1 } : h));
}

/**
 * "kafka_connect_list", "block_get", "repair_status": a name that ends with a read its description opens with (every
 * verb of the opening reads) says what it does last; a change word before it is what is read about. The closing read
 * takes a name verb's full weight and the change words one less. Not when verbs are joined ("delete_and_list"), nor
 * for destructive words, which keep their full weight.
 */
function closingRead(s: Parameters<Rule['apply']>[0], hits: Hit[]): Hit[] {
  const last = s.nameWords.at(-1);
  if (last === undefined || s.nameWords.length < 2 || s.nameWords.some((w) => JOINED.has(w))) return hits;
  // "extension_cli_install": "Provide installation instructions for Azure CLI …": a description that opens by offering
  // advice says the name's change is what the advice is about, as an advice noun ending the name does.
  const offered = OFFERED_ADVICE.exec(s.description)?.[1];
  const advice = ADVICE_NOUNS.has(last) || offered !== undefined;
  if (!advice && !(CLOSING_READS.has(last) && hits.some((h) => h.effect === 'read' && h.matched.includes(last)))) return hits;
  if (!hits.some((h) => h.effect === 'write')) return hits;
  const lead = openingVerbs(s);
  if ((lead.length === 0 && !advice) || lead.some((h) => h.effect !== 'read')) return hits;
  const demoted = promote(hits, last, NAME_WEIGHT).map((h) =>
    h.effect === 'write' && h.weight === NAME_WEIGHT ? { ...h, weight: NAME_WEIGHT - 1 } : h,
  );
  return advice ? [...demoted, { effect: 'read', matched: [offered ?? last], source: 'name', weight: NAME_WEIGHT }] : demoted;
}

/**
 * "align_and_enrich: Align preprint to published version and enrich metadata": a name's change verb whose name gives it
 * no object takes its sense from the description's opening when that opens with the same verb (readSense: aligning a
 * paper matches it to its versions, a read). Only a verb the name leaves bare, right before a joiner or at its end.
 */
function openingSense(s: Parameters<Rule['apply']>[0], hits: Hit[]): Hit[] {
  const [first] = s.leadWords;
  if (first === undefined || !readSense(s.leadWords, 0)) return hits;
  const at = s.nameWords.findIndex((w, i) => verbForm(first, new Set([w]), true) !== undefined && (i === s.nameWords.length - 1 || JOINED.has(s.nameWords[i + 1]!)));
  if (at < 0) return hits;
  const verb = s.nameWords[at]!;
  return hits.flatMap((h) => {
    if (h.effect !== 'write' || !h.matched.includes(verb)) return [h];
    const rest = h.matched.filter((m) => m !== verb);
    return [{ ...h, effect: 'read', matched: [verb] }, ...(rest.length > 0 ? [{ ...h, matched: rest }] : [])];
  });
}

/**
 * "firefly_iii_insight_expense_tag: Insight into expenses, grouped by tag.": a name's change word that the description
 * uses only as the key things are picked or grouped by ("by tag", "per tag") is what the call is about, not what it
 * does; its change hit is dropped. Other words of the name keep theirs ("shutdown-droplets-tag: Shutdown droplets by
 * tag" stays a change by "shutdown").
 */
const KEY_PATTERNS = new Map<string, readonly [RegExp, RegExp]>();
/** The patterns for a word anywhere and for it after "by" or "per", built once per word. */
function keyPatterns(w: string): readonly [RegExp, RegExp] {
  let found = KEY_PATTERNS.get(w);
  if (found === undefined) {
    found = [new RegExp(`\\b${w}s?\\b`, 'gi'), new RegExp(`\\b(?:by|per) ${w}s?\\b`, 'gi')];
    KEY_PATTERNS.set(w, found);
  }
  return found;
}

function keyedBy(description: string, hits: Hit[]): Hit[] {
  const keyOnly = (w: string): boolean => {
    const [anywhere, asKey] = keyPatterns(w);
    const all = description.match(anywhere)?.length ?? 0;
    return all > 0 && (description.match(asKey)?.length ?? 0) === all;
  };
  return hits.flatMap((h) => {
    if (h.effect === 'read' || !h.matched.some((m) => /^[a-z]+$/.test(m) && keyOnly(m))) return [h];
    const rest = h.matched.filter((m) => !(/^[a-z]+$/.test(m) && keyOnly(m)));
    return rest.length > 0 ? [{ ...h, matched: rest }] : [];
  });
}

/**
 * "firefly_iii_insight_transfer_tag: Insight into transfers, grouped by tag.": under an opening that is a noun with its
 * complement ("Insight into", "Breakdown of"), a name's change word that the description uses only in the plural is
 * the thing reported on, not what the call does; its change hit is dropped. A description that also uses the word
 * bare ("Summary of transfers. Transfer funds between accounts") keeps it.
 */
const NOUN_COMPLEMENTS: ReadonlySet<string> = new Set(['of', 'into']);
/** Whether the description opens with a word that is no verb, then "of" or "into" ("Insight into", "Breakdown of"). */
export function opensWithNounComplement(s: Parameters<Rule['apply']>[0]): boolean {
  const [first, second] = s.leadWords;
  return first !== undefined && second !== undefined && NOUN_COMPLEMENTS.has(second) && verbClass(first, true) === undefined;
}
function pluralInNounPhrase(s: Parameters<Rule['apply']>[0], hits: Hit[]): Hit[] {
  if (!opensWithNounComplement(s)) return hits;
  const words: string[] = s.description.toLowerCase().match(/[a-z]+/g) ?? [];
  const pluralOnly = (w: string): boolean => {
    return /^[a-z]+$/.test(w) && words.includes(`${w}s`) && !words.some((d) => d !== `${w}s` && verbForm(d, new Set([w]), true) !== undefined);
  };
  return hits.flatMap((h) => {
    if (h.effect === 'read' || !h.matched.some(pluralOnly)) return [h];
    const rest = h.matched.filter((m) => !pluralOnly(m));
    return rest.length > 0 ? [{ ...h, matched: rest }] : [];
  });
}

/**
 * "civitae_inbox_read: Mark inbox messages as read.", "read_room_messages: チャットのメッセージを既読にします。": when the
 * description's opening sentence marks things read (or seen, unread), the name's "read" is the state the call sets, not
 * a reading; its read hit is dropped. Only an opening that is the marking: not one that reads and denies marking
 * ("Read messages without marking them read"), nor a marking told later ("read_entry: Get full content of an entry
 * (auto-marks as read)" reads; SIDE_EFFECT_PHRASE weighs the marking).
 */
const MARKS_READ =
  /^(?:(?:marks?|marking) (?!(?:[^.;:!?]{0,60}\b)?(?:without|not|never)\b)[^.;:!?\n]{0,60}\b(?:as )?(?:read|seen|unread)\b|[^。.!?！？\n]{0,60}(?:を既読に|标记为已读|標記為已讀|(?:을|를)? ?읽음 ?(?:처리|으로|표시)))/i;
const STATE_WORDS: ReadonlySet<string> = new Set(['read', 'seen', 'unread']);
function marksRead(description: string, hits: Hit[]): Hit[] {
  if (!MARKS_READ.test(description.trim())) return hits;
  return hits.flatMap((h) => {
    if (h.effect !== 'read' || !h.matched.some((m) => STATE_WORDS.has(m))) return [h];
    const rest = h.matched.filter((m) => !STATE_WORDS.has(m));
    return rest.length > 0 ? [{ ...h, matched: rest }] : [];
  });
}

/** Words that name no operation of their own, only that a tool handles a kind of thing ("manage_tasks"). */
const UMBRELLA_VERBS: ReadonlySet<string> = new Set(['manage', 'administer', 'crud']);

/**
 * "manage_script_project: Create or delete an Apps Script project.": a name that opens with an umbrella word names no
 * operation, and the words after it are what is managed ("manage-list-entry"), so when the description's opening names
 * the operations, they say what the call does: every name word keeps only a noun-or-verb word's weight. A name with
 * nothing but the umbrella word and an opening that only repeats it ("Manage list entries") stays as it was.
 */
function umbrella(s: Parameters<Rule['apply']>[0], hits: Hit[]): Hit[] {
  const opener = s.nameWords.find((w) => hits.some((h) => h.matched.includes(w)));
  if (opener === undefined || !UMBRELLA_VERBS.has(opener)) return hits;
  const lead = descriptionLeadVerb.apply(s);
  const named = lead.some(
    (h) =>
      (h.effect === 'read' || h.effect === 'write' || h.effect === 'destructive') &&
      h.matched.some((m) => !UMBRELLA_VERBS.has(verbForm(m, WRITE_VERBS, true) ?? m)),
  );
  if (!named) return hits;
  return hits.map((h) => (h.weight > AMBIGUOUS_WEIGHT ? { ...h, weight: AMBIGUOUS_WEIGHT } : h));
}

export const nameVerb: Rule = {
  code: 'NAME_VERB',
  role: 'verb',
  summary:
    'Verbs in the tool name (snake_case, camelCase, PascalCase, kebab-case, dotted, spaced or glued like "createorupdate"): delete/drop → destructive, create/update/send → write, get/list/search → read. Words that are as often nouns ("label", "run", "deploy") count only when nothing clearer does.',
  // Once per tool: other rules ask for the same hits.
  apply: oncePerTool((s) => {
    const hits = openingSense(s, closingRead(
      s,
      handedBack(
        s.nameWords,
        s.description,
        placedOutput(s.leadWords, demoteObjects(s.nameWords, verbHits(s.nameWords, 'name', NAME_WEIGHT), NAME_WEIGHT, openingOnlyReads(s))),
      ),
    ));
    // "report_bug", "report_usage": a report word before what is filed is, weakly (a noun as often), the verb of
    // filing it, a change.
    const filed = hits.length === 0 ? s.nameWords.findIndex((w, i) => w === 'report' && changeSense(s.nameWords, i)) : -1;
    if (filed >= 0) hits.push({ effect: 'write', matched: s.nameWords.slice(filed, filed + 2), source: 'name', weight: AMBIGUOUS_WEIGHT });
    // A name with no verb that names an output ("domain_trust_report", "fleet_summary") is, weakly, a read.
    const products = hits.length === 0 ? s.nameWords.filter((w) => EPHEMERAL_NOUNS.has(w)) : [];
    if (products.length > 0) hits.push({ effect: 'read', matched: products, source: 'name', weight: AMBIGUOUS_WEIGHT });
    const sameAsName = s.titleWords.join(' ') === s.nameWords.join(' ');
    const all = sameAsName ? hits : [...hits, ...demoteObjects(s.titleWords, verbHits(s.titleWords, 'name', NAME_WEIGHT - 1), NAME_WEIGHT - 1)];
    // "cancel_batch: Stop sending new pages … Pages already sent finish and are saved": a cancellation that keeps the
    // work done (resumable, nothing undone) stops a run, a change, and loses nothing.
    const kept = all.map((h) =>
      h.effect === 'destructive' && h.matched.every((m) => cancelKeepsWork(m, s.description)) ? { ...h, effect: 'write' as const } : h,
    );
    return umbrella(s, pluralInNounPhrase(s, keyedBy(s.description, marksRead(s.description, kept))));
  }),
};
