// The learned component: a small L2 logistic regression over a tool's words (name, the description's opening, parameter
// names) and its parameters' number and types that may raise a read to a write when it is confident of a change
// (LEARNED_RAISE), and may call a tool a read only when nothing else said anything and it is confident of a read
// (LEARNED_FALLBACK). Pure: features, training, prediction and the rules. scripts/calibrate-classifier.ts trains it on
// the catalogue's annotations and writes learned.json; eval:classifier scores every server with a model trained without
// it (grouped 10-fold by server), so its figures are out of sample.
import { actionEnum } from './rules/action-enum.ts';
import { codeExecution } from './rules/code-execution.ts';
import {
  BUILD_VERBS,
  BUILT_TEXT,
  cjkOpeningLooksUp,
  descriptionLeadVerb,
  openingOnlyReads,
  openingVerbs,
} from './rules/description-lead-verb.ts';
import { nameVerb, opensWithNounComplement } from './rules/name-verb.ts';
import { takesPayload } from './rules/no-action-described.ts';
import { ARTICLES, EPHEMERAL_NOUNS, isChangeVerb } from './lexicon.ts';
import { plannedNotDone, SPENDS, STATES_NO_CHANGE } from './rules/read-only-phrase.ts';
import type { Signals } from './signals.ts';
import type { Rule } from './types.ts';

/** The committed model (learned.json). */
export interface LearnedModel {
  /** What the file is and how to regenerate it. */
  about: string;
  /** Probability of a change at or above which the rule raises a read to a write. */
  threshold: number;
  /** Probability of a change at or below which a tool nothing else decided is called a read (LEARNED_FALLBACK). */
  lowerThreshold: number;
  bias: number;
  /** Feature → weight (positive: change), weights under PRUNE dropped, sorted by feature. */
  weights: Record<string, number>;
}

/** One training example: a tool's features, whether its author says it changes state, and its weight. */
export interface LearnedSample {
  x: string[];
  y: 0 | 1;
  w: number;
}

/** Raise a read only at this probability of a change or above (chosen on grouped cross-validation, not per server). */
export const LEARNED_THRESHOLD = 0.45;
/**
 * Call a tool that no rule decided (NO_SIGNAL) a read only at this probability of a change or below (chosen with
 * LEARNED_THRESHOLD on the development servers' grouped cross-validation).
 */
export const LEARNED_LOWER_THRESHOLD = 0.1;
const EPOCHS = 60;
const RATE = 0.1;
const L2 = 0.001;
/** Weights smaller than this are dropped from the committed model (they never move a prediction across the threshold). */
const PRUNE = 0.2;

/** Features drawn from the tool's words (not from the shape of its schema: parameter count and types). */
const WORD_FEATURE = /^(?:name|first|last|bi|lead|desc|param|enum|title):/;
/** How many of a parameter's enum values are features, and which values are words. */
const ENUM_VALUES = 20;
const ENUM_WORD = /^[a-z][a-z0-9_-]{0,31}$/;
/** Parameter counts at or above this are one feature ("nparams:6"). */
const MANY_PARAMS = 6;
/** How many of the description's words are features. */
const DESCRIPTION_WORDS = 80;

