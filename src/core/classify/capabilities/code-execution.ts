// CAP_CODE_EXECUTION (name form): interpreters and shells named as such (shell, terminal, repl, sandbox), beyond the
// CODE_EXECUTION rule.
import { DESTRUCTIVE_VERBS, READ_VERBS, verbClass, verbForm, WRITE_VERBS } from '../lexicon.ts';
import { executionHits, NOT_RUN, RUN_VERBS, scopeOf } from '../rules/code-execution.ts';
import type { Rule } from '../types.ts';

const NAME_WORDS: ReadonlySet<string> = new Set([
  'shell',
  'terminal',
  'repl',
  'interpreter',
  'exec',
  'eval',
  'bash',
  'powershell',
  'sandbox',
]);

/** Verbs that feed an interpreter what to run (run_in_terminal, shell_exec, terminal_send_keys). */
const FEED_VERBS: ReadonlySet<string> = new Set([
  'run',
  'exec',
  'execute',
  'eval',
  'evaluate',
  'invoke',
  'call',
  'interpret',
  'type',
  'send',
  'write',
  'press',
  'fill',
  'input',
  'paste',
  'pipe',
  'submit',
  'apply',
]);
/** Verbs, and the shell's own words for making and removing (mkdir, rmdir, new), that manage the place. */
const VERBS: ReadonlySet<string> = new Set([
  ...DESTRUCTIVE_VERBS,
  ...WRITE_VERBS,
  ...READ_VERBS,
  'make',
  'mkdir',
  'rmdir',
  'new',
  'ls',
]);
/** Files and folders a tool puts in the place ("write_sandbox_file"), unless a run verb runs them ("exec_file"). */
const FILE_OBJECTS: ReadonlySet<string> = new Set([
  'file',
  'files',
  'dir',
  'directory',
  'directories',
  'folder',
  'folders',
]);
/**
 * A secret typed at a prompt the place shows ("terminal_write_secret: Send a `pass` entry value at a live password
 * prompt"): what is sent is a password, not a command, unless a run verb runs it.
 */
const SECRET_OBJECTS: ReadonlySet<string> = new Set([
  'secret',
  'secrets',
  'password',
  'passwords',
  'passphrase',
  'passphrases',
]);
/** "eval" names code only beside code words; "model eval runs" are evaluations. */
const EVAL_CODE = /\b(?:code|expressions?|javascript|js|python|scripts?|snippets?|repl)\b/;

export const capCodeExecution: Rule = {
  code: 'CAP_CODE_EXECUTION',
  role: 'raise',
  summary:
    'Names of interpreters and shells: shell, terminal, repl, interpreter, sandbox, exec, eval (inside a browser page: page scripts, not the machine).',
  apply: (s) => {
    const words = [...new Set([...s.nameWords, ...s.titleWords].filter((w) => NAME_WORDS.has(w)))];
    if (words.length === 0) return [];
    // The name names where code runs; another verb beside it manages that place (sandbox_status, delete_sandbox,
    // revoke_terminal_access, make_sandbox_directory) rather than running what it is given, and a description that
    // says the code is not run ("transform a bash script without executing it") is believed.
    const verbs = s.nameWords.filter((w) => VERBS.has(w) && !NAME_WORDS.has(w));
    if (verbs.length > 0 && !verbs.some((w) => FEED_VERBS.has(w))) return [];
    // A name with no verb ("bash_sandbox_domain", "stat_sandbox_file") does what its description opens with: a read
    // of the place ("Get the current sandbox domain", "Describe a sandbox file") does not run anything in it.
    const lead = s.leadWords[0] ?? '';
    if (verbs.length === 0 && verbClass(lead, true) === 'read' && verbForm(lead, FEED_VERBS, true) === undefined)
      return [];
    if (NOT_RUN.test(s.description)) return [];
    // "write_sandbox_file", "bash_write_file", "make_sandbox_directory": a file or folder put in the place, with no run
    // verb, is no code run there; nor is a secret typed at its prompt ("terminal_write_secret").
    if (
      s.nameWords.some((w) => FILE_OBJECTS.has(w) || SECRET_OBJECTS.has(w)) &&
      !s.nameWords.some((w) => RUN_VERBS.has(w) || w === 'source')
    )
      return [];
    if (words.every((w) => w === 'eval') && !EVAL_CODE.test(s.description)) return [];
    return executionHits(scopeOf(s, false, words, []), words, 'name', false, s.description);
  },
};
