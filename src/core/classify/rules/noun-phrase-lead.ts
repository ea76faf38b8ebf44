// biome-ignore-all format: its word lists and tables read best packed, several items a line
// NOUN_PHRASE_LEAD: a description that opens by naming what comes back ("The chapters of a course…", "Which series have
// files…", "Timing of one channel…") rather than with a verb describes data handed back: weakly a read, so any change
// evidence still wins.
import { AMBIGUOUS_NAME_WORDS, ARTICLES, OBJECT_OPENERS, isChangeVerb, verbClass } from '../lexicon.ts';
import { type Signals, splitWords } from '../signals.ts';
import type { Rule } from '../types.ts';
import { destructivePhrase } from './destructive-phrase.ts';
import { namesAVerb, takesPayload } from './no-action-described.ts';

/**
 * Words that open a noun phrase or a question, never an imperative: articles, question words, and the quantifiers and
 * superlatives that head a list of results ("Most-followed accounts", "Recent trades", "Cheapest fares").
 */
const NOUN_PHRASE_OPENERS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'which', 'what', 'when', 'where', 'who', 'whose', 'how', 'whether', 'every', 'each', 'total', 'most',
  'top', 'recent', 'latest', 'current', 'cheapest', 'upcoming', 'daily', 'monthly', 'weekly', 'hourly', 'historical',
  // Questions ("Does the contract accept…?", "Is the port open?") and more list headings ("All fares…", "Newest books…",
  // "Free appointment times…", "Live DX spots…", "Everything that ran under the same parent").
  'does', 'do', 'is', 'are', 'can', 'all', 'newest', 'oldest', 'best', 'popular', 'trending', 'available', 'free', 'live',
  'active', 'everything',
]);
/** A first word followed by one of these is a noun with its complement ("Status of…", "Digest of…"), not a verb with its object. */
const NOUN_COMPLEMENTS: ReadonlySet<string> = new Set(['of', 'per']);

/** Auxiliaries that open a yes-or-no question when the first sentence ends with a question mark. */
const QUESTION_WORDS: ReadonlySet<string> = new Set(['does', 'do', 'is', 'are', 'can']);
const ASKED = /^[^.!?]{3,200}\?/;

/** Before a past participle, these make it a change made ("is created"), not a description ("most-followed", "updated daily"). */
const AUXILIARIES: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'gets', 'get']);

/** The description's second sentence says what the call hands back. */
const RETURNS_NEXT = /^[^.!?]{3,200}[.!?] (returns|shows|lists)\b/;

/** A change verb (a past participle only after an auxiliary: "is created", "are added"). */
function namesChange(word: string, afterAuxiliary: boolean): boolean {
  const forms = afterAuxiliary && word.length > 4 && word.endsWith('ed') ? [word, word.slice(0, -1), word.slice(0, -2)] : [word];
  return forms.some(isChangeVerb);
}

/** Prepositions that tie a noun phrase's head to what it is about ("Distinct tracked pages for one competitor"). */
const RELATIONS: ReadonlySet<string> = new Set(['of', 'for', 'from', 'to', 'in', 'across', 'with', 'per', 'by', 'over', 'on', 'at', 'into']);
/** Inside a noun phrase an article or a determiner follows one of these ("posts for the tab", "pages for one competitor"). */
const BEFORE_ARTICLE: ReadonlySet<string> = new Set([...RELATIONS, 'and', 'or']);
/**
 * An opening before a colon that a determiner leads ("Every market on ONE race: win, place, …"): leadClause strips it
 * as a label, but it is the noun phrase, and what follows the colon lists its parts (DESCRIPTION_LEAD_VERB's
 * DETERMINED_LABEL reads it the same way).
 */
const DETERMINED_LABEL = /^(?:everything|every|all|each|the|a|an)\b[^:.!?\n]{0,36}(?=:\s)/;

/** Words that head a short verbless opening sentence naming data handed back ("Job-level metrics.", "Futures depth & trade data."). */
const DATA_HEADS: ReadonlySet<string> = new Set(['metrics', 'data', 'history', 'results', 'statistics', 'stats']);
/** The first sentence whole: a few words and nothing else before its full stop. */
const SHORT_SENTENCE = /^([^.!?:\n]{3,60})\.(?:\s|$)/;