/** The features of a tool: name and title words, the name's first and last word and each pair of neighbouring name words, the description's first three opening words and first words, top-level parameter words, their number, each one's type with its last word, and the enum values that are words. */
export function learnedFeatures(s: Signals): string[] {
  const f = new Set<string>();
  for (const w of s.nameWords) f.add(`name:${w}`);
  if (s.nameWords[0] !== undefined) f.add(`first:${s.nameWords[0]}`);
  if (s.nameWords.length > 0) f.add(`last:${s.nameWords.at(-1)}`);
  for (let i = 1; i < s.nameWords.length; i++) f.add(`bi:${s.nameWords[i - 1]}_${s.nameWords[i]}`);
  for (const w of s.leadWords.slice(0, 3)) f.add(`lead:${w}`);
  for (const w of s.titleWords) f.add(`title:${w}`);
  // Each top-level parameter: its words, its type with its last word ("ptype:boolean:confirm", "ptype:array:ids"), and
  // the values it may take when they are words ("enum:delete", "enum:list"); and how many there are (an update takes
  // many, a lookup few).
  let top = 0;
  for (const p of s.params) {
    if (p.depth !== 0) continue;
    top++;
    for (const w of p.words) f.add(`param:${w}`);
    f.add(`ptype:${p.type}:${p.words.at(-1) ?? ''}`);
    for (const v of p.enumValues.slice(0, ENUM_VALUES)) {
      const w = v.toLowerCase();
      if (ENUM_WORD.test(w)) f.add(`enum:${w}`);
    }
  }
  f.add(`nparams:${Math.min(top, MANY_PARAMS)}`);
  // The description's words (its first DESCRIPTION_WORDS of three letters or more): what it says beyond its opening.
  for (const w of s.description
    .split(/[^a-z]+/)
    .filter((x) => x.length > 2)
    .slice(0, DESCRIPTION_WORDS))
    f.add(`desc:${w}`);
  return [...f].sort();
}

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** Trains the model: stochastic gradient descent from zero, fixed epochs, samples in the order given. Deterministic. */
export function trainLearned(samples: readonly LearnedSample[], about = ''): LearnedModel {
  const w = new Map<string, number>();
  let bias = 0;
  for (let e = 0; e < EPOCHS; e++) {
    for (const s of samples) {
      if (s.w === 0) continue;
      let z = bias;
      for (const f of s.x) z += w.get(f) ?? 0;
      const g = (1 / (1 + Math.exp(-z)) - s.y) * s.w * 10;
      bias -= RATE * g;
      for (const f of s.x) {
        const v = w.get(f) ?? 0;
        w.set(f, v - RATE * (g + L2 * v));
      }
    }
  }
  const weights: Record<string, number> = {};
  for (const f of [...w.keys()].sort()) {
    const v = r4(w.get(f)!);
    if (Math.abs(v) >= PRUNE) weights[f] = v;
  }
  return { about, threshold: LEARNED_THRESHOLD, lowerThreshold: LEARNED_LOWER_THRESHOLD, bias: r4(bias), weights };
}

/**
 * The probability that a tool with these features changes state, the features that pushed it up most (top) and those
 * that pushed it down most (bottom), and whether any of the tool's own words (not its schema's shape) pushed it down.
 */
export function learnedPredict(
  model: LearnedModel,
  features: readonly string[],
): { p: number; top: string[]; bottom: string[]; wordsLeanRead: boolean } {
  let z = model.bias;
  const up: Array<[string, number]> = [];
  const down: Array<[string, number]> = [];
  let wordsLeanRead = false;
  for (const f of features) {
    const v = model.weights[f];
    if (v === undefined) continue;
    z += v;
    if (v > 0) up.push([f, v]);
    else if (v < 0) {
      down.push([f, v]);
      wordsLeanRead ||= WORD_FEATURE.test(f);
    }
  }
  up.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  down.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  return {
    p: 1 / (1 + Math.exp(-z)),
    top: up.slice(0, 3).map(([f, v]) => `${f} +${v}`),
    bottom: down.slice(0, 3).map(([f, v]) => `${f} ${v}`),
    wordsLeanRead,
  };
}

const predictions = new WeakMap<LearnedModel, WeakMap<object, ReturnType<typeof learnedPredict>>>();

/** learnedPredict over a tool's signals, once per model and tool: both learned rules ask for it. */
function predictionOf(model: LearnedModel, s: Parameters<Rule['apply']>[0]): ReturnType<typeof learnedPredict> {
  let byTool = predictions.get(model);
  if (!byTool) {
    byTool = new WeakMap();
    predictions.set(model, byTool);
  }
  let prediction = byTool.get(s);
  if (!prediction) {
    prediction = learnedPredict(model, learnedFeatures(s));
    byTool.set(s, prediction);
  }
  return prediction;
}

