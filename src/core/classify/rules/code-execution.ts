// biome-ignore-all format: its word lists and tables read best packed, several items a line
// CODE_EXECUTION: the tool runs arbitrary code, commands or queries it is given (a `command`/`script`/`sql` parameter,
// "execute JavaScript").
import { CODE_OBJECTS, DESTRUCTIVE_VERBS, LOOKUP_VERBS, READ_QUALIFIERS, verbClass, verbForm, WRITE_VERBS } from '../lexicon.ts';
import { oncePerTool, type Signals } from '../signals.ts';
import type { Execution, Hit, Rule } from '../types.ts';
import { DISPATCH_DESCRIPTION } from './dispatcher.ts';
import { READ_ONLY_PHRASE } from './read-only-phrase.ts';

/** Parameter names that carry code to run. */
const CODE_PARAMS: ReadonlySet<string> = new Set([
  'command', 'commands', 'cmd', 'script', 'code', 'sql', 'expression', 'javascript', 'js', 'python', 'shell', 'bash',
  'function', 'source', 'snippet', 'statement', 'program', 'cypher', 'kql',
]);
/** Words that name code only when the parameter or the tool says so ("opening_statement", "wisdom_snippet" are prose). */
const AMBIGUOUS_PARAMS: ReadonlySet<string> = new Set(['snippet', 'statement', 'program', 'source', 'function', 'expression']);
const CODE_CONTEXT = /\b(?:sql|quer(?:y|ies)|code|script|javascript|js|python|shell|bash|command|execut\w*|evaluat\w*|cypher|kql)\b/;
/** Text that speaks of running code: a language, or a run verb before code ("executes the given code"); not "the deed is executed". */
const RUNS_CODE = /\b(?:javascript|typescript|python|bash|shell|lua|source code|snippet)\b|\b(?:execut(?:e|es|ing)|runs?|running|evaluat(?:e|es|ing)|interpret(?:s|ing)?)\s+(?:[a-z]+\s+){0,3}?(?:code|script|snippet|program)\b|\bcode to (?:run|execute|evaluate)\b/;
/** "Alias for where": the parameter is another name for the one it names. */
const ALIAS_OF = /^alias (?:for|of) `?([a-z_][a-z0-9_]*)`?/;
const SCRIPT_BODY = /\b(?:run|runs|execut\w*|evaluat\w*|interpret\w*|code|content|contents|source|body|inline|javascript|typescript|python|bash|shell|js|lua|statements?|commands?|to (?:perform|do))\b/;
const RUN_VERBS: ReadonlySet<string> = new Set(['exec', 'execute', 'eval', 'evaluate', 'run', 'invoke', 'call', 'interpret', 'apply']);
const SQL_WORDS: ReadonlySet<string> = new Set(['sql', 'query', 'queries', 'statement', 'statements', 'migration', 'migrations', 'cypher', 'kql']);
/**
 * The description says the code is looked at or kept, not run: "without running it", "does NOT execute the command",
 * "stored in local config with no remote execution", "Write a file directly to the persistent bash filesystem (without
 * running shell commands)".
 */