/**
 * Under a name with no verb, a first sentence of at most six words, none a verb but the one before the head, that ends
 * with a word for data ("Job-level metrics.", "Futures depth & trade data.", "Settled AU/NZ race results.") names what
 * comes back. Not "Rain, snow, sparks or ash particles." (what it makes is no data).
 */
function namesDataHandedBack(s: Signals): string | undefined {
  const sentence = SHORT_SENTENCE.exec(s.description)?.[1];
  if (sentence === undefined) return undefined;
  const words = splitWords(sentence);
  const head = words.at(-1) ?? '';
  if (words.length > 6 || !DATA_HEADS.has(head) || namesAVerb(s)) return undefined;
  // The word before the head is a modifier ("trade data", "race results"); a read word is an adjective ("Aggregated open
  // interest history.").
  if (words.some((w, i) => i < words.length - 2 && isChangeVerb(w))) return undefined;
  return `${words[0]} … ${head}`;
}

/** Question words whose clause has its own subject and verb ("Which templates a theme overrides", "What may be started"). */
const CLAUSE_QUESTIONS: ReadonlySet<string> = new Set(['what', 'which']);
const MODALS: ReadonlySet<string> = new Set(['may', 'can', 'could', 'might', 'must', 'should', 'will', 'would']);

/**
 * In an opening question, the verb of the question's own clause: a participle after a modal and "be" ("What may be
 * started RIGHT NOW") or a verb after a subject an article leads ("Which core/module templates a theme overrides").
 * It asks about a change; the call makes none.
 */
function verbOfQuestion(clause: string[], i: number): boolean {
  if (!CLAUSE_QUESTIONS.has(clause[0] ?? '')) return false;
  if (clause[i - 1] === 'be' && MODALS.has(clause[i - 2] ?? '')) return true;
  return i > 2 && ARTICLES.has(clause[i - 2] ?? '');
}

/** A sentence's opening word, after any bullet and "Label:" ("Actions: login (start flow), logout…" opens with "login"). */
const SENTENCE_OPENER = /^[-*•\s]*(?:[^:]{1,40}:\s+)?([a-z]+)/;

/**
 * A tool whose name and title hold no verb and whose opening's first word is no verb the lexicon knows, tied by a
 * preposition to what it is about ("g8_radar_competitor_pages: Distinct tracked pages for one competitor…",
 * "glossary: Old Russian terms from records…", "instagram_username: Instagram user id to username."), names what comes
 * back. Not an imperative of a verb the lexicon lacks, which an article follows ("Hold a current on the output",
 * "Prepare an invitation code at…"); not an adverb ("Explicitly synchronize gateway targets…"); not a label that the
 * next sentence explains by a change ("Hardware-anchored identity for AI agents. Manage identity…", "OAuth for MCP
 * servers. Actions: login…") or that a later sentence does ("Compact handoffs for a story. Removes full_details…");
 * and not where the description admits a lasting loss ("Derive structured insight from archived chats… overwrites").
 */
function headsNounPhrase(s: Signals): boolean {
  const words = s.leadWords;
  const first = words[0] ?? '';
  if (verbClass(first, true) !== undefined || first.endsWith('ly') || !words.some((w) => RELATIONS.has(w))) return false;
  // A determiner after another ("placed in each one") continues the phrase the first one opened.
  const opensObject = (w: string, i: number) =>
    OBJECT_OPENERS.has(w) && !BEFORE_ARTICLE.has(words[i - 1] ?? '') && !OBJECT_OPENERS.has(words[i - 1] ?? '');
  if (words.some((w, i) => i > 0 && opensObject(w, i))) return false;
  if (namesAVerb(s)) return false;
  // "command: Escape hatch for firmware commands no tool covers" with "request: A firmware JSON command": a payload to
  // send is no noun phrase's subject.
  if (takesPayload(s)) return false;
  const later = s.description.split(/[.!?]\s+/).slice(1).map((t) => SENTENCE_OPENER.exec(t)?.[1] ?? '');
  if (later.length > 0 && isChangeVerb(later[0]!)) return false;
  if (later.some((w) => w.endsWith('s') && isChangeVerb(w) && isChangeVerb(w.slice(0, -1)))) return false;
  return destructivePhrase.apply(s).length === 0;
}