/** The output is kept somewhere: a file, a sheet of a workbook, a folder; saved, written or stored. */
const KEPT_OUTPUT =
  /\b(?:files?|sheets?|workbooks?|disk|folders?|director(?:y|ies)|paths?|sav(?:e|es|ed|ing)|writ(?:e|es|ten|ing)|stor(?:e|es|ed|ing)|persist(?:s|ed|ing)?|upload(?:s|ed|ing)?)\b/;

/**
 * NAME_VERB's produced-output read ("generate_bar_chart") that the description's opening agrees with, with no change
 * word in the name and nothing said of keeping the output (a file, a sheet, saved).
 */
function producedOutput(s: Parameters<Rule['apply']>[0]): boolean {
  if (!s.nameWords.some((w) => EPHEMERAL_NOUNS.has(w))) return false;
  const name = nameVerb.apply(s);
  if (!name.some((h) => h.effect === 'read' && h.matched.some((m) => /^(?:create|generate|build|run|execute)/.test(m))))
    return false;
  if (name.some((h) => h.effect === 'write' || h.effect === 'destructive')) return false;
  if (KEPT_OUTPUT.test(s.description)) return false;
  const lead = descriptionLeadVerb.apply(s);
  return lead.length > 0 && lead.every((h) => h.effect === 'read');
}

/**
 * A description that opens by asking a yes-or-no question of what is there ("Check if an element is visible on the
 * page", "Checks whether a collection exists"): the call answers it. Its other words ("enabled", "checked",
 * "selected") are what is asked about, not a change.
 */
const ASKS_WHETHER = /^(?:check|checks|determine|determines) (?:if|whether) /;
/**
 * A description that opens with a question about what is there ("Does the implementation … implement the contract,
 * i.e. implementation & A -> G?", "Is a public handle free?", "Who calls this function?"): the call answers it.
 */
const ASKS_A_QUESTION = /^(?:does|do|is|are|has|have|what|which|who|when|where|how many)\b[^?\n]{0,240}\?(?:\s|$)/i;

/** Whether NAME_VERB finds a change (write or destructive) in the tool's name. */
function nameNamesChange(s: Parameters<Rule['apply']>[0]): boolean {
  return nameVerb.apply(s).some((h) => h.effect === 'write' || h.effect === 'destructive');
}

/**
 * A read opening that says, in the same clause, that nothing is kept ("Verify a workbook specification without
 * saving", "Preview one new POI without writing to OSM"), or that it stops short of installing, running, creating or
 * changing anything ("Render chart templates locally without installing", "Check migration scripts without executing
 * them", "Generate the pipeline YAML without creating the pipeline"),
 * under a name that names no change: the change words are what the call stops short of.
 */
const WITHOUT_KEEPING =
  /\bwithout (?:saving|writing|persisting|storing|applying|committing|uploading|installing|deploying|sending|publishing|executing|running|submitting|modifying|changing|touching|mutating|creating)\b/;

function readWithoutKeeping(s: Parameters<Rule['apply']>[0], lead: string): boolean {
  if (!WITHOUT_KEEPING.test(lead)) return false;
  // Not when the name itself names a change ("DryRunKubernetesManifests": "run").
  if (nameNamesChange(s)) return false;
  return openingOnlyReads(s);
}

/**
 * A description that opens with an audit ("Lighthouse SEO audit of the current page", "Run a comprehensive Lighthouse
 * audit on a website", "Deep accessibility audit for a specific component"), not a paid one, or whose opening looks for
 * faults ("Scan a snippet of text or code for exposed secrets", "Lint a Helm chart for possible issues", "Scan a wallet
 * for Sybil indicators"), not to fix them: the call hands back findings.
 */
