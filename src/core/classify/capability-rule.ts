// Builds a capability rule from word lists (name words, parameter words, a description pattern), so each capability
// file is data.
import type { Capability } from '../schemas/verdict.ts';
import type { Hit, Rule } from './types.ts';
import type { Signals } from './signals.ts';

/** What one capability rule looks for. */
export interface CapabilitySpec {
  /** Permanent rule code. */
  code: string;
  /** The capability it grants. */
  capability: Capability;
  /** One line for the site. */
  summary: string;
  /** Words in the tool name (or title) that mean the capability. */
  nameWords: ReadonlySet<string>;
  /** Name words that mean it only when the description has `context` ("project", "site", "server" are infrastructure only on a cloud). */
  contextNameWords?: ReadonlySet<string>;
  /** Linear-time pattern over the description that lets contextNameWords (and, over a parameter's description too, contextParamWords) count. */
  context?: RegExp;
  /** Words in top-level parameter names that mean it. */
  paramWords?: ReadonlySet<string>;
  /** Parameter words that mean it only when the description has `context` (a subscription is a cloud's only on a cloud). */
  contextParamWords?: ReadonlySet<string>;
  /** Whole top-level parameter names (words joined by a space) that mean it ("to", "to email"), when a word alone would not. */
  paramNames?: ReadonlySet<string>;
  /**
   * Whole parameter names that mean it only when their description says so, or their type is one of `types` ("to": a
   * recipient or a list of them, not an end date, a target unit or a coordinate).
   */
  describedParamNames?: { names: ReadonlySet<string>; require: RegExp; types: ReadonlySet<string> };
  /** A parameter found by paramWords counts only when its description matches this ("selector" of a page element, not a field selector). */
  paramDescriptionRequire?: RegExp;
  /**
   * For a parameter found by paramWords that has no description of its own: the tool's description must match this
   * instead of paramDescriptionRequire ("selector" beside "Type text into an element", not beside "Evaluate a selector
   * expression against a named object").
   */
  undescribedParamRequire?: RegExp;
  /**
   * Or else a word of another top-level parameter's name that says as much ("selector" and "tab_id" beside
   * "browser_id").
   */
  undescribedParamBeside?: ReadonlySet<string>;
  /** Linear-time pattern over the (lower-cased, capped) description. */
  description?: RegExp;
  /** Excludes a parameter whose description matches this (an API "path" is not a file path). */
  paramDescriptionExclude?: RegExp;
  /**
   * Excludes a parameter found by paramWords whose JSON Schema type is one of these: a "path" object holds an HTTP
   * call's path parameters ({"room_id": …}), never a file's path.
   */
  paramTypesExclude?: ReadonlySet<string>;
  /** Excludes a name/param word when the word right before it is one of these ("page token", "press key"). */
  notAfter?: ReadonlySet<string>;
  /** Excludes a name word when the word right after it is one of these ("table of contents"). */
  notBefore?: ReadonlySet<string>;
  /** Excludes a parameter word when the word right after it is one of these ("credential_id": a reference, not a secret). */
  paramNotBefore?: ReadonlySet<string>;
  /**
   * Name and parameter words, and whole parameter names, that do not count when the description matches `where` (a
   * document's table is no database table; a transaction's "to" is a wallet, not someone messaged).
   */
  elsewhere?: ReadonlyArray<{ words: ReadonlySet<string>; where: RegExp }>;
  /**
   * Name words that count only when the description matches `where`, each with a context of its own (its mirror is
   * `elsewhere`; `contextNameWords` shares the spec's one `context`): a CRM's tool holds people's data only where the
   * description names people or their messages.
   */
  onlyWhere?: ReadonlyArray<{ words: ReadonlySet<string>; where: RegExp }>;
  /**
   * Name and parameter words that do not count when the tool names the item by an id ("folderId", "file_ids",
   * "fileKey") and no top-level parameter has one of `unless` among its words: a hosted service's folder or file, not a
   * local one.
   */
  byId?: { words: ReadonlySet<string>; unless: ReadonlySet<string> };
  /**
   * A two-word parameter described as its first word's thing ("report_token: The report to archive") is that thing's
   * identifier, whatever its second word means elsewhere (spec.paramWords).
   */
  namedForItsNoun?: boolean;
  /**
   * Parameter words that are only the login a call connects with when the tool also takes every one of `beside` (each a
   * set of whole top-level parameter names: a host and a user name) and its name has none of `unless`: an SSH
   * "write_file(host, username, password, sudo_password)" logs in to write a file and sets no secret, where a
   * "user_create(host, user, password)" or an "add_host" that keeps the login does.
   */
  loginParams?: { words: ReadonlySet<string>; beside: ReadonlyArray<ReadonlySet<string>>; unless: ReadonlySet<string> };
  /**
   * Description matches (text matching `match`) that count only where the description also matches `where`: "the page"
   * is a browser's only beside a browser's words ("Scroll the page", "functions available in the page … Browser
   * instance ID"), not a result page, a landing page or a report page ("Cells the page leaves empty are null").
   */
  descriptionOnlyWhere?: ReadonlyArray<{ match: RegExp; where: RegExp }>;
  /**
   * Name words that do not count as the first of several name words, where they are the name's verb: "record_decision",
   * "record_rule_outcome", "recordOrderPayment" record something; they touch no database's record ("get_record",
   * "domain_record_create" keep theirs).
   */
  verbFirst?: ReadonlySet<string>;
  /** Lets a description trigger count in a clause that denies touching it (NEGATED_BEFORE); off for every spec now. */
  keepNegated?: boolean;
}

