// DESTRUCTIVE_PHRASE: descriptions that say the effect is permanent or overwrites ("cannot be undone", "overwrites",
// "permanently", "the deletion is permanent").
import { DESTRUCTIVE_VERBS, WRITE_VERBS } from '../lexicon.ts';
import { oncePerTool } from '../signals.ts';
import type { Signals } from '../signals.ts';
import type { Rule } from '../types.ts';
import { descriptionLeadVerb } from './description-lead-verb.ts';
import { LABEL_STANDS } from './read-only-phrase.ts';

// Linear-time alternation of literal phrases; a negation just before ("non-", "not ") cancels the match.
const PHRASE =
  /(non-?|not |never |without |no )?\b(permanently|irreversibl[ey]|cannot be undone|can ?not be recovered|can't be undone|(?:cannot|can ?not|can't) be (?:taken back|recalled|reversed|reverted|unsent)|overwrit(?:e|es|ing|ten)|completely replac(?:e|es|ing)|wip(?:e|es|ing)|eras(?:e|es|ing)|irrecoverabl[ey]|(?:deletion|removal|erasure) (?:is|will be) (?:permanent|final))\b/g;

/**
 * "releasing wipes the device's state": a clause whose subject is another action (a gerund that is not a verb of this
 * tool's name) tells what that other action does, not this tool.
 */
function aboutAnotherAction(description: string, at: number, nameWords: readonly string[]): boolean {
  const before = description.slice(Math.max(0, at - 80), at);
  const clause = before.split(/[.;:!?()]\s|\s[-–—]\s|,\s/).pop() ?? '';
  const m = /^\s*([a-z]+)ing\b/.exec(clause);
  if (m === null) return false;
  const stem = m[1]!;
  const forms = [stem, `${stem}e`, ...(stem.length > 2 && stem.at(-1) === stem.at(-2) ? [stem.slice(0, -1)] : [])];
  // Only a known action verb names another action ("omitting it will overwrite…" is about this tool's own parameter).
  if (!forms.some((f) => WRITE_VERBS.has(f) || DESTRUCTIVE_VERBS.has(f))) return false;
  return !nameWords.some((w) => forms.includes(w));
}

/**
 * "For permanently removing pages, use delete_pages instead", "to place, erase or clear tiles, use tilemap_edit
 * instead", "Use delete_trigger to remove a trigger permanently instead", "to permanently remove, contact support": the
 * loss belongs to another tool or to someone else.
 */
function pointsElsewhere(description: string, at: number): boolean {
  const rest = description.slice(at, at + 120).split(/[.;!?]\s|\n|\)\s|\s[-–—]\s/)[0]!;
  if (/\buse\s+`?[\w.()-]+`?\s+instead\b|\bcontact\s+(?:[\w-]+\s){0,3}support\b/.test(rest)) return true;
  // "Use delete_trigger to remove a trigger permanently instead.": the sentence opens by naming the other tool.
  const opening = description
    .slice(Math.max(0, at - 80), at)
    .split(/[.;!?]\s|\n/)
    .at(-1)!;
  if (/^\s*use\s+`?[\w.()-]+`?\s+to\b/i.test(opening) && /^[^.;!?\n]*\binstead\b/.test(rest)) return true;
  // "this route takes no overwrite flag -- use ``evaluate_test`` when you need to overwrite existing results": the tool
  // named, with its underscore, is the one for that loss.
  return /\buse\s+`{0,2}[a-z0-9]+_[\w.-]*`{0,2}\s+(?:when|if|whenever)\b[^.;!?]*$/.test(opening);
}

/**
 * "Fails rather than discarding uncommitted changes that would be overwritten", "refuses to overwrite an existing
 * file", "Add a comment … Prefer this over overwriting notes": the loss is what the call declines to cause, or the
 * other way the call is chosen over.
 */
function declined(description: string, at: number): boolean {
  const clause = description
    .slice(Math.max(0, at - 80), at)
    .split(/[.;!?]\s/)
    .at(-1)!;
  return (
    /\b(?:rather than|instead of|refus(?:e|es|ing) to)\b|\bprefer(?:s|red)?\b[^,]{0,40}\bover\s*$/.test(clause) ||
    GUARDED.test(clause) ||
    SAFEGUARD.test(clause) ||
    REFUSED_BECAUSE.test(
      description
        .slice(Math.max(0, at - 200), at)
        .split(/[.;!?]\s/)
        .at(-1)!,
    )
  );
}