const AUDIT_OPENING =
  /^(?:(?:run|runs|perform|performs) )?(?:an? |the )?(?:(?!paid\b)[\w-]+ ){0,3}audit (?:of|on|for)\b/;
/**
 * An opening that runs a check, a review or a scan over something ("Run a code review against the current repository",
 * "Run a fast KYB check on a company", "Run a diagnostic review of a Redshift cluster"): findings, like an audit's. So
 * does running recognition over an input ("Run OCR on an image (screenshot, scan, receipt or photo) and return its text").
 */
const RUNS_A_CHECK =
  /^(?:run|runs|perform|performs) (?:an? |the )?(?:(?!paid\b)[\w-]+ ){0,3}(?:check|checks|review|scan|inspection|analysis|assessment|ocr|recognition) (?:of|on|against|for|over)\b/;
const LOOKS_FOR_FAULTS =
  /^(?:scan|scans|lint|lints|audit|audits|check|checks|inspect|inspects|review|reviews|analy[sz]es?) .{0,60}\bfor (?:\w+ ){0,3}?(?:issues|vulnerabilities|secrets|errors|problems|bugs|violations|leaks|mistakes|misconfigurations|risks|threats|malware|typos|cves|indicators|signs|anomalies)\b/;
const FIXES = /\b(?:fix|fixes|repair|repairs|remove|removes|correct|corrects)\b/;
/**
 * Findings kept somewhere: saved, written or stored ("Progress is saved locally"); not "stored" said of what is read
 * ("Export the stored knowledge-graph data", "all stored entities").
 */
const KEEPS =
  /\b(?:sav(?:e|es|ed|ing)|writ(?:e|es|ten|ing)|(?<!\b(?:the|all|any|its|their|of|for|previously|already) )stor(?:e|es|ed|ing)|persist(?:s|ed|ing)?)\b/;

/** The description says something is kept or paid for: what the call hands back is not all it does. */
function keptOrPaid(s: Parameters<Rule['apply']>[0]): boolean {
  return KEEPS.test(s.description) || SPENDS.test(s.description);
}

/**
 * Nothing said of keeping or paying, no free-form body to send (where `body` asks it), and no change in the name: what
 * the call makes is handed back. The guard every yield of the learned raise ends with.
 */
function handsBackOnly(s: Parameters<Rule['apply']>[0], body: boolean): boolean {
  return !keptOrPaid(s) && !(body && takesPayload(s)) && !nameNamesChange(s);
}

function handsBackFindings(s: Parameters<Rule['apply']>[0], lead: string): boolean {
  const audits = AUDIT_OPENING.test(s.description) || RUNS_A_CHECK.test(s.description);
  if (!audits && !(LOOKS_FOR_FAULTS.test(lead) && !FIXES.test(lead))) return false;
  return handsBackOnly(s, false);
}

/**
 * An opening that shows a named part of something ("Show the README of a chart", "Show all information for a chart"):
 * what is shown is handed back. Credentials and connection settings in the schema do not make it a change.
 */
const SHOWS_PART_OF =
  /^(?:show|shows|display|displays|print|prints) (?:all|the) (?:\w+ ){0,4}?(?:of|for) (?:a|an|the|this|one|each)\b/;

/**
 * An opening that turns identifiers or codes into others ("Convert between article identifiers (DOI, PMID, PMCID)",
 * "Resolve an ICD-10 clinical code to MONDO disease ontology terms"): a lookup whose answer is handed back.
 */
const CONVERTS_IDENTIFIERS =
  /^(?:convert|converts|map|maps|resolve|resolves|translate|translates|look up|looks up) (?:between )?(?:\w+ ){0,4}?(?:ids|identifiers?|codes?|accessions?)\b/;

function convertsIdentifiers(s: Parameters<Rule['apply']>[0], lead: string): boolean {
  if (!CONVERTS_IDENTIFIERS.test(lead)) return false;
  return !nameNamesChange(s);
}

