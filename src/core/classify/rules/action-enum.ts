// ACTION_ENUM: multi-purpose tools pick their operation from an enum (action: create|delete|list); the most dangerous
// option counts.
import { DESTRUCTIVE_VERBS, READ_VERBS, WRITE_VERBS, runsARead, verbClass, verbForm } from '../lexicon.ts';
import { codeExecution } from './code-execution.ts';
import { STORES_A_REQUEST } from './http-method.ts';
import { splitWords } from '../signals.ts';
import type { Hit, Rule } from '../types.ts';

const SELECTOR_WORDS: ReadonlySet<string> = new Set([
  'action',
  'mode',
  'operation',
  'op',
  'method',
  'command',
  'subcommand',
  'verb',
  'operations',
  'actions',
]);

/** Selectors that pick which operation runs (not how: mode, method). */
const OPERATION_WORDS: ReadonlySet<string> = new Set([
  'action',
  'actions',
  'operation',
  'operations',
  'op',
  'command',
  'subcommand',
]);

/** A selector that picks which operation's schema or documentation is handed back ("whose schema to return"). */
const DESCRIBED_OPERATION =
  /\bwhose (?:json )?(?:schemas?|docs?|documentation|help|usage|signatures?|parameters|arguments|examples?)\b[^.;]{0,20}\bto (?:return|show|describe|get|fetch)\b/i;