export const nounPhraseLead: Rule = {
  code: 'NOUN_PHRASE_LEAD',
  role: 'verb',
  summary:
    'The description opens with a noun phrase or a question ("The chapters of…", "Which series…", "Timing of one channel…", or, under a name with no verb, a word that is no verb tied by a preposition to what it is about: "Distinct tracked pages for one competitor") and its opening clause names no change: weakly a read.',
  apply: (s) => {
    const dataHandedBack = namesDataHandedBack(s);
    if (dataHandedBack !== undefined && destructivePhrase.apply(s).length === 0)
      return [{ effect: 'read', matched: [dataHandedBack], source: 'description', weight: 1 }];
    const label = DETERMINED_LABEL.exec(s.description)?.[0];
    const leadWords = label !== undefined ? splitWords(label) : s.leadWords;
    const [first, second] = leadWords;
    if (first === undefined) return [];
    // "Loops on one cross-section plane of a mesh. Returns JSON {…}": an opening that is no verb, followed by a
    // sentence saying what comes back.
    const handedBack = RETURNS_NEXT.exec(s.description)?.[1];
    // "Insight into expenses": a word that is no verb before "into" is a noun with its complement too ("Look into" is a
    // verb).
    const opener = NOUN_PHRASE_OPENERS.has(first)
      ? first
      : second !== undefined && (NOUN_COMPLEMENTS.has(second) || (second === 'into' && verbClass(first, true) === undefined))
        ? `${first} ${second}`
        : handedBack !== undefined && verbClass(first, true) === undefined
          ? handedBack
          : headsNounPhrase(s)
            ? `${first} … ${leadWords.find((w) => RELATIONS.has(w))}`
            : undefined;
    if (opener === undefined) return [];
    // "Does `refined` refine `abstract` (can it replace it)?": a yes-or-no question asks about the change it names.
    if (QUESTION_WORDS.has(first) && ASKED.test(s.description)) return [{ effect: 'read', matched: [opener], source: 'description', weight: 1 }];
    // "A new session is created…", "The tool updates…": a change named in the opening clause is not a noun phrase's
    // content. A noun-or-verb word ("identity link", "when does a band open") names one only after an auxiliary ("is
    // linked") or before an object ("updates the record"), and a condition on the arguments ("or one venue if venue is
    // set") names none.
    const conditionAt = leadWords.findIndex((w) => w === 'if' || w === 'unless');
    const clause = conditionAt < 0 ? leadWords : leadWords.slice(0, conditionAt);
    if (
      clause.some((w, i) => {
        const afterAuxiliary = AUXILIARIES.has(clause[i - 1] ?? '');
        // "Region layout of a theme with the blocks placed in each one": a word an article leads is a noun, not a verb.
        if (ARTICLES.has(clause[i - 1] ?? '')) return false;
        // "Insight into transfers, grouped by category": a plural after a preposition of the phrase is a noun ("to" opens
        // an infinitive, so not after it).
        if (i > 0 && RELATIONS.has(clause[i - 1]!) && clause[i - 1] !== 'to' && w.endsWith('s')) return false;
        // "A variant's values by slot for an engine material that follows the shared wear formula": a verb after a
        // relative pronoun tells of the noun before it, not of the call.
        if (i > 1 && (clause[i - 1] === 'that' || clause[i - 1] === 'which')) return false;
        if (verbOfQuestion(clause, i)) return false;
        const verbPlace = afterAuxiliary || OBJECT_OPENERS.has(clause[i + 1] ?? '') || !AMBIGUOUS_NAME_WORDS.has(w);
        return verbPlace && namesChange(w, afterAuxiliary);
      })
    )
      return [];
    return [{ effect: 'read', matched: [opener], source: 'description', weight: 1 }];
  },
};
