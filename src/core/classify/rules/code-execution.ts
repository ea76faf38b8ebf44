// CODE_EXECUTION: the tool runs arbitrary code, commands or queries it is given (a `command`/`script`/`sql` parameter, "execute JavaScript").
import { CODE_OBJECTS } from '../lexicon.ts';
import type { Hit, Rule } from '../types.ts';
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
const RUN_VERBS: ReadonlySet<string> = new Set(['exec', 'execute', 'eval', 'evaluate', 'run', 'invoke', 'call', 'interpret', 'apply']);
const SQL_WORDS: ReadonlySet<string> = new Set(['sql', 'query', 'queries', 'statement', 'statements', 'migration', 'migrations', 'cypher', 'kql']);
const PHRASE = /\b(?:execut(?:e|es|ing)|runs?|running|evaluat(?:e|es|ing))\s+(?:an?\s+|the\s+|any\s+|arbitrary\s+|raw\s+|custom\s+|given\s+|provided\s+)*(javascript|js|python|shell|bash|terminal|sql|code|commands?|scripts?|cypher|kql)\b/;

function hasReadOnlyStatement(description: string): boolean {
  for (const m of description.matchAll(READ_ONLY_PHRASE)) if (m[1] === undefined) return true;
  return false;
}

export const codeExecution: Rule = {
  code: 'CODE_EXECUTION',
  summary: 'Runs code, commands or queries it is given: a string parameter such as command, script, code, sql or function, a name like run_query/execute_sql, or "executes arbitrary JavaScript".',
  apply: (s) => {
    const matched: string[] = [];
    let sql = false;
    const runInName = s.nameWords.some((w) => RUN_VERBS.has(w));
    const objectInName = s.nameWords.filter((w) => CODE_OBJECTS.has(w));
    if (runInName && objectInName.length > 0) {
      matched.push(`name:${s.name}`);
      if (objectInName.some((w) => SQL_WORDS.has(w))) sql = true;
    }
    for (const p of s.params) {
      if (p.depth > 0 || (p.type !== 'string' && p.type !== '')) continue;
      const last = p.words[p.words.length - 1];
      if (p.words.length <= 2 && last !== undefined && CODE_PARAMS.has(last) && !(last === 'source' && !/code|script/.test(p.description))) {
        // "function", "expression" and "source" are code only when described as such (a cron or regex expression is not).
        // A "command" that names one of the server's own sub-tools is a dispatcher, not a shell.
        if ((last === 'command' || last === 'commands') && DISPATCH_DESCRIPTION.test(p.description)) continue;
        if ((last === 'function' || last === 'expression') && !/javascript|\bjs\b|python|\bcode\b|script|function declaration|=>|evaluat/.test(p.description)) continue;
        if (AMBIGUOUS_PARAMS.has(last) && !p.words.some((w) => CODE_PARAMS.has(w) && !AMBIGUOUS_PARAMS.has(w)) && !CODE_CONTEXT.test(p.description) && !CODE_CONTEXT.test(s.description)) continue;
        matched.push(`param:${p.name}`);
        if (SQL_WORDS.has(last)) sql = true;
      } else if (runInName && last !== undefined && SQL_WORDS.has(last)) {
        matched.push(`param:${p.name}`);
        sql = true;
      }
    }
    const phrase = PHRASE.exec(s.description);
    if (phrase) {
      matched.push(phrase[0]);
      if (phrase[1] === 'sql' || phrase[1] === 'cypher' || phrase[1] === 'kql') sql = true;
    }
    if (matched.length === 0) return [];
    // A query tool named as a read ("query_logs") that states its SQL is read-only reads a database; it does not run code.
    const readOnlyQuery = sql && !runInName && matched.every((m) => m.startsWith('param:') || /sql|query|quer/.test(m)) && hasReadOnlyStatement(s.description);
    if (readOnlyQuery) return [{ effect: 'capability:database', matched, source: 'combined', weight: 3 }];
    const source: Hit['source'] = matched.every((m) => m.startsWith('param:')) ? 'inputSchema' : 'combined';
    const hits: Hit[] = [
      { effect: 'destructive', matched, source, weight: 4 },
      { effect: 'capability:code-execution', matched, source, weight: 4 },
    ];
    if (sql) hits.push({ effect: 'capability:database', matched, source, weight: 3 });
    return hits;
  },
};