const QUOTED = /['"\x60]([a-z][a-z0-9_-]{1,40})['"\x60]/g;
/** Values listed with bars, each perhaps with a parenthesised note: "list (default) | status | switch". */
const PIPED = /\b[a-z][a-z0-9_-]{1,40}(?: \([a-z ]{1,20}\))?(?: ?\| ?[a-z][a-z0-9_-]{1,40}(?: \([a-z ]{1,20}\))?)+/;
function pipedValues(description: string): string[] {
  const m = PIPED.exec(description);
  return m === null
    ? []
    : m[0]
        .split('|')
        .slice(0, 30)
        .map((v) => v.replace(/\(.*\)/, '').trim());
}

/** Enum values that transform a shape or an image: beside one, "rotate" turns it. */
const TRANSFORMS = /^(?:scale|resize|resize_canvas|flip|flip_[a-z]+|mirror|translate|move|crop|skew|shear)$/;

/** Operation values that evaluate something: code in a tool that runs code, an expression or a formula otherwise. */
const EVALUATING: ReadonlySet<string> = new Set(['eval', 'evaluate', 'calc', 'calculate', 'compute']);
/** Whether CODE_EXECUTION finds the tool running code it is given. */
const runsCode = (s: Parameters<Rule['apply']>[0]) =>
  codeExecution.apply(s).some((h) => h.effect.startsWith('execution:'));

export const actionEnum: Rule = {
  code: 'ACTION_ENUM',
  role: 'raise',
  summary:
    'An action/mode/operation parameter whose allowed (enum or quoted) values include delete, create, list…: the tool can do the most dangerous of them.',
  apply: (s) => {
    const destructive: string[] = [];
    const write: string[] = [];
    const read: string[] = [];
    let operationEnum = false;
    for (const p of s.params) {
      if (p.depth > 1 || p.words.length > 2) continue;
      if (!p.words.some((w) => SELECTOR_WORDS.has(w))) continue;
      // "operation: Write operation whose schema to return": the value names what the call describes, not what it does.
      if (DESCRIBED_OPERATION.test(p.description)) continue;
      // "create_api" with "method: GET | POST | DELETE": the HTTP method of the API the call saves, not its operation.
      if (p.words.includes('method') && s.nameWords.some((w) => STORES_A_REQUEST.has(w))) continue;
      // "merge_method", "sort_mode": how the named action is done, not which action.
      if (p.words.length === 2 && [DESTRUCTIVE_VERBS, WRITE_VERBS, READ_VERBS].some((set) => set.has(p.words[0]!)))
        continue;
      // Without an enum, the allowed values are often quoted in the parameter description ("'update' (set
      // parameters)").
      if (p.enumValues.length >= 2 && p.words.some((w) => OPERATION_WORDS.has(w))) operationEnum = true;
      // Or listed with bars: "list (default) | status | switch".
      const piped = p.enumValues.length > 0 ? [] : pipedValues(p.description);
      const values =
        p.enumValues.length > 0
          ? p.enumValues
          : piped.length > 0
            ? piped
            : [...p.description.matchAll(QUOTED)].slice(0, 30).map((m) => m[1]!);
      // "mode: flight | train | bus | taxi": values among which one word at most is a verb name kinds, not
      // operations; the word that happens to be a verb ("train", "post_ids", "around_post") is a noun among them. Two
      // values suffice when that word is no destruction ("mode: train | bus").
      // "action: accept | drop | reject | log" of "create_filter_rule": what the stored firewall rule does to packets,
      // not what the call does.
      if (values.includes('drop') && (values.includes('accept') || values.includes('allow'))) continue;
      const verbWords = new Set(values.flatMap((v) => splitWords(v).filter((w) => verbClass(w, false) !== undefined)));
      const verbs = values.filter((v) => splitWords(v).some((w) => verbWords.has(w)));
      if (values.length >= 3 && verbs.length <= 1) continue;
      const [lone] = verbWords;
      if (verbWords.size === 1 && verbs.length < values.length && verbClass(lone!, false) === 'write') continue;
      for (const v of values) {
        const vw = splitWords(v);
        const label = `${p.name}=${v}`;
        // "eval" in a tool that runs no code ("action: eval | statistics" of a calculator) evaluates an expression.
        if (vw.length === 1 && EVALUATING.has(vw[0]!) && !runsCode(s)) {
          read.push(label);
          continue;
        }
        // "runQuery", "run_audit": running a query, an audit or a check reads, as in a name (arbitrary code is
        // CODE_EXECUTION's).
        if (runsARead(vw, 0)) {
          read.push(label);
          continue;
        }
        // A value that opens with a read verb ("get_type", "list_changes") names a lookup whatever its object is.
        if (
          vw[0] !== undefined &&
          verbForm(vw[0], READ_VERBS, false) &&
          !verbForm(vw[0], WRITE_VERBS, false) &&
          !vw.some((w) => verbForm(w, DESTRUCTIVE_VERBS, false))
        ) {
          read.push(label);
          continue;
        }
        // "action: resize_canvas | scale | rotate | flip": a rotation among other transforms of a shape turns it, which
        // turns back (a key's "rotate" beside "create | revoke" stays a loss).
        if (vw.length === 1 && vw[0] === 'rotate' && values.some((o) => TRANSFORMS.test(o))) {
          write.push(label);
          continue;
        }
        if (vw.some((w) => verbForm(w, DESTRUCTIVE_VERBS, false))) destructive.push(label);
        else if (vw.some((w) => verbForm(w, WRITE_VERBS, false))) write.push(label);
        else if (vw.some((w) => verbForm(w, READ_VERBS, false))) read.push(label);
      }
    }
    const hits: Hit[] = [];
    if (destructive.length > 0)
      hits.push({ effect: 'destructive', matched: destructive.slice(0, 8), source: 'inputSchema', weight: 3 });
    if (write.length > 0) hits.push({ effect: 'write', matched: write.slice(0, 8), source: 'inputSchema', weight: 3 });
    // An operation enum whose every value is a lookup lists everything the tool can do: it reads, whatever its name
    // says.
    const allRead = operationEnum && read.length >= 2 && write.length === 0 && destructive.length === 0;
    if (read.length > 0)
      hits.push({
        effect: 'read',
        matched: read.slice(0, 8),
        source: 'inputSchema',
        weight: allRead ? 4 : 1,
        role: allRead ? 'verb' : 'evidence',
      });
    return hits;
  },
};