/**
 * An opening that waits ("Wait for a background job to finish, up to timeout_seconds, then report it", "Waits for the
 * specified duration then returns a follow-up message"), with nothing said of keeping anything: the call watches.
 */
const WAITS = /^(?:wait|waits|block|blocks) (?:until|for)\b/;

function onlyWaits(s: Parameters<Rule['apply']>[0], lead: string): boolean {
  if (!WAITS.test(lead) || KEEPS.test(s.description)) return false;
  return !nameNamesChange(s);
}

/**
 * An opening that only looks something up ("Search artifacts in a Spira program", "Inspect a Resource file by path",
 * "Read the JEDEC ID of the SPI NOR flash"), that says what it hands back ("Return every user table in the connected
 * database", "Returns the relevant tool subset for a task type") or reads code back out of a binary ("Decompile
 * function(s) at given address(es)", "Disassemble a DSDT's AML to ASL source"): one lookup, with no alternative to it
 * ("Read or append decisions", "View or tighten spending limits", "Read, select, or assert rows") and nothing more done
 * in the same sentence ("Searches moves from the current pose …, and leaves the scene there"; not "…, and more"), under
 * a name that names no change, on a tool that takes no free-form body to send, with nothing said of keeping or paying:
 * the call hands back what it finds.
 */
const LOOKS_UP =
  /^(?:search|searches|query|queries|inspect|inspects|read|reads|get|gets|fetch|fetches|retrieve|retrieves|find|finds|look up|looks up|view|views|analy[sz]e|analy[sz]es|extract|extracts|decompile|decompiles|disassemble|disassembles|return|returns) (?!(?:\w+ )?or\b)/;
const DOES_MORE = /^[^.!?]*?(?:, and (?!more\b|so on\b|others?\b)|\bthen (?!returns?\b))/;

function onlyLooksUp(s: Parameters<Rule['apply']>[0], lead: string): boolean {
  // "获取 Kafka 集群整体元数据", "… 후보를 조회합니다": a Chinese, Korean or Japanese opening that only looks something up.
  if ((!LOOKS_UP.test(lead) || DOES_MORE.test(s.description)) && !cjkOpeningLooksUp(s)) return false;
  return handsBackOnly(s, true) && openingOnlyReads(s);
}

/**
 * An opening that only translates or transcribes ("Translate text between any of 57 supported languages", "Transcribe
 * an audio file from this machine", "Translate Chimera Glyph (CG) text back into readable English"), with the same
 * guards as a lone lookup: nothing more done in the same sentence, no other verb in the opening ("Transcribe source
 * media locally and edit the timeline"), nothing said of keeping or paying ("… and write the results next to it"): the
 * call hands back the text it makes.
 */
const TRANSLATES = /^(?:translate|translates|transcribe|transcribes) (?!(?:\w+ )?or\b)/;

function onlyTranslates(s: Parameters<Rule['apply']>[0], lead: string): boolean {
  if (!TRANSLATES.test(lead) || DOES_MORE.test(s.description)) return false;
  return handsBackOnly(s, false) && openingOnlyReads(s);
}

/**
 * A read opening followed by a sentence that says what comes back ("Analyze an email to detect calendar events. Returns
 * structured analysis so the AI can decide …", "Transcribe speech in an audio source. Returns text, segments …"), under
 * a name that names no change, with nothing said of keeping or paying: the call hands its result back. Not a "Returns:"
 * docstring heading, nor an opening that runs, executes or submits something ("Run a decision report and read it back",
 * "Verify an identity document by submitting images"): what is run may leave its own records. "Running" after a
 * determiner describes what is read ("Take a screenshot of any running Electron application window. Returns base64
 * image data").
 */
