// CAP_CODE_EXECUTION (name form): interpreters and shells named as such (shell, terminal, repl, sandbox), beyond the
// CODE_EXECUTION rule.
import { executionHits, scopeOf } from '../rules/code-execution.ts';
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

export const capCodeExecution: Rule = {
  code: 'CAP_CODE_EXECUTION',
  role: 'raise',
  summary:
    'Names of interpreters and shells: shell, terminal, repl, interpreter, sandbox, exec, eval (inside a browser page: page scripts, not the machine).',
  apply: (s) => {
    const words = [...new Set([...s.nameWords, ...s.titleWords].filter((w) => NAME_WORDS.has(w)))];
    if (words.length === 0) return [];
    return executionHits(scopeOf(s, false, words, []), words, 'name', false, s.description);
  },
};