/**
 * What is said of a top-level parameter: its own description, or else the tool's "name: …" argument line ("Args:
 * report_token: The report to archive.").
 */
function saidOf(s: Signals, p: Signals['params'][number]): string {
  if (p.description !== '') return p.description;
  const at = s.description.indexOf(`${p.name.toLowerCase()}:`);
  return at < 0 ? '' : s.description.slice(at + p.name.length + 1, at + p.name.length + 121).trim();
}

/**
 * "report_token: The report to archive", "space_token: Space to create the report in": the description opens with the
 * parameter's first word as its thing, and the next word is none of the capability's ("api_key: API key for …",
 * "report_token: The report token." stay).
 */
function namedForItsNoun(s: Signals, p: Signals['params'][number], spec: CapabilitySpec): boolean {
  if (p.words.length !== 2) return false;
  const m = /^(?:the |an? )?([a-z]+)\b\W*([a-z]*)/.exec(saidOf(s, p));
  if (m === null || m[1] !== p.words[0]) return false;
  const next = m[2] ?? '';
  return !(spec.paramWords?.has(next) || spec.nameWords.has(next) || next === p.words[1]);
}

/** Whether a tool names one of `words` by an id parameter and takes none of `unless` (spec.byId). */
function namedById(s: Signals, byId: NonNullable<CapabilitySpec['byId']>): boolean {
  const top = s.params.filter((p) => p.depth === 0);
  // A parameter that is the bare word ("endpoint: The Azure AI Services endpoint URL" beside "endpointId") takes the
  // thing itself, not only a stored one's id.
  if (top.some((p) => p.words.some((w) => byId.unless.has(w)) || (p.words.length === 1 && byId.words.has(p.words[0]!))))
    return false;
  return top.some((p) => {
    const last = p.words.at(-1);
    return (
      (last === 'id' || last === 'ids' || last === 'key') && p.words.length >= 2 && byId.words.has(p.words.at(-2)!)
    );
  });
}

function wordMatches(
  words: string[],
  set: ReadonlySet<string>,
  notAfter: ReadonlySet<string> | undefined,
  notBefore?: ReadonlySet<string>,
): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!set.has(w)) continue;
    if (notAfter !== undefined && i > 0 && notAfter.has(words[i - 1]!)) continue;
    if (notBefore !== undefined && i + 1 < words.length && notBefore.has(words[i + 1]!)) continue;
    if (!out.includes(w)) out.push(w);
  }
  return out;
}