const RETURNS_NEXT = /^[^.!?]*[.!?]\s+returns? (?!:)/;
const RUNS_OR_SUBMITS =
  /\b(?:run|runs|(?<!\b(?:any|a|the|each|every|currently|already) )running|execute|executes|executing|submit|submits|submitting)\b/;

function saysWhatItReturns(s: Parameters<Rule['apply']>[0], lead: string): boolean {
  if (!RETURNS_NEXT.test(s.description) || RUNS_OR_SUBMITS.test(lead)) return false;
  return handsBackOnly(s, false) && openingOnlyReads(s);
}

/**
 * An opening with no verb the lexicon knows, a noun phrase for what is found ("Best-effort peek at party room-chat since
 * the last poll …. Returns one line per new message", "Desk positions across venues. Returns the server-side cached
 * snapshot"), whose next sentence says what comes back, on a tool that takes no free-form body, with nothing said of
 * keeping or paying and no change in the name: the call hands back what the noun phrase names. Not an imperative of a
 * verb the lexicon lacks, which an article follows ("Scaffold a report folder. Returns its path").
 */
function nounPhraseThenReturns(s: Parameters<Rule['apply']>[0]): boolean {
  if (!RETURNS_NEXT.test(s.description) || openingVerbs(s).length > 0) return false;
  const first = s.leadWords[0] ?? '';
  if (ARTICLES.has(s.leadWords[1] ?? '') && !/[^s]s$/.test(first)) return false;
  return handsBackOnly(s, true);
}

/**
 * A name whose verb looks something up ("show_place", "get_sentiment", "find_differentially_abundant_organisms") over a
 * description that opens with no verb at all, a noun phrase for what is found ("One place by exact name", "BCA
 * editorial sentiment bucket for an entity", "Previous, current, and next frames, aligned"), on a tool that takes no
 * free-form body to send, with nothing said of keeping or paying: the call hands back what the name looks up. Not an
 * opening whose first word an article follows: an imperative of a verb the lexicon lacks. A name's lookup noun counts as
 * its verb ("etabs_model_overview": "One-call summary of the open model: file, version, units, …").
 */
const LOOKUP_NAME_WORDS = new Set([
  'get',
  'show',
  'search',
  'find',
  'list',
  'view',
  'fetch',
  'read',
  'lookup',
  'query',
  'inspect',
  'describe',
  'retrieve',
  'review',
  'browse',
  'overview',
  'status',
  'info',
  'details',
  'stats',
  'summary',
  'metadata',
  'history',
]);

function nameLooksUpOverNounPhrase(s: Parameters<Rule['apply']>[0]): boolean {
  if (!s.nameWords.some((w) => LOOKUP_NAME_WORDS.has(w)) || openingVerbs(s).length > 0) return false;
  // An imperative of a verb the lexicon lacks, which an article follows ("Cache the AST", "Scaffold a report folder"),
  // is no noun phrase; a plural before the article still is ("Cells a user set on purpose, newest first").
  const first = s.leadWords[0] ?? '';
  if (ARTICLES.has(s.leadWords[1] ?? '') && !/[^s]s$/.test(first)) return false;
  return handsBackOnly(s, true);
}

/**
 * A noun-phrase label before a colon whose first words after it are an article and what is handed back ("GR(1)
 * synthesis (slugs): the controller … when the contract is realizable", "On formulas: a minimal set of terms that cannot
 * hold together", "The calibration the pod has stored: the ADC offset …"), with no verb in the opening, under a name that
 * names no change, on a tool that takes no free-form body, with nothing said of keeping or paying: the label names what
 * the call finds and the colon what it hands back.
 */
const LABEL_THEN_ARTICLE = /^(?![\w-]+ (?:a|an|the|this|your) )[^:.!?\n]{3,80}: (?:a|an|the) /i;

function labelThenWhatComesBack(s: Parameters<Rule['apply']>[0]): boolean {
  if (!LABEL_THEN_ARTICLE.test(s.description.trim()) || openingVerbs(s).length > 0) return false;
  return handsBackOnly(s, true);
}