/**
 * A refusal whose reason is the loss that would follow: "on a locally run server it does refuse when the session is
 * already signed in, because that server keeps only one session per stack and would overwrite it". Not a bare
 * conditional ("If it exists it would be overwritten"), which warns of the call's own loss.
 */
const REFUSED_BECAUSE = /\brefus(?:e|es|ed|ing)\b[^.;!?]*\b(?:because|since|as)\b[^.;!?]*\bwould(?: be)?\s*$/;

/**
 * A sentence that tells the caller to run this tool before the loss happens elsewhere: a checkpoint or backup ("Use this
 * BEFORE risky operations: overwriting or removing objects, destructive data transformations").
 */
const SAFEGUARD = /^\s*(?:use|call|run|invoke) (?:this|it)(?: tool)? (?:before|prior to)\b/;

/**
 * Just before the loss, what keeps it from happening: "nothing is overwritten", "to avoid overwriting another person's
 * edit", "to guard against concurrent overwrites", "stop device sync from overwriting manual entries", "it does NOT
 * silently overwrite concurrent edits", "cannot wipe another client's work", "Design columns (WT_ANALYSIS, strata)
 * cannot be overwritten here; use set_weight".
 */
const GUARDED =
  /\b(?:nothing (?:is|are|gets|will be)|avoid(?:s|ing)?|prevent(?:s|ing)?|guard(?:s|ing)? against|protect(?:s|ing)? against|(?:(?:does|do|did|will|would|must|should|can) not|cannot|(?:doesn|don|won|can)'?t)(?: be)?|from)(?: (?:silently|accidentally|blindly|ever|concurrent))?\s*$/i;

/**
 * A call that says it changes only the fields it is given ("Update an existing draft (partial patch). … Pass
 * reply_to=[...] to overwrite Reply-To", "Update fields on an EXISTING contact (partial update). … Fields to overwrite
 * (omit to leave as-is)"): what it overwrites is the value the caller passes, the update itself, not a loss. Not "it is
 * not a partial patch", which says the opposite.
 */
const PARTIAL_UPDATE =
  /(?<!not a |not )\b(?:partial (?:update|patch)|only the (?:fields|arguments|values) you (?:pass|provide|supply) (?:are|get) (?:changed|updated)|omit to leave (?:as-is|unchanged))\b/;

/**
 * Verbs that "permanently" makes lasting rather than lossy ("adds it permanently to the library", "permanently saves",
 * "permanently change classification for FUTURE messages", "making them permanently available for recall").
 */
const KEEPING =
  /^(?:add|adds|added|adding|store|stores|stored|storing|save|saves|saved|saving|keep|keeps|kept|keeping|install|installs|installed|record|records|recorded|attach|attaches|attached|pin|pins|pinned|publish|publishes|published|enable|enables|enabled|grant|grants|granted|change|changes|changed|changing|make|makes|making)$/;

/** Whether "permanently" at `at` qualifies a verb of keeping within three words either side, in its sentence. */
function keepsSomething(description: string, at: number): boolean {
  const words = (text: string) => text.split(/\s+/).filter(Boolean);
  const before = words(
    description
      .slice(Math.max(0, at - 40), at)
      .split(/[.;!?]\s/)
      .at(-1)!,
  ).slice(-3);
  const after = words(
    description.slice(at + 'permanently'.length, at + 'permanently'.length + 40).split(/[.;!?]\s/)[0]!,
  ).slice(0, 3);
  return [...before, ...after].some((w) => KEEPING.test(w.replace(/[^a-z]/g, '')));
}

/**
 * The description labels the call destructive, as a sentence of its own or a behaviour field ("BEHAVIOR: DESTRUCTIVE.",
 * "Destructive — cannot be undone", "Destructive: requires confirm=True", "Destructive mutation; …"), or says so of it
 * ("This is a destructive operation", "⚠️ CAUTION: Destructive."); not a parenthesis after another tool's name ("use
 * overwrite_saved_objects (destructive)").
 */
const DESTRUCTIVE_LABEL = new RegExp(
  String.raw`(?:^\s*|${LABEL_STANDS})destructive(?=[.:!]|\s+[-—–]|\s+(?:operation|action|call|mutation|change|write|lifecycle)\b)|\b(?:this (?:tool |call |operation |action )?is|warning:?|caution:?) (?:an? )?(?:irreversibly |very |potentially )?destructive\b`,
);

/**
 * A change that replaces a whole set: what the call is not given is taken away ("Omitted exercises are removed", "any
 * existing option left out of the list is deleted", "every writable field missing from `data` is cleared", "any column
 * you leave out is no longer pushed", "any field this tool previously set and the new manifest omits is removed",
 * "choices is the complete desired active label list; missing labels are retired", "sub-lists not present in your payload
 * will be emptied", "Always send the complete set (1–5). Omitting a behavior deletes it").
 */
const OMITTED_REMOVED =
  /\b(?:omitted|omits|omitting|(?:left|leave) out|missing|not (?:re-?)?supplied|not (?:included|listed|provided|passed|given|present)|absent)\b[^.;]{0,60}\b(?:(?:is|are|will be|gets|get) (?:removed|deleted|cleared|dropped|discarded|erased|unset|lost|retired|emptied)|(?:is|are) no longer|(?:deletes|removes) (?:it|them)\b)/;

/**
 * A change the description contrasts with adding, the spec's own line between a destructive and an additive update:
 * "company_ids and person_ids REPLACE the existing associations, they do not append", "This replaces the existing
 * associations, it is not additive", "new_content becomes the whole body: it is not merged or appended", "metadata is a
 * complete replacement on every update — send the full blob, not a partial patch".
 */
const REPLACED_NOT_ADDED =
  /\b(?:replac(?:e|es|ed|ing|ement)|becomes? the (?:whole|entire|full))\b[^.;!?]{0,100}?\b(?:(?:it|they|this) (?:is|are) not (?:additive|merged|appended)|(?:do|does) not (?:append|merge)|not a partial (?:patch|update))\b/;

/**
 * A document opened or started in the place of the one that is open, whose unsaved state goes with it: "Open a .blend
 * in place of the open file", "Start a new model (replaces the open one)", "Open an existing model file. Replaces the
 * open model." Not a session replaced ("replacing any open CAN session"), which holds no work.
 */
const OPEN_ONE_REPLACED =
  /\b(?:in place of|replac(?:e|es|ing)) the (?:currently )?(?:open|active|loaded) (?:file|one|model|document|scene|project|drawing|workbook)\b/;

/**
 * The same loss said in another language: French "Écrase le fichier de l'utilisateur" (overwrites; not "enrichit sans
 * rien écraser", without overwriting anything), "Action irréversible"; Korean "되돌릴 수 없으니 먼저 snapshot" (cannot be
 * undone); Japanese "元に戻せません"; Chinese "升级到新版模型（不可撤回）" (irreversible), "不可撤销", "无法撤销"; Spanish "no
 * se puede deshacer"; Portuguese "não pode ser desfeito"; German "unwiderruflich". Not the Chinese "无法恢复" (cannot be
 * recovered), which is as often said of what expires by itself ("临时结果过期可能无法恢复").
 */
const FOREIGN_LOSS =
  /(?<!\bsans (?:rien )?|\bn')écras(?:e|es|ent|er|é|ée|és|ées|ant)\b|irréversibl|되돌릴 수 없|복구할 수 없|元に戻せ(?:ません|ない)|取り消せ(?:ません|ない)|不可撤回|不可撤销|无法撤销|无法撤回|不可逆|no se puede deshacer|não pode ser desfeit|unwiderruflich/;

/**
 * Work the call throws away ("the ABBA window closes and unsaved work is lost", "unsaved changes are DISCARDED"); not a
 * loss that only follows if something else happens ("unsynced writes are lost if the session ends before a sync").
 */
const WORK_LOST =
  /\b(?:unsaved|unsynced|all|any|other|pending|uncommitted|local) (?:[a-z]+ )?(?:work|changes|writes|edits|data|progress|state|modifications)\b[^.;]{0,40}\b(?:is|are|will be|gets|get) (?:lost|discarded|deleted|erased|dropped)\b(?! (?:if|unless|when|before|once)\b)/;

/**
 * A later sentence whose verb, with the tool as its subject, is a deletion: "Unlock the model so it can be edited after
 * analysis. Deletes analysis results.", "2. Deletes every row in the cache table(s).", "It deletes stored results and
 * spends money again." Not the plural noun ("Deletes are applied before inserts", "deletes are refused outright").
 * Also a clause after a dash or a warning label: "REQUIRES `confirm=True` — it DELETES every RSVP on the event",
 * "Initialize a disk with GPT partition table (WARNING: destroys all data)".
 */
const LATER_DELETES =
  /(?:[.!?;—]|\b\d\.|\bwarning:)\s+(?:it |this |also )?(?:deletes|discards|purges|destroys)\b(?! (?:are|were|and|or)\b)/;

/**
 * A deletion among the call's own actions, listed after a comma or an "and": "Closes all active sessions, deletes saved
 * cookies and Chrome profile, and opens a fresh login browser", "measures their footprints, …, deletes every sample
 * again"; or an opening that deletes what it has folded away ("Fold one entity into another and delete the first").
 * Not the plural noun ("recent edits, and deletes.", "updates and deletes are batched"), nor advice to the caller in a
 * later sentence ("make a new search for other filters and delete the old one").
 * Also a move that ends by removing what it copied ("copies the app settings, waits until the copy is healthy, then
 * removes the original"), and a disconnect that lists removing and revoking what it held ("Disconnect a calendar
 * account entirely: removes the credential, revokes the OAuth token"); not "removes the needs_review flag" alone.
 */
const LISTED_DELETES =
  /(?:,|\band|\bthen) (?:also |then )?(?:deletes|purges|destroys) (?!(?:are|were|and|or|of|in|from|for|with|on|by)\b)(?=[a-z])|^[^.;!?]*\band (?:then )?delete the (?:first|source|original|old)\b|(?:,|\band|\bthen) (?:also |then )?(?:removes|deletes) the (?:original|source|old one)\b|(?:,|:) (?:also )?removes the [a-z]+, revokes\b/;

/**
 * A state rolled back to an earlier point, which throws away what came after it: "Roll the R global environment back to
 * a checkpoint created with checkpoint_session", "Roll the model back to a checkpoint". Not a date that "rolls back to
 * the previous day".
 */
const ROLLED_BACK =
  /\broll(?:s|ing)?\b(?: (?:the|a|an|this|its|your) [\w -]{1,30})? back to (?:a|an|the|its|that|this|one|some) (?:[\w-]+ ){0,2}(?:checkpoint|snapshot|savepoint|backup|version|revision|state|commit)\b/;

/**
 * A state restored to a snapshot, checkpoint or backup, which throws away what came after it as a roll back does:
 * "Restore DNS zone to the selected snapshot", "Restoring from a snapshot allows users to revert the virtual machine",
 * "Restore project files from the backups of an earlier session". Not a version or revision
 * restored ("Restore a file to a selected revision (creates a new head revision)"), which keeps the history.
 */
const RESTORED_TO_SNAPSHOT =
  /\b(?:restor(?:e|es|ing)|revert(?:s|ing)?)\b[^.;!?]{0,60}?\b(?:to|from) (?:a|an|the|its|that|this|one|some|any) (?:[\w-]+ ){0,2}(?:checkpoint|snapshot|savepoint|backup)s?\b/;

/**
 * A call that takes the place of what an earlier one left: "A second call replaces the reply", "a call replaces the
 * object's keys in it", "Each call replaces all emulation settings".
 */
const CALL_REPLACES = /\b(?:a|each|every|another|a second|a later|a repeated|a subsequent|the next) call replaces\b/;

/**
 * An opening that creates or, when it exists, replaces: "Create or replace a domain's rule set from YAML", "Add or
 * replace a chart". The existing one is lost, as an upsert's overwrite is.
 */
function createsOrReplaces(leadWords: readonly string[]): boolean {
  return (
    leadWords[1] === 'or' &&
    /^(?:replace|replaces|overwrite|overwrites)$/.test(leadWords[2] ?? '') &&
    WRITE_VERBS.has(leadWords[0] ?? '')
  );
}

/**
 * Money the call pays out, which no later call takes back: an opening that pays ("Pay a BOLT11 Lightning invoice", "Pay
 * from your business shortcode to a till") or sends money ("Send money from your business shortcode to a customer's
 * phone"), or the description saying so of the call ("MOVES MONEY: in live mode it needs confirm_send=true", "🛑 THIS
 * SPENDS MONEY", "SPENDS REAL MONEY."). Not what another action costs ("that rollback spends money"), nor a "Pay-per-call"
 * price.
 */
const MONEY_MOVED = /(?:^|[.!:;]\s+|\b(?:this|it) )(?:moves|spends) (?:real )?money\b/;
function paysOut(leadWords: readonly string[]): boolean {
  // Not a "Pay-per-call …" price: the call is paid for, not paying.
  if (leadWords[1] === 'per') return false;
  return leadWords[0] === 'pay' || leadWords[0] === 'pays' || (leadWords[0] === 'send' && leadWords[1] === 'money');
}

/**
 * The same money moved in other words. An opening that pays before a colon the opening's label stripper drops ("Pay a
 * business: BusinessPayBill (Paybill + account), …"); one that refunds ("Issue a refund for an order", "This tool will
 * refund a payment intent"), captures a payment ("Capture an authorized payment") or releases a payout ("Release a
 * scheduled payout"); a call that pays as its means ("Fetch a URL, automatically paying any L402 challenge", "Self-test
 * the wallet by paying the public 1-sat L402 test endpoint"); and money the call puts in escrow ("On success, the
 * all-in total is held in escrow"). Not a refund's rules or policy ("Refund and change rules of one fare"), nor what
 * the call does not pay ("Never pays twice for a page already sent").
 */
const PAY_BEFORE_LABEL = /^(?:\[[^\]]{1,30}\]\s*)?pay (?!per\b)(?:a|an|the|your|one|from|to)\b[^.:;!?]{0,40}:/;
const MONEY_OPENING =
  /^(?:refunds? (?:a|an|the|this|one|payment|payments|order|charge)\b|(?:issue|issues|create|creates|process|processes) (?:a |an |the )?(?:full |partial )?refund\b|(?:this tool|it) (?:will )?refunds? (?:a|an|the)\b|captures? (?:a |an |the )?(?:[\w-]+ )?(?:payment|charge)s?\b|releases? (?:a |an |the )?(?:[\w-]+ )?payouts?\b)/;
const MONEY_MEANS =
  /\b(?:automatically|by) paying (?:any|the|a|an|each|every)\b|\b(?:is|are) (?:held|locked) in escrow\b/;
function moneyOut(s: Signals): string | undefined {
  const opening = MONEY_OPENING.exec(s.leadWords.join(' '))?.[0] ?? PAY_BEFORE_LABEL.exec(s.description)?.[0];
  const found = opening ?? MONEY_MEANS.exec(s.description)?.[0];
  return found === undefined ? undefined : `${found.replace(/:$/, '')} (money paid out)`;
}

/**
 * An opening that programs a chip or a device, writing an image over what it ran before: "Program the DUT over SWD
 * through the pod's CMSIS-DAP probe", "Reprogram the pod's FPGA with another stored gateware image". Not the noun
 * ("Flash news", "Program schedule for a channel"), nor a light or a notice flashed ("Flash the LED").
 */
function programsDevice(leadWords: readonly string[]): boolean {
  return (
    /^(?:re)?(?:program|programs|flash|flashes)$/.test(leadWords[0] ?? '') &&
    /^(?:the|a|an|its|this|that|your|new|firmware)$/.test(leadWords[1] ?? '') &&
    // "Flash a message", "Flash the LED": a light or a notice shown for a moment.
    !/^(?:message|messages|notification|notifications|notice|banner|alert|alerts|led|leds|light|lights|screen)$/.test(
      leadWords[2] ?? '',
    )
  );
}

/**
 * The plain verb of deletion, which no name's softer change word ("set", "unwatch", "disconnect") undoes, at its first
 * place in the description: not one a hyphen glues to a prefix the opening's label stripped ("Un-soft-delete").
 */
const DELETES: ReadonlySet<string> = new Set(['delete', 'deletes']);
const FIRST_DELETE = /-?\bdeletes?\b/;

/** The words a pattern matched in the description, as they stand. */
const said =
  (pattern: RegExp) =>
  (s: Signals): string | undefined =>
    pattern.exec(s.description)?.[0];
/** The same without what precedes the first letter (the ". " or "1. " a later sentence or a listed action opens with). */
const saidTrimmed =
  (pattern: RegExp) =>
  (s: Signals): string | undefined =>
    pattern.exec(s.description)?.[0].replace(/^[^a-z]+/, '');

/**
 * The loss wordings after the literal phrases, in the order their evidence is listed (at most five in all): each gives
 * the words it found, or nothing.
 */
const LOSS_FINDERS: ReadonlyArray<(s: Signals) => string | undefined> = [
  (s) => (DESTRUCTIVE_LABEL.test(s.description) ? 'destructive (its label)' : undefined),
  said(OMITTED_REMOVED),
  said(REPLACED_NOT_ADDED),
  said(OPEN_ONE_REPLACED),
  said(FOREIGN_LOSS),
  saidTrimmed(LATER_DELETES),
  saidTrimmed(LISTED_DELETES),
  said(ROLLED_BACK),
  said(RESTORED_TO_SNAPSHOT),
  said(CALL_REPLACES),
  (s) => (createsOrReplaces(s.leadWords) ? s.leadWords.slice(0, 3).join(' ') : undefined),
  (s) => (paysOut(s.leadWords) ? `${s.leadWords.slice(0, 2).join(' ')} (money paid out)` : undefined),
  saidTrimmed(MONEY_MOVED),
  moneyOut,
  (s) => (programsDevice(s.leadWords) ? `${s.leadWords.slice(0, 3).join(' ')} (writes over what it ran)` : undefined),
  said(WORK_LOST),
  // "set_default_profile_image: Delete user's profile image", "unwatch_topic: Delete a saved topic watch": a change
  // the description opens by calling a deletion loses what it deletes, whatever softer verb the name uses.
  (s) => {
    const opening = descriptionLeadVerb.apply(s)[0]?.matched[0];
    return opening !== undefined && DELETES.has(opening) && !FIRST_DELETE.exec(s.description)?.[0].startsWith('-')
      ? `${opening} (its opening verb)`
      : undefined;
  },
];

export const destructivePhrase: Rule = {
  code: 'DESTRUCTIVE_PHRASE',
  role: 'intensify',
  summary:
    'Description phrases that mean lasting loss: "permanently", "cannot be undone", "overwrites", "irreversible", "wipes", a label that calls the call destructive ("BEHAVIOR: DESTRUCTIVE."), an opening that calls the change a deletion ("Delete …"), a whole set replaced ("omitted fields are cleared", "they REPLACE the existing values, they do not append"), a document opened in place of the open one, a deletion in a later sentence or among the call\'s listed actions, a state rolled back or restored to a checkpoint or snapshot, "create or replace", work thrown away ("unsaved work is lost"), money paid out ("Pay a Lightning invoice", "THIS SPENDS MONEY"), or the same said in another language; not a loss the call guards against ("nothing is overwritten", "to avoid overwriting") or that belongs to another tool.',
  // Once per tool: NOUN_PHRASE_LEAD asks for the same hits.
  apply: oncePerTool((s) => {
    const matched: string[] = [];
    for (const m of s.description.matchAll(PHRASE)) {
      if (m[1] !== undefined || aboutAnotherAction(s.description, m.index!, s.nameWords)) continue;
      if (m[2]!.startsWith('overwrit') && PARTIAL_UPDATE.test(s.description)) continue;
      // "label strings are irrecoverable from a finished SVG": what cannot be got back out of a source, not a loss.
      if (m[2]!.startsWith('irrecoverabl') && /^\s+from\b/.test(s.description.slice(m.index! + m[0].length))) continue;
      if (
        pointsElsewhere(s.description, m.index!) ||
        declined(s.description, m.index!) ||
        (m[2] === 'permanently' && keepsSomething(s.description, m.index!))
      )
        continue;
      if (!matched.includes(m[2]!)) matched.push(m[2]!);
      if (matched.length >= 5) break;
    }
    for (const find of LOSS_FINDERS) {
      if (matched.length >= 5) break;
      const found = find(s);
      if (found !== undefined) matched.push(found);
    }
    return matched.length > 0 ? [{ effect: 'destructive', matched, source: 'description', weight: 3 }] : [];
  }),
};