const NOT_RUN = /\bwithout (?:running|executing|evaluating) (?:it|them|the (?:query|queries|statements?|code|scripts?|sql)|(?:any )?(?:shell |bash )?commands)\b|\bstored\b[^.;]{0,40}\bwith no (?:remote |local )?execution\b|\b(?:does not|doesn't|never) (?:run|runs|execute|executes) (?:it|them|the (?:query|queries|commands?|code|scripts?|sql))\b|\b(?:this tool|it) only (?:builds|validates|checks)\b/;
/** A parameter described as what the tool looks at, not runs: "the idea, plan or code to critique". */
// "待判定的 shell 命令" (the shell command to be judged), "the command to be checked against the policy".
const LOOKED_AT =
  /\bto (?:critique|review|analy[sz]e|check|validate|lint|format|explain|judge|assess|transform|parse)\b|\bto be (?:judged|checked|evaluated|assessed|classified|vetted|reviewed|validated)\b|待(?:判定|检查|评估|校验|审核)/;
/** Name verbs that look at code or produce text from it (sql_check, validate_script, generate_config): its parameters are read, not run. */
const LOOK_VERBS: ReadonlySet<string> = new Set([
  'check', 'validate', 'verify', 'lint', 'parse', 'format', 'review', 'analyze', 'analyse', 'critique', 'judge',
  'transform', 'generate', 'convert', 'translate', 'diff', 'compare', 'beautify', 'prettify', 'minify', 'tokenize',
  'highlight', 'estimate', 'classify', 'detect', 'explain', 'scan', 'grade', 'preview', 'rewrite', 'optimize', 'optimise',
  'refactor',
]);
/** A description saying the code it is given is run after all ("The statement is actually executed under SET TRACE ON"). */
const IS_RUN = /\b(?:statements?|quer(?:y|ies)|sql|code|scripts?) (?:is|are|gets|get) (?:actually |really |still )?(?:executed|run|evaluated)\b/;
const RUN_WORD = /\b(?:execut\w*|runs?|running|evaluat\w*)\b/;
/** A query the tool runs by name: a saved, stored or predefined one, or a dashboard card's. */
const SAVED_QUERY = /\b(?:saved|stored|predefined|named|existing) (?:[a-z]+ ){0,2}quer(?:y|ies)\b|\bcard(?:'s)? query\b/;
/** Query languages that cannot change what they query: what runs in them reads. */
const READ_ONLY_LANGUAGES: ReadonlySet<string> = new Set(['promql', 'logql', 'traceql', 'metricsql', 'dax', 'bql', 'mbql', 'jmespath', 'jsonpath', 'xpath']);
const READ_ONLY_LANGUAGE = new RegExp(`\\b(?:${[...READ_ONLY_LANGUAGES].join('|')})\\b`);

/**
 * The read-only language the tool's queries are in: one its name names ("execute_promql_query"), or one its description
 * names where it does not also speak of SQL ("Execute a native SQL query or MBQL query" runs SQL too).
 */
function readOnlyLanguage(s: Signals): string | undefined {
  const named = s.nameWords.find((w) => READ_ONLY_LANGUAGES.has(w));
  if (named !== undefined) return named;
  return /\bsql\b/.test(s.description) ? undefined : READ_ONLY_LANGUAGE.exec(s.description)?.[0];
}
/** A parameter that lists the few values it takes ("command: chart/values/readme"). */
const VALUE_LIST = /^[a-z][a-z_-]*(?:\s*[/|]\s*[a-z][a-z_-]*)+$/;
/** A clause that rules statements out or points elsewhere ("INSERT, UPDATE and DELETE are rejected"; "use execute_write for INSERT"): its change words are not what the tool runs. */
const RULED_OUT = /\b(?:blocks?|rejects?|rejected|refuses?|refused|disallows?|disallowed|prevents?|forbids?|forbidden|not (?:allowed|permitted|supported)|instead)\b|^\s*use\b/;
/** An expression described as arithmetic. */
// "test measure formulas" (a BI tool's expressions over its data model).
const ARITHMETIC = /\b(?:math(?:ematical)?|arithmetic|numeric|formulas?|calculat\w*)\b/;
/** A parameter described as what was already run ("The command you ran"). */
const RAN_ALREADY = /\b(?:you|they|the (?:agent|caller|user)) (?:ran|executed|have (?:run|executed))\b/;
/** A "query" parameter that is a URL's query string or search words, not a query language. */
const QUERY_STRING = /\b(?:query[- ]?string|url|search (?:terms?|text|words?)|keywords?)\b/;
const QUERY_LANGUAGE = /\b(?:sql|cypher|kql|graphql|sparql|select)\b/;
const PHRASE = /\b(execut(?:e|es|ing)|runs?|running|evaluat(?:e|es|ing))\s+(an?\s+|the\s+|any\s+|arbitrary\s+|raw\s+|custom\s+|given\s+|provided\s+)*(javascript|js|python|shell|bash|terminal|sql|code|commands?|scripts?|cypher|kql)\b/g;
/**
 * Words before a run phrase, in its clause, that make it something other than the call's own act: a condition, a
 * time, a denial, a possibility ("before running commands", "without running shell commands", "nodes that could execute
 * arbitrary code", "never permission to run commands"), or what a place the call makes can do later ("Creates a new
 * session that can execute code"); "can" is not one on its own ("This tool can execute any command").
 */
const NOT_OWN_ACT = /\b(?:without|before|after|until|while|not|never|no|instead of|could|might|keep|avoid|permission to)\b(?:\W+\w+){0,3}\W*$|\b(?:sessions?|environments?|sandbox(?:es)?|interpreters?|kernels?|instances?|containers?|vms?|machines?) (?:that|which) can\b(?:\W+\w+){0,6}\W*$/;
/** Nouns that make the code word a modifier ("a code review", "a code interpreter session", "the command-line checklist"). */
const HEAD_NOUNS = /^(?:-|\s+(?:reviews?|interpreters?|editors?|quality|coverage|style|smells?|engines?|work|templates?)\b)/;
/** The commands are an application's own menu commands, clicked as a person would: no code the caller wrote. */
const MENU_COMMANDS = /\bmenu (?:commands?|items?)\b/;
/** Countable objects that a bare participle ("running command", "the running script") describes rather than runs. */
const COUNTABLE = /^(?:command|script)$/;

/** The words of its sentence, up to 60 characters, before position `at`: what may govern a run phrase there. */
function clauseBefore(description: string, at: number): string {
  return description.slice(Math.max(0, at - 60), at).split(/[.!?;]/).at(-1)!;
}

/**
 * The first run phrase in a description that states what the call does: not one after a hyphen ("long-running
 * commands", "re-runs the code"), one whose code word heads a longer noun ("runs the command-line checklist", "a code
 * review"), a participle describing its noun ("the running script's state", "running command, size"), one a word of
 * denial, time or possibility governs ("before running commands", "could execute arbitrary code"), one in a question
 * about other tools ("which of the execute tools runs a given command"), or one that points elsewhere ("run the command
 * instead"; "to run a command and collect its output, use tmux_run").
 */
function ownRunPhrase(description: string): RegExpExecArray | undefined {
  for (const m of description.matchAll(PHRASE)) {
    const at = m.index;
    const after = description.slice(at + m[0].length, at + m[0].length + 80);
    if (description[at - 1] === '-' || HEAD_NOUNS.test(after)) continue;
    const verb = m[1]!;
    const participle = verb.endsWith('ing');
    if (participle && ((m[2] === undefined && COUNTABLE.test(m[3]!)) || /\b(?:a|an|the|its|their|this|each)\s+$/.test(description.slice(Math.max(0, at - 8), at)))) continue;
    const clause = clauseBefore(description, at);
    // "see which of the two execute tools runs a given command": a question about other tools.
    if (NOT_OWN_ACT.test(clause) || /\bwhich of\b/.test(clause)) continue;
    if (/^\s+instead\b/.test(after) || (/\bto\s+$/.test(clause) && /^[^.;]*?,\s*use\b/.test(after))) continue;
    return m;
  }
  return undefined;
}

/** Commands or keystrokes sent into a shell, terminal or PTY session (whatever is typed there runs). */
const INTO_SHELL =
  /\bsend(?:s|ing)?\s+(?:[a-z]+,?\s+){0,4}?(?:commands?|input|keystrokes|keys|text)\s+(?:in)?to\s+(?:an?\s+|the\s+)?(?:(?:active|interactive|running|open|existing|remote)\s+)*(?:pty|terminal|shell|tmux|ssh|bash|console)\b/;

/** A setting's value right before a run phrase ("browser_run=true runs …"). */
const SETTING_BEFORE = /\b[a-z_]+\s*=\s*[a-z0-9_]+\s*$/;

/** Words between a name's run verb and its object that say what runs only reads (a run verb's read qualifiers, and a select). */
// A query over logs reads them: log query languages (CloudWatch Logs Insights, a firewall's log search) change nothing
// ("execute_log_insights_query", "run_logs_query").
const READ_NAMED: ReadonlySet<string> = new Set([...READ_QUALIFIERS, 'select', 'log', 'logs']);
/** Verbs of keeping a record: what a tool so named is given is what it keeps. */
const RECORDING_VERBS: ReadonlySet<string> = new Set(['log', 'record', 'journal', 'note', 'track']);

/** The 120 characters after a parameter's first mention in the description ("`query` (query-string params)", "`query` is the literal input the tool consumes: the search terms"). */
function mentionOf(description: string, name: string): string {
  const at = description.indexOf(name.toLowerCase());
  return at < 0 ? '' : description.slice(at + name.length, at + name.length + 120);
}

/** What the description says of one argument ("name: …" in an Args list), up to 120 characters; empty when absent. */
function argumentText(description: string, name: string): string {
  const i = description.indexOf(`${name.toLowerCase()}:`);
  return i < 0 ? '' : description.slice(i, i + name.length + 121);
}

/**
 * A read-only query stated in Chinese ("安全执行只读 SQL 查询": safely run read-only SQL queries; 只读 is read-only); not
 * "只读模式下不可用" (unavailable in read-only mode), which says the tool writes.
 */
const READ_ONLY_ZH = /执行只读|只读\s*(?:sql|查询|语句|事务|连接)/;
/**
 * The same in Portuguese and Spanish: "Executa consulta SELECT de leitura … Rejeita comandos de alteração de dados",
 * "consultas de solo lectura", "somente leitura".
 */
const READ_ONLY_PT_ES =
  /\b(?:consultas? select de leitura|(?:somente|apenas) (?:de )?leitura|(?:consultas? |sentencias? )?(?:de )?s[oó]lo (?:de )?lectura|rejeita (?:comandos|instruções) de (?:alteração|escrita|modificação)|rechaza (?:comandos|sentencias) de (?:modificación|escritura))/;

function hasReadOnlyStatement(description: string): boolean {
  for (const m of description.matchAll(READ_ONLY_PHRASE)) if (m[1] === undefined) return true;
  return READ_ONLY_ZH.test(description) || READ_ONLY_PT_ES.test(description);
}

/** A stated guard that only reads run: "SELECT-only", "only SELECT queries", "perform SELECT operations", "read-only query". */
const SELECT_ONLY = /\b(?:select[- ]only|only (?:select|read)\b[a-z ]{0,20}\b(?:quer(?:y|ies)|statements?|operations?)|select (?:quer(?:y|ies)|statements?) only|(?:perform|run|execute)s? (?:an? |one )?(?:custom |single |simple )?(?:sql )?select (?:quer(?:y|ies)|statements?|operations?)|for an? \W*select\W*(?: or \W*with\W*)? (?:quer(?:y|ies)|statements?)|read[- ]only (?:sql|quer(?:y|ies)|transaction|mode|connection))\b/;
/** The guard is explicit: the query itself is called read-only (or runs in a read-only transaction or connection), or other statements are rejected. */
const EXPLICIT = /\b(?:read[- ]only (?:[a-z]+ ){0,2}(?:sql|select|quer(?:y|ies)|transactions?|connections?|mode|user|replica)|(?:rejects?|blocks?|refuses?|disallows?|prevents?) (?:any |all )?(?:non-select|write|other|mutating|modifying|ddl|dml)|(?:are|is) (?:rejected|blocked|not allowed|not permitted|disallowed)|only (?:allows?|permits?|accepts?) select)\b/;
/** The tool states it refuses what would make its commands code: scripting, shell escapes, arbitrary commands. */
const REFUSES_CODE = /\b(?:rejects?|refuses?|blocks?|disallows?|forbids?|denies|does not (?:allow|accept|permit))\b[^.;]{0,30}\b(?:scripting|shell escapes?|arbitrary (?:commands?|code|command sourcing))\b/;
/** A query parameter described as one SELECT ("One SELECT statement", "Single read-only SELECT or WITH statement", "SQL SELECT query to run"). */
const SELECT_PARAM = /^\s*(?:(?:an?|one|single|the)\s+){0,2}(?:(?:read[- ]only|sql)\s+){0,2}select\b(?!\s+(?:the|which|what|from|an?|one|fields?|columns?)\b)/;
/** A description that also mentions changing SQL is not a read-only query tool whatever else it says. */
const WRITE_SQL = /\b(?:insert|update|delete|drop|alter|truncate(?! (?:the|its|data|results?|output|text|long)\b)|create table|ddl|dml|upsert|merge into|write operations?|modif(?:y|ies) data)\b/;
/**
 * The code runs inside a browser page (its DOM, console or document; a browser instance or session; the DOM's
 * `document.getElementById`), not on the machine; so does code run "inside a WebView" (a mobile app's embedded page: "Run
 * JS inside a WebView (DOM query, click, read text)"; not "in a Tauri app's webview context" or "code to execute in the
 * webview context", whose scripts reach the app's own backend); so do browser commands ("provide browser commands to interact with the
 * page before scraping … JavaScript: Execute custom JS").
 */
const PAGE_CONTEXT = /\b(?:(?:in|inside|within|on|into) (?:the |a |each |every |this )?(?:(?:current|target|active|selected|new) )?(?:browser|page|web ?page|tab|document|frame|dom)|(?:in|inside|within) (?:a|the) webview\b(?! context)|browser (?:console|instance|session|tab|context|commands)|page context|each new document|(?<![\w/.-])(?:document|window)\.(?:get\w+|query\w+|create\w+|body|head|location|title|cookie|localstorage|sessionstorage|scroll\w*|inner\w+|outer\w+|dispatchevent|alert|fetch|navigator))\b/;
const PAGE_NAME_WORDS: ReadonlySet<string> = new Set(['browser', 'page', 'tab', 'dom', 'playwright', 'puppeteer', 'selenium', 'webpage']);

/** Change words that, opening a query tool's name or description, are the query's own verb ("select_rows", "Request rows…"). */
const NOT_A_CHANGE_HERE: ReadonlySet<string> = new Set(['select', 'request']);

/**
 * Sandboxes made for the call: a micro-VM or hypervisor, a hosted model's or provider's own, or a service's scorer that
 * runs code submitted to it ("Submit a python_model to a leaderboard track for server-side scoring").
 */
const MADE_FOR_THE_CALL = String.raw`micro-?vms?|hypervisors?|firecracker|gvisor|server-side (?:scoring|grading)|(?:scores|grades|scored|graded) (?:it |them )?server-side|(?:gemini|claude|gpt|openai|the model)(?:'s)? (?:own |built-in |native )?(?:sandbox|code execution)|(?:google|gemini|openai|anthropic|aws|cloud|provider)[- ]hosted (?:[a-z]+ ){0,2}sandbox`;
/**
 * The code runs away from this machine, as stated: a micro-VM or hypervisor, "isolated from this machine", "a persistent
 * isolated environment", a hosted interpreter session's sandbox, an emulator's, or a sandbox a hosted model or service
 * keeps ("Gemini's built-in code execution", "its own Google-hosted Linux sandbox").
 */
const ISOLATED = new RegExp(
  String.raw`\b(?:${MADE_FOR_THE_CALL}|isolated from (?:this|the|your) (?:machine|host|computer|system)|(?:persistent |remote |fresh )?isolated (?:execution |runtime )?environment|the session's sandbox|sandboxed code interpreter|sandboxed (?:on|in|inside) the emulat(?:ion|or)\b)\b`,
);
/** A sandbox made for the call and gone after it: a micro-VM or hypervisor, a fresh environment, a model's own. */
const EPHEMERAL_SANDBOX = new RegExp(String.raw`\b(?:${MADE_FOR_THE_CALL}|fresh (?:isolated |sandboxed )?(?:environment|sandbox|vm))\b`);
/** …unless it also says the isolation is partial ("does NOT isolate the filesystem", "which no sandbox confines"). */
const NOT_ISOLATED = /\b(?:does not isolate|not isolated|no sandbox|not a sandbox|without (?:a )?sandbox|shares? (?:the|this|your) (?:filesystem|network|machine))\b/;

/** Verbs that keep what they are given for later (a template, a schedule, a function, a project's settings). */
const STORE_VERBS: ReadonlySet<string> = new Set(['create', 'update', 'add', 'save', 'set', 'edit', 'define', 'register', 'upsert', 'put', 'modify', 'patch', 'schedule', 'store', 'new', 'configure', 'replace', 'change']);
/** What runs its command as soon as it exists (beside RUN_VERBS): a session, window, shell, process, container, job or run. */
const STARTS_AT_ONCE: ReadonlySet<string> = new Set([...RUN_VERBS, 'session', 'sessions', 'window', 'windows', 'pane', 'panes', 'terminal', 'terminals', 'shell', 'shells', 'process', 'processes', 'container', 'containers', 'pod', 'pods', 'job', 'jobs', 'task', 'tasks', 'runs', 'sandbox', 'sandboxes', 'vm', 'vms', 'instance', 'instances', 'machine', 'machines']);
/** The description says the command runs now ("optional `command` runs as the first pane's command", "create and start"). */
const RUNS_NOW = /\b(?:starts|started|launch(?:es|ed)|spawn(?:s|ed)|runs|executes|immediately)\b|\band (?:start|launch|run)\b/;

/** Name words, and description phrases, of something that fires at set times. */
const SCHEDULE_WORDS: ReadonlySet<string> = new Set(['cron', 'crontab', 'schedule', 'schedules', 'scheduled']);
const ON_A_SCHEDULE = /\b(?:cron jobs?|on a schedule)\b/;
/**
 * Its name or description says it fires at set times, or it takes a cron expression for them ("create_tap" with
 * `script` and `cron_expression`: the platform runs the tap's script on that schedule, or when it is run by name).
 */
function scheduled(s: Signals): boolean {
  return (
    s.nameWords.some((w) => SCHEDULE_WORDS.has(w)) ||
    ON_A_SCHEDULE.test(s.description) ||
    s.params.some((p) => p.depth === 0 && (p.words[0] === 'cron' || p.words[0] === 'crontab'))
  );
}

/**
 * The code is kept for later, not run by this call: the tool's name or description opens with a verb that keeps what
 * it is given ("update_command_template", "create_schedule" with `on_command`, "Create a new serverless function"),
 * nothing in its name runs or starts at once, and the description does not say the command runs now; or what it makes
 * fires at set times (a cron job, a schedule), whatever it says of running.
 */
function storedFor(s: Signals): boolean {
  if (!keeps(s)) return false;
  // A cron job or a schedule keeps its command for the times it fires ("Create a new cron job that runs a command on a
  // schedule").
  if (scheduled(s)) return !s.nameWords.some((w) => RUN_VERBS.has(w));
  if ([...s.nameWords, ...s.leadWords.slice(0, 4)].some((w) => STARTS_AT_ONCE.has(w))) return false;
  return !RUNS_NOW.test(s.description);
}

/** The name's first verb ("hosting_createAccountCronJobV1"), or the opening's ("Creates a cron job"), keeps what it is given. */
function keeps(s: Signals): boolean {
  const stores = (w: string | undefined) => w !== undefined && verbForm(w, STORE_VERBS, true) !== undefined;
  return stores(s.nameWords.find((w) => verbClass(w, true) !== undefined)) || stores(s.leadWords[0]);
}

/** The tool's description followed by what its code parameters' own descriptions say, as one text. */
function withParameters(description: string, paramDescriptions: readonly string[]): string {
  return [description, ...paramDescriptions].join('. ');
}

/** Where code given to the tool runs: only reads (a stated guard), one browser page, a stated sandbox, or anything the server can do. */
function scopeOf(s: Signals, sql: boolean, matched: string[], paramDescriptions: string[], guarded = false): Execution {
  if (sql && (guarded || readOnlyLanguage(s) !== undefined)) return 'read-only';
  if (sql) {
    const text = s.description;
    const queryOnly = matched.every((m) => m.startsWith('param:') || /sql|quer/.test(m));
    // The query parameter's own description counts as the tool's ("sql: One SELECT over the tables", "query: SQL query
    // (SELECT statements only)").
    const said = withParameters(text, paramDescriptions)
      .split(/[.!?;]\s/)
      .filter((clause) => !RULED_OUT.test(clause) && !/^\s*no\b/.test(clause))
      .join('. ');
    const stated = SELECT_ONLY.test(text) || hasReadOnlyStatement(text) || paramDescriptions.some((d) => SELECT_ONLY.test(d) || SELECT_PARAM.test(d) || EXPLICIT.test(d));
    if (queryOnly && !WRITE_SQL.test(said) && stated) return 'read-only';
  }
  if (s.nameWords.some((w) => PAGE_NAME_WORDS.has(w)) || PAGE_CONTEXT.test(s.description) || paramDescriptions.some((d) => PAGE_CONTEXT.test(d))) return 'page';
  // A sandbox the call addresses by id (`sandbox_id`) is one the service runs and keeps, not this machine.
  const addressed = s.params.some((p) => p.depth === 0 && p.words.length === 2 && p.words[0] === 'sandbox' && p.words[1] === 'id');
  if ((ISOLATED.test(s.description) || addressed) && !NOT_ISOLATED.test(s.description)) return 'sandbox';
  return 'arbitrary';
}

/** The hits of a tool that runs what it is given, by where it runs. Exported for the name-only capability rule. */
export function executionHits(scope: Execution, matched: string[], source: Hit['source'], sql: boolean, description: string, language?: string): Hit[] {
  if (scope === 'read-only') {
    const hits: Hit[] = [
      // A query tool that states a read-only guard reads, whatever verb runs the query ("Run one read-only SELECT").
      { effect: 'read', matched, source, weight: 4, role: 'verb' },
      { effect: 'capability:database', matched, source, weight: 3 },
      { effect: 'execution:read-only', matched, source, weight: 3 },
    ];
    // The guard is explicit when stated, or when the query language itself cannot change anything (PromQL, DAX).
    const guard = EXPLICIT.exec(description)?.[0] ?? language;
    if (guard !== undefined) hits.push({ effect: 'guard:explicit', matched: [guard], source: 'description', weight: 2 });
    return hits;
  }
  if (scope === 'named') {
    return [
      { effect: 'destructive', matched, source, weight: 3 },
      { effect: 'execution:named', matched, source, weight: 3 },
    ];
  }
  if (scope === 'stored') {
    // The code runs later (when the template is used, the schedule fires, the function is called), with whatever it
    // can do then; this call only keeps it.
    return [
      { effect: 'write', matched, source, weight: 3 },
      { effect: 'capability:code-execution', matched, source, weight: 3 },
      { effect: 'execution:stored', matched, source, weight: 3 },
    ];
  }
  if (scope === 'sandbox') {
    // It still runs what it is given, but it cannot reach this machine. A sandbox that lasts (a persistent environment,
    // a session's, an emulator's, one addressed by id) holds what the caller keeps there, which the code can destroy; a
    // fresh one made for the call (a micro-VM, a model's own) loses nothing that lasts.
    const fresh = EPHEMERAL_SANDBOX.test(description) && !/\bpersistent\b/.test(description);
    return [
      { effect: fresh ? 'write' : 'destructive', matched, source, weight: 3 },
      { effect: 'capability:code-execution', matched, source, weight: 4 },
      { effect: 'execution:sandbox', matched, source, weight: 4 },
    ];
  }
  if (scope === 'page') {
    return [
      { effect: 'write', matched, source, weight: 3 },
      { effect: 'capability:browser', matched, source, weight: 3 },
      { effect: 'execution:page', matched, source, weight: 3 },
    ];
  }
  const hits: Hit[] = [
    { effect: 'destructive', matched, source, weight: 4 },
    { effect: 'capability:code-execution', matched, source, weight: 4 },
    { effect: 'execution:arbitrary', matched, source, weight: 4 },
  ];
  if (sql) hits.push({ effect: 'capability:database', matched, source, weight: 3 });
  return hits;
}

export { NOT_RUN, PAGE_CONTEXT, PAGE_NAME_WORDS, RUN_VERBS, scopeOf };

export const codeExecution: Rule = {
  code: 'CODE_EXECUTION',
  role: 'raise',
  summary: 'Runs code, commands or queries it is given: a string parameter such as command, script, code, sql or function, a name like run_query/execute_sql, or "executes arbitrary JavaScript".',
  // Once per tool: LEARNED_RAISE asks for the same hits (a stated read-only guard).
  apply: oncePerTool(executionOf),
};

/** A name's run object that is one of the server's own tools, not code ("call_tool", "execute_sentry_tool"). */
const TOOL_OBJECTS: ReadonlySet<string> = new Set(['tool', 'tools']);
const IDENTIFIER_WORDS: ReadonlySet<string> = new Set(['name', 'id']);

/**
 * The tool picks what it runs by an identifier (`name`, `id`, or the run object's own: `script_id`, `migration_id`) and
 * takes no text that could be code (no `command`, `script`, `args` string beside it).
 */
function namedRun(s: Signals, objects: readonly string[]): boolean {
  const strings = s.params.filter((p) => p.depth === 0 && (p.type === 'string' || p.type === ''));
  const ofObject = (w: string) => objects.includes(w) || objects.includes(`${w}s`);
  // `name`, `script_id`; or a list of them (`cell_ids` of "run_cells").
  const identified =
    strings.some((p) => IDENTIFIER_WORDS.has(p.words.at(-1) ?? '') && (p.words.length === 1 || (p.words.length === 2 && ofObject(p.words[0]!)))) ||
    s.params.some((p) => p.depth === 0 && p.type === 'array' && (p.words.at(-1) === 'ids' || p.words.at(-1) === 'names') && p.words.length === 2 && ofObject(p.words[0]!));
  return identified && !strings.some((p) => CODE_PARAMS.has(p.words.at(-1) ?? '') || p.words.some((w) => w === 'args' || w === 'arguments'));
}

/** A parameter described as naming or locating something ("Address by symbol name", "Name of the function to break on"). */
const NAMES_A_PLACE = /^(?:address(?:es|ed)? by|locate[sd]? by|(?:the )?name of (?:the|a|an)\b|(?:the )?(?:function|method|symbol) name\b)/;

/**
 * A command parameter described as a command's name or label picked from a list ("A label from list_commands",
 * "cmd: Command name, matches one of get_device_commands' results"): a device's or application's own command, not code.
 */
const NAMES_A_COMMAND = /^\s*(?:(?:an?|the)\s+)?(?:label|name)\b|\b(?:command|cmd) (?:names?|labels?|with (?:a |its )?name)\b|\bfrom list_\w+|\bone of (?:the )?\w+(?:'s)? results\b/;

/** A command parameter's first word that makes it a launcher prefix (`mpirun`, `srun`, `time`), not code to run. */
const LAUNCHERS: ReadonlySet<string> = new Set(['launcher', 'launch', 'wrapper', 'mpi', 'prefix']);

/** Words that make a following "code" an identifier ("apply_promo_code", "redeem_gift_code"). */
const CODE_IDENTIFIERS: ReadonlySet<string> = new Set(['promo', 'promotion', 'promotional', 'discount', 'coupon', 'voucher', 'gift', 'referral', 'invite', 'invitation', 'verification', 'auth', 'authorization', 'access', 'activation', 'country', 'zip', 'postal', 'error', 'status']);

/**
 * Whether a code word after a name's run verb is what it runs: not a "code" that a noun before it makes an
 * identifier ("apply_promo_code"), nor a trailing "tool" that is only the server's naming suffix
 * ("rerun_workflow_run_tool", "apply_cleanup_tool") when the description never speaks of a tool.
 */
function isObject(word: string, before: string | undefined, last: boolean, description: string): boolean {
  if (word === 'code' && before !== undefined && CODE_IDENTIFIERS.has(before)) return false;
  // A cell holds code only in a notebook ("execute_cell" of a Jupyter kernel, not "apply_cell_finding" of a sheet).
  if ((word === 'cell' || word === 'cells') && !/\b(?:notebook|kernel|jupyter|ipynb)\b/.test(description)) return false;
  if ((word === 'tool' || word === 'tools') && last && !/\btools?\b/.test(description)) return false;
  // A document's commands are edits to it ("apply_document_commands: Apply one atomic HWPX command batch using only the
  // shared set/add/remove/move/copy union"), not code.
  if ((word === 'command' || word === 'commands') && (before === 'document' || before === 'doc')) return false;
  return true;
}

/** CODE_EXECUTION's hits for one tool. */
function executionOf(s: Signals): Hit[] {
  const matched: string[] = [];
  let sql = false;
  if (NOT_RUN.test(s.description)) return [];
  // "The default path rejects scripting, shell escapes, file commands…": the commands it takes are a guarded domain
  // language (a simulator's analysis commands), not code or a shell.
  if (REFUSES_CODE.test(s.description)) return [];
  // "run_query", "execute_read_query": a run verb, then what it runs. Not "get_workflow_run_tool" or
  // "query_agent_run_…", where a lookup comes first and "run" is a noun.
  const runAt = s.nameWords.findIndex((w) => RUN_VERBS.has(w));
  const lookupFirst = runAt > 0 && s.nameWords.slice(0, runAt).some((w) => LOOKUP_VERBS.has(w) || CODE_OBJECTS.has(w));
  const runInName = runAt >= 0 && !lookupFirst;
  const objectInName = runInName ? s.nameWords.slice(runAt + 1).filter((w, j, rest) => CODE_OBJECTS.has(w) && isObject(w, rest[j - 1], j === rest.length - 1, s.description)) : [];
  // "execute_read_query", "execute_read_api_command", "run_show_command_batch": the name says what runs only reads.
  const firstObject = runInName ? s.nameWords.findIndex((w, i) => i > runAt && objectInName.includes(w)) : -1;
  const readNamed = firstObject > runAt && s.nameWords.slice(runAt + 1, firstObject).some((w) => READ_NAMED.has(w));
  // A command or tool (not a query) the name says only reads is looked up and run as a read.
  const readNamedCommand = readNamed && !objectInName.some((w) => SQL_WORDS.has(w));
  // "Execute a saved Azure DevOps query", "Run a saved query": the query is named, not given.
  if (runInName && objectInName.length > 0 && !SAVED_QUERY.test(s.description) && !readNamedCommand) {
    matched.push(`name:${s.name}`);
    if (objectInName.some((w) => SQL_WORDS.has(w))) sql = true;
  }
  // "call_api", "invoke_endpoint": the run verb names something other than code, so its "query" is not a query
  // language.
  const namesOtherObject = runInName && s.nameWords.length > runAt + 1 && objectInName.length === 0;
  // A tool named for looking at code (check, validate, generate, …) with no run verb reads its code parameters.
  // A tool named for keeping a record ("log_execution", "record_command") stores the command it is given.
  // So is a command or tool the name says only reads ("execute_read_api_command").
  const looksAt = (!runInName && s.nameWords.some((w) => LOOK_VERBS.has(w) || RECORDING_VERBS.has(w)) && !IS_RUN.test(s.description)) || readNamedCommand;
  // So does one whose description opens with such a verb ("Analyse a query against pasted DDL"), for parameters
  // not themselves described as run ("shell: 'run' executes the tree's $(shell) calls").
  const opensLooking = !runInName && LOOK_VERBS.has(s.leadWords[0] ?? '');
  for (const p of s.params) {
    if (p.depth > 0 || (p.type !== 'string' && p.type !== '')) continue;
    if (looksAt || LOOKED_AT.test(p.description)) continue;
    if (opensLooking && !RUN_WORD.test(p.description) && !RUN_WORD.test(argumentText(s.description, p.name))) continue;
    // A closed list of values ("command": BusinessPayBill | BusinessBuyGoods, or described as "chart/values/readme")
    // picks an operation; it is not code.
    if (p.enumValues.length > 0 || VALUE_LIST.test(p.description)) continue;
    // "filter_command": narrows what is listed to items with that value.
    if (p.words[0] === 'filter') continue;
    // "curl_command": a cURL command line is parsed into an HTTP request, not run in a shell.
    if (p.words.includes('curl') && !RUN_WORD.test(p.description)) continue;
    // "function: Address by symbol name…", "statement: Address by content: the text of the target line",
    // "function: Name of the function": it says where or which, not what runs.
    if (NAMES_A_PLACE.test(p.description)) continue;
    // "sql: Alias for where": another name for a parameter that is not code.
    const alias = ALIAS_OF.exec(p.description)?.[1];
    if (alias !== undefined && s.params.some((q) => q.name.toLowerCase() === alias && !CODE_PARAMS.has(q.words.at(-1) ?? ''))) continue;
    const last = p.words[p.words.length - 1];
    // "launcher_cmd" (a CP2K run's `mpirun -np 4`), "wrapper_command": the program the tool's own work is started
    // under, not code the tool is there to run.
    if ((last === 'command' || last === 'cmd') && p.words.length === 2 && LAUNCHERS.has(p.words[0]!)) continue;
    // "command: A label from list_commands": one of the device's own commands, picked by name.
    if ((last === 'command' || last === 'cmd') && NAMES_A_COMMAND.test(`${p.description} ${argumentText(s.description, p.name).slice(p.name.length + 1)}`)) continue;
    if (p.words.length <= 2 && last !== undefined && CODE_PARAMS.has(last) && !(last === 'source' && !/code|script/.test(p.description))) {
      // "function", "expression" and "source" are code only when described as such (a cron or regex expression is
      // not). A "command" that names one of the server's own sub-tools is a dispatcher, not a shell.
      if ((last === 'command' || last === 'commands') && DISPATCH_DESCRIPTION.test(p.description)) continue;
      // "service_code", "country_code": an identifier, unless its description speaks of running code. A bare "code"
      // (a stock, currency, project or status code) too, unless the tool speaks of running code; and one held to a
      // pattern or a short length is an identifier whatever is said.
      if (last === 'code' && (p.constrained || (!RUNS_CODE.test(p.description) && (p.words.length > 1 || !RUNS_CODE.test(s.description))))) continue;
      // A "script" described without running or content ("The Worker script that implements this object") names one.
      if ((last === 'script' || last === 'scripts') && p.description !== '' && !SCRIPT_BODY.test(p.description)) continue;
      if ((last === 'function' || last === 'expression') && !/javascript|\bjs\b|python|\bcode\b|script|function declaration|=>|evaluat/.test(p.description)) continue;
      // "expression: Math expression to evaluate", or the tool's "Evaluate a debugger expression (register names, simple
      // arithmetic)" that speaks of no code: arithmetic, not code.
      if (last === 'expression' && (ARITHMETIC.test(p.description) || (ARITHMETIC.test(s.description) && !RUNS_CODE.test(s.description)))) continue;
      // "command: The command you ran": a record of what the caller ran, not something to run.
      if (RAN_ALREADY.test(p.description)) continue;
      // "statement: The idea, plan, architecture, or code to critique", in the tool's own argument list.
      if (AMBIGUOUS_PARAMS.has(last) && LOOKED_AT.test(argumentText(s.description, p.name))) continue;
      if (AMBIGUOUS_PARAMS.has(last) && !p.words.some((w) => CODE_PARAMS.has(w) && !AMBIGUOUS_PARAMS.has(w)) && !CODE_CONTEXT.test(p.description) && !CODE_CONTEXT.test(s.description)) continue;
      matched.push(`param:${p.name}`);
      if (SQL_WORDS.has(last)) sql = true;
    } else if (
      runInName &&
      !namesOtherObject &&
      last !== undefined &&
      SQL_WORDS.has(last) &&
      !(QUERY_STRING.test(`${p.description} ${mentionOf(s.description, p.name)}`) && !QUERY_LANGUAGE.test(p.description))
    ) {
      matched.push(`param:${p.name}`);
      sql = true;
    }
  }
  const found = ownRunPhrase(s.description);
  // "update_assignment: … browser_run=True runs a Python block's ▶ in the student's own browser": in a tool that keeps
  // settings, a run phrase that follows a setting's value says what the setting makes happen later, not what the call
  // runs.
  const settingsLater =
    found !== undefined && keeps(s) && SETTING_BEFORE.test(s.description.slice(Math.max(0, found.index - 40), found.index));
  // "run_show_command: Run a CLI show command … Run the command without pipes": in a tool whose name says the command
  // it runs only reads, a run phrase runs that same command, as the name does.
  const phrase = settingsLater || readNamedCommand ? undefined : found;
  if (phrase) {
    matched.push(phrase[0]);
    if (phrase[3] === 'sql' || phrase[3] === 'cypher' || phrase[3] === 'kql') sql = true;
  } else {
    // "Send keystrokes, answers, or commands into an active interactive PTY session": what is typed into a shell runs.
    const typed = readNamedCommand ? null : INTO_SHELL.exec(s.description);
    if (typed && !NOT_OWN_ACT.test(clauseBefore(s.description, typed.index)))
      matched.push(typed[0]);
  }
  if (matched.length === 0) return [];
  // Only the name says something runs, and what runs is something the server already holds that the caller names: one
  // of its own tools ("call_tool", "execute_sentry_tool"), or a script, migration or command given by its name or id
  // ("run_script" with `name`, "run_migration" with `migration_id`). It can do whatever that does, but no code the
  // caller wrote runs.
  if (matched.length === 1 && matched[0] === `name:${s.name}` && objectInName.length > 0 && (objectInName.every((w) => TOOL_OBJECTS.has(w)) || namedRun(s, objectInName)))
    return executionHits('named', matched, 'combined', false, s.description);
  // "evaluate_expression: Evaluate Qlik expressions against the app's data model … test measure formulas": only the
  // name runs, and its expressions are formulas over data that speak of no code (a debugger's "in the current debug
  // context" stays; so does Houdini's "hscript" or "python").
  if (matched.length === 1 && matched[0] === `name:${s.name}` && objectInName.length > 0 && objectInName.every((w) => w === 'expression' || w === 'expressions') && ARITHMETIC.test(s.description) && !RUNS_CODE.test(s.description))
    return [];
  // "run_tap: Manually trigger a tap. Executes the script; …" with only the tap's `name`: only the description runs,
  // and what it runs is the one the tool already holds ("the script"), picked by its name or id; no code is given (not
  // beside a `python_transform`, a code word in a parameter that is no identifier).
  const codeBeside = s.params.some((p) => p.depth === 0 && p.words.some((w) => CODE_PARAMS.has(w)) && !IDENTIFIER_WORDS.has(p.words.at(-1) ?? ''));
  if (phrase && matched.length === 1 && /^the\s+$/.test(phrase[2] ?? '') && /^(?:code|scripts?|commands?)$/.test(phrase[3]!) && !codeBeside && namedRun(s, s.nameWords))
    return executionHits('named', matched, 'description', false, s.description);
  // Commands, scripts or code (not a query: "update_rows" with `sql` runs it) only in parameters of a tool that keeps
  // them for later.
  if (!sql && (matched.every((m) => m.startsWith('param:')) || (scheduled(s) && matched.every((m) => m.startsWith('param:') || m === phrase?.[0]))) && storedFor(s)) return executionHits('stored', matched, 'inputSchema', false, s.description);
  // Only the description runs a command, and the commands are the application's own menu commands ("Use ETABS menu
  // commands …; 'invoke' runs a command"): whatever the menu does, as a person clicking it would, but no code.
  if (phrase && matched.length === 1 && phrase[3]!.startsWith('command') && MENU_COMMANDS.test(s.description))
    return executionHits('named', matched, 'description', false, s.description);
  const paramDescriptions = s.params.filter((p) => matched.includes(`param:${p.name}`)).map((p) => p.description);
  // A query tool named to run ("execute_sql") is read-only only when it says how; one named as a read ("query") when
  // it says so.
  // A query the name says only reads is guarded by the name, as by a read-only language.
  const language = readOnlyLanguage(s) ?? (readNamed && sql ? `name:${s.name}` : undefined);
  // What the tool and its query parameter say of the query ("query: SQL query (SELECT statements only)").
  const guardText = withParameters(s.description, paramDescriptions);
  // So is one whose query parameter is described as one SELECT and whose opening runs a SELECT ("execute_query: Execute
  // a custom SQL SELECT query …", `query`: "SQL SELECT query to execute"): a read by intent, with a weak guard.
  const saysSelect = SELECT_ONLY.test(s.description) && paramDescriptions.some((d) => SELECT_PARAM.test(d));
  const scope = scopeOf(s, sql && (!runInName || EXPLICIT.test(guardText) || language !== undefined || saysSelect), matched, paramDescriptions, language !== undefined);
  const source: Hit['source'] = matched.every((m) => m.startsWith('param:')) ? 'inputSchema' : 'combined';
  const hits = executionHits(scope, matched, source, sql, guardText, language);
  // A guarded query reads, but it does not undo the tool's own change verb ("export_result: Save the result of a
  // query to CSV"): the read it adds is there to outweigh a run verb, so it yields to any other change verb.
  if (scope === 'read-only' && [s.nameWords[0], s.leadWords[0]].some((w) => w !== undefined && !RUN_VERBS.has(w) && !NOT_A_CHANGE_HERE.has(w) && (WRITE_VERBS.has(w) || DESTRUCTIVE_VERBS.has(w))))
    return hits.filter((h) => h.effect !== 'read');
  return hits;
}