/**
 * An opening that builds text for the caller ("Build a PMM URL to show the user", "Build a structured Markdown report
 * from named sections"; DESCRIPTION_LEAD_VERB's built text), under a name that names no change, with nothing said of
 * keeping it (a file, a sheet, saved) or paying: the text is handed back, not made somewhere.
 */
function buildsText(s: Parameters<Rule['apply']>[0]): boolean {
  const words = s.leadWords;
  if (!BUILD_VERBS.has(words[0] ?? '') || !words.slice(1, 6).some((w) => BUILT_TEXT.has(w))) return false;
  // Not a report dropped onto a sheet of a workbook or into a file ("Build a single-sheet executive report …  Drops a
  // curated dashboard onto a new sheet").
  if (KEPT_OUTPUT.test(s.description)) return false;
  return handsBackOnly(s, true);
}

/**
 * An opening that is a noun with its complement ("Insight into transfers, grouped by tag", "Breakdown of spend by
 * month"), its first word no verb the lexicon knows, under a name that names no change, with nothing said of keeping
 * or paying: it names what is handed back. After "into" only a plural, at most one word on, is a complement ("Step
 * into the next function call", "Step into instruction" move a debugger); and not a label whose next sentence opens
 * with a change ("Proof of Address verification. Submit a single document image …").
 */
function nounWithComplement(s: Parameters<Rule['apply']>[0]): boolean {
  if (!opensWithNounComplement(s)) return false;
  if (s.leadWords[1] === 'into' && !s.leadWords.slice(2, 4).some((w) => /[^s]s$/.test(w))) return false;
  const later = s.description
    .split(/[.!?]\s+/)
    .slice(1)
    .map((t) => /^\W*([a-z]+)/i.exec(t)?.[1]?.toLowerCase() ?? '');
  if (later.some((w) => isChangeVerb(w))) return false;
  return handsBackOnly(s, true);
}

