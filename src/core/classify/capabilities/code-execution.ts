// CAP_CODE_EXECUTION (name form): interpreters and shells named as such (shell, terminal, repl, sandbox), beyond the CODE_EXECUTION rule.
import { capabilityRule } from '../capability-rule.ts';

export const capCodeExecution = capabilityRule({
  code: 'CAP_CODE_EXECUTION',
  capability: 'code-execution',
  summary: 'Names of interpreters and shells: shell, terminal, repl, interpreter, sandbox, exec, eval.',
  nameWords: new Set(['shell', 'terminal', 'repl', 'interpreter', 'exec', 'eval', 'bash', 'powershell', 'sandbox']),
});