const NO_WORDS: ReadonlySet<string> = new Set();

/** Whether a parameter with no description of its own counts by the tool's words (spec.undescribedParamRequire/Beside). */
function undescribedCounts(s: Signals, p: Signals['params'][number], spec: CapabilitySpec): boolean {
  if (spec.undescribedParamRequire?.test(s.description) === true) return true;
  const beside = spec.undescribedParamBeside;
  return beside !== undefined && s.params.some((o) => o !== p && o.depth === 0 && o.words.some((w) => beside.has(w)));
}

/**
 * An example in brackets of what the caller might pass: "(e.g. \"Postgres connection pool exhaustion\")", "(e.g.
 * cloud, payments, devtools)". A capability word there names a topic or a category, not something the call touches. An
 * example outside brackets is as often the tool's own domain ("entity name, e.g. \"invoice\", \"customer\"").
 */
const EXAMPLE_BEFORE = /\((?:e\.g\.?|for example|for instance)[,:]?[^.;:)\]]{0,80}$/;
/**
 * A quoted value inside a literal an example line spells out: "Example: name='Login Test Case' → [{orderId:1,
 * description:'Navigate to login page'}, {orderId:2, description:'Enter credentials'}]" (test steps the caller might
 * pass, not a secret the call touches); not a word after the literal closes ("params = {\"offset\": 50} error
 * handling: 401 → the api key is missing").
 */
const EXAMPLE_LITERAL_BEFORE = /\bexamples?\b[^\n]{0,160}[[{][^\]}\n]{0,160}['"][^'"\]}\n]{0,60}$/;
/**
 * A description trigger the same clause denies touching: "does not affect billing", "Never exposes gateway
 * credentials", "must never be used for payments", "Do not use for SQL transformations". The negator must govern a
 * verb of use, exposure or effect right before the trigger (up to four words between); a verb that acts on the thing
 * keeps it ("Cannot delete credentials currently used in a workflow" still handles credentials, "never enables
 * semantic search database-wide" still searches the database). The clause runs back to the last stop, semicolon,
 * colon or dash.
 */
const NEGATED_BEFORE =
  /\b(?:never|not|cannot|can't|won't|doesn't|don't|no longer)\s(?:[^.;:()]{0,60}(?:,|\bor|\band)\s)?(?:(?:be|is|are|get|gets|ever|also|directly|actually|itself)\s){0,2}(?:affect|affects|use|used|uses|using|expose|exposes|exposed|touch|touches|touched|return|returns|returned|store|stores|stored|send|sends|sent|charge|charges|charged|access|accesses|accessed|require|requires|required|need|needs|needed|involve|involves|contact|contacts|reveal|reveals|revealed|disclose|discloses|log|logs|logged|transmit|transmits|share|shares|persist|persists|copy|call|calls|launch|launches|take|takes|show|shows|for)\b(?:\s(?:[\w/-]+\s){0,4})?\s?(?:\([^)]{0,40}\)\s)?$/;
/**
 * A trigger that is itself the denied verb ("does not write files", "never sends email", "never creates a circuit,
 * writes files, or starts a simulation", "never contacts the API"), or a thing the clause says there is none of ("touches
 * no filesystem", "no API key or GeoIP database needed", "rows carry no contact PII"), or one a "Not for:" list names.
 */
const DENIED_VERB_BEFORE =
  /\b(?:never|not|cannot|can't|won't|doesn't|don't)\s(?:(?:also|ever)\s)?(?:[^.;:()]{0,80}(?:,|\bor|\band)\s)?$/;
const VERB_TRIGGER = /^(?:write|writes|writing|send|sends|sending|read|reads|contacts|takes)\b/;
const NO_THING_BEFORE = /\bno\s(?:[\w-]+,?\s){0,3}$/;
/** A "Not for:" list the trigger stands in ("⚠️ Not for: local secret scanning"), read over the whole sentence. */
const NOT_FOR_LIST = /\bnot for:?\**\s[^.;\n]{0,100}$/;
/** The trigger denied after it: "Secrets are never returned", "the API key is not stored". */
const NEGATED_AFTER =
  /^[\w-]*\s(?:is|are|will be|was|were)\s(?:never|not)\s(?:be\s)?(?:affected|used|exposed|touched|returned|stored|sent|charged|accessed|required|needed|logged|revealed|shared|persisted|transmitted|included)\b/;