/** The rule that lets a model raise a read to a write; its evidence names the words that weighed most. */
export function learnedRaise(model: LearnedModel): Rule {
  return {
    code: 'LEARNED_RAISE',
    role: 'raise',
    summary: `A logistic regression over the tool's words and parameters, trained on authors' annotations of other servers, is ${Math.round(model.threshold * 100)}% or more sure the call changes state: a read is raised to a write (it never lowers a verdict), except where the description says nothing changes, asks whether something holds or opens with a question, or hands back findings, a shown part, converted identifiers, a wait, what a lone lookup finds or a lone translation makes, text it builds for the caller, what a read opening says it returns, or what a lookup name finds under a noun-phrase opening. Evidence: the words that weighed most.`,
    apply: (s) => {
      // An operation enum whose every value is a lookup lists everything the tool can do (ACTION_ENUM's read at verb
      // weight 4): words that merely sound like a change ("manage_routing") do not outweigh it.
      if (actionEnum.apply(s).some((h) => h.effect === 'read' && h.role === 'verb')) return [];
      // Nor does it outweigh the description's own statement that the call changes nothing ("PLAN (nothing is
      // written): create a campaign").
      if (STATES_NO_CHANGE.test(s.description) && !SPENDS.test(s.description)) return [];
      // Nor a tool named for planning that says the change is not carried out ("dry-run by Google", "never deploy").
      if (plannedNotDone(s)) return [];
      // Nor a query tool's stated read-only guard ("Execute a read-only SQL statement … rejected"): the words that
      // sound like a change are what the guard rules out.
      if (codeExecution.apply(s).some((h) => h.effect === 'execution:read-only')) return [];
      // Nor a name that makes an output it hands back ("generate_bar_chart", "create_summary") whose description opens
      // with the same read.
      if (producedOutput(s)) return [];
      // The opening's words as one text, for the yields below.
      const lead = s.leadWords.join(' ');
      // Nor a description that opens by asking whether something holds ("Check if an element is enabled").
      if (ASKS_WHETHER.test(lead)) return [];
      // Nor one that opens with a question ("Who calls this function?"), under a name that names no change.
      if (ASKS_A_QUESTION.test(s.description.trim()) && handsBackOnly(s, false)) return [];
      // Nor a read opening that says nothing is kept ("Verify a specification without saving").
      if (readWithoutKeeping(s, lead)) return [];
      // Nor an audit, or a look for faults, whose findings are handed back ("Scan a snippet of text for secrets").
      if (handsBackFindings(s, lead)) return [];
      // Nor an opening that shows a named part of something ("Show the default values of a chart").
      if (SHOWS_PART_OF.test(lead)) return [];
      // Nor an opening that turns identifiers into others ("Convert between article identifiers").
      if (convertsIdentifiers(s, lead)) return [];
      // Nor an opening that waits for something to happen ("Wait for a background job to finish").
      if (onlyWaits(s, lead)) return [];
      // Nor an opening that only looks something up ("Search artifacts in a Spira program").
      if (onlyLooksUp(s, lead)) return [];
      // Nor an opening that only translates or transcribes ("Transcribe an audio file from this machine").
      if (onlyTranslates(s, lead)) return [];
      // Nor a read opening whose next sentence says what comes back ("Transcribe speech …. Returns text, segments …").
      if (saysWhatItReturns(s, lead)) return [];
      // Nor a noun-phrase opening whose next sentence says what comes back ("Desk positions across venues. Returns …").
      if (nounPhraseThenReturns(s)) return [];
      // Nor an opening that builds text for the caller ("Build a PMM URL to show the user").
      if (buildsText(s)) return [];
      // Nor a lookup name over a noun-phrase opening ("show_place": "One place by exact name").
      if (nameLooksUpOverNounPhrase(s)) return [];
      // Nor an opening that is a noun with its complement ("Insight into transfers").
      if (nounWithComplement(s)) return [];
      // Nor a noun-phrase label whose colon opens on what comes back ("On formulas: a minimal set of terms …").
      if (labelThenWhatComesBack(s)) return [];
      const { p, top } = predictionOf(model, s);
      return p >= model.threshold
        ? [{ effect: 'write', matched: [`p=${p.toFixed(2)}`, ...top], source: 'combined', weight: 1 }]
        : [];
    },
  };
}

/**
 * The rule that lets a model decide a tool the rules barely decided: nothing said anything (otherwise NO_SIGNAL, a
 * change), or only a noun-or-verb name word ("log", "order", "store", "train") called it a write, with no raise or
 * intensify evidence. When the model is at least 1 - lowerThreshold sure the call only reads, the tool is a read. A
 * `fallback` hit (COMBINE_STEPS' FALLBACK step says when it acts), so it never overrides firmer evidence; its evidence
 * is the probability and the three words that weighed most towards a read.
 */
export function learnedFallback(model: LearnedModel): Rule {
  return {
    code: 'LEARNED_FALLBACK',
    role: 'fallback',
    summary: `When nothing in the name, description or schema decided the category, or only a noun-or-verb name word called it a write (no raise or intensify evidence), a logistic regression over the tool's words and parameters, trained on authors' annotations of other servers, that puts the chance of a change at ${Math.round(model.lowerThreshold * 100)}% or less calls the tool a read, when at least one of the tool's own words leans towards a read. Evidence: the words that weighed most towards a read.`,
    apply: (s) => {
      const { p, bottom, wordsLeanRead } = predictionOf(model, s);
      // The tool's own words must lean towards a read: the shape of its schema alone (no parameters at all) does not
      // make a tool nothing describes ("zorblax") a read.
      return wordsLeanRead && p <= model.lowerThreshold
        ? [{ effect: 'read', matched: [`p=${p.toFixed(2)}`, ...bottom], source: 'combined', weight: 1 }]
        : [];
    },
  };
}