/** Whether the match at `index` in `description` sits in a clause that denies touching it (NEGATED_BEFORE/AFTER). */
function negatedAt(description: string, index: number, text: string): boolean {
  const head = description.slice(Math.max(0, index - 120), index);
  const stop = Math.max(head.lastIndexOf('. '), head.lastIndexOf('\n'));
  const sentence = head.slice(stop + 1);
  if (NOT_FOR_LIST.test(sentence)) return true;
  const clause = head.slice(Math.max(stop, head.lastIndexOf(';'), head.lastIndexOf(':'), head.lastIndexOf(' — ')) + 1);
  if (NEGATED_BEFORE.test(clause) || NO_THING_BEFORE.test(clause)) return true;
  if (VERB_TRIGGER.test(text) && DENIED_VERB_BEFORE.test(clause)) return true;
  const last = text.match(/[\w-]*$/)?.[0].length ?? 0;
  const tail = description.slice(index + text.length - last, index + text.length + 40);
  return NEGATED_AFTER.test(tail);
}

/** Global copies of the description patterns, made once per pattern. */
const GLOBAL = new WeakMap<RegExp, RegExp>();
/**
 * The first match of `pattern` in `description` that is not inside an example and that `counts`, or undefined.
 */
function firstOutsideExample(
  pattern: RegExp,
  description: string,
  counts: (m: string) => boolean = () => true,
  keepNegated = false,
): string | undefined {
  let every = GLOBAL.get(pattern);
  if (every === undefined) {
    every = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`);
    GLOBAL.set(pattern, every);
  }
  for (const m of description.matchAll(every))
    if (
      !EXAMPLE_BEFORE.test(description.slice(Math.max(0, m.index - 100), m.index)) &&
      !EXAMPLE_LITERAL_BEFORE.test(description.slice(Math.max(0, m.index - 400), m.index)) &&
      (keepNegated || !negatedAt(description, m.index, m[0])) &&
      counts(m[0])
    )
      return m[0];
  return undefined;
}

/** Turns a spec into a rule returning at most one hit per source. */
export function capabilityRule(spec: CapabilitySpec): Rule {
  const effect = `capability:${spec.capability}` as const;
  return {
    code: spec.code,
    summary: spec.summary,
    apply: (s: Signals): Hit[] => {
      const hits: Hit[] = [];
      const nameWords = [...s.nameWords, ...s.titleWords];
      // Built only when an entry's description matches; every other tool shares the empty set.
      const found: ReadonlySet<string>[] = (spec.elsewhere?.filter((e) => e.where.test(s.description)) ?? []).map(
        (e) => e.words,
      );
      // Only another sense the description itself gives takes a description's trigger away; an id does not.
      const sensed: ReadonlySet<string> = found.length === 0 ? NO_WORDS : new Set(found.flatMap((e) => [...e]));
      if (spec.byId !== undefined && namedById(s, spec.byId)) found.push(spec.byId.words);
      const away: ReadonlySet<string> = found.length === 0 ? NO_WORDS : new Set(found.flatMap((e) => [...e]));
      const verbFirst = spec.verbFirst;
      const leadVerb =
        verbFirst !== undefined && s.nameWords.length > 1 && verbFirst.has(s.nameWords[0]!)
          ? s.nameWords[0]
          : undefined;
      const inName = wordMatches(nameWords, spec.nameWords, spec.notAfter, spec.notBefore).filter(
        (w) => !away.has(w) && w !== leadVerb,
      );
      const { contextParamWords, context } = spec;
      // Tested once per tool, and only for a spec that has context words.
      const inContext =
        context !== undefined &&
        (spec.contextNameWords !== undefined || contextParamWords !== undefined) &&
        context.test(s.description);
      if (spec.contextNameWords !== undefined && inContext) {
        for (const w of wordMatches(nameWords, spec.contextNameWords, spec.notAfter))
          if (!inName.includes(w)) inName.push(w);
      }
      for (const only of spec.onlyWhere ?? [])
        if (only.where.test(s.description))
          // Another sense the description gives (a ledger's "chart of accounts") still takes the word away.
          for (const w of wordMatches(nameWords, only.words, spec.notAfter))
            if (!inName.includes(w) && !away.has(w)) inName.push(w);
      if (inName.length > 0) hits.push({ effect, matched: inName, source: 'name', weight: 3 });
      if (
        spec.paramWords !== undefined ||
        contextParamWords !== undefined ||
        spec.paramNames !== undefined ||
        spec.describedParamNames !== undefined
      ) {
        const inParams: string[] = [];
        const login = spec.loginParams;
        const logsIn =
          login !== undefined &&
          !nameWords.some((w) => login.unless.has(w)) &&
          login.beside.every((names) => s.params.some((p) => p.depth === 0 && names.has(p.words.join(' '))));
        for (const p of s.params) {
          if (p.depth > 0 || inParams.includes(p.name)) continue;
          // A context word counts where the tool's or the parameter's own description gives the context ("subscription:
          // The Azure subscription ID").
          // The parameter's description is read only for a parameter that has such a word.
          const candidates =
            contextParamWords !== undefined ? wordMatches(p.words, contextParamWords, spec.notAfter) : [];
          const contextual =
            candidates.length > 0 && (inContext || context?.test(p.description) === true) ? candidates : [];
          const byWord =
            (spec.paramWords !== undefined &&
              wordMatches(p.words, spec.paramWords, spec.notAfter, spec.paramNotBefore).some((w) => !away.has(w))) ||
            contextual.some((w) => !away.has(w));
          const joined = p.words.join(' ');
          const described = spec.describedParamNames;
          const byName =
            !away.has(joined) &&
            ((spec.paramNames !== undefined && spec.paramNames.has(joined)) ||
              (described !== undefined &&
                described.names.has(joined) &&
                (described.types.has(p.type) || described.require.test(p.description))));
          if (!byWord && !byName) continue;
          if (spec.paramDescriptionExclude !== undefined && spec.paramDescriptionExclude.test(p.description)) continue;
          if (byWord && !byName && spec.paramTypesExclude?.has(p.type) === true) continue;
          if (spec.namedForItsNoun === true && !byName && namedForItsNoun(s, p, spec)) continue;
          if (logsIn && !byName && p.words.some((w) => login?.words.has(w))) continue;
          if (
            byWord &&
            !byName &&
            spec.paramDescriptionRequire !== undefined &&
            !spec.paramDescriptionRequire.test(p.description) &&
            !(p.description === '' && undescribedCounts(s, p, spec))
          )
            continue;
          inParams.push(p.name);
          if (inParams.length >= 5) break;
        }
        if (inParams.length > 0) hits.push({ effect, matched: inParams, source: 'inputSchema', weight: 2 });
      }
      if (spec.description !== undefined) {
        // A match counts unless it ends in a word the description gives another sense (`sensed`: "the page" where
        // "the printed rulebook" is said, as the spec's `elsewhere` has it for name and parameter words), or the spec
        // wants a context the description lacks (descriptionOnlyWhere).
        const only = spec.descriptionOnlyWhere;
        const m = firstOutsideExample(
          spec.description,
          s.description,
          (text) =>
            (sensed.size === 0 || !sensed.has(text.toLowerCase().match(/[a-z]+$/)?.[0] ?? '')) &&
            (only === undefined || only.every((o) => !o.match.test(text) || o.where.test(s.description))),
          spec.keepNegated === true,
        );
        if (m) hits.push({ effect, matched: [m], source: 'description', weight: 2 });
      }
      return hits;
    },
  };
}
