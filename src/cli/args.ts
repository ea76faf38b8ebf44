// Bad command-line input, the same way in every shell: what is wrong on stderr, where the usage is, exit code 2.
import { terminalSafe } from '../core/terminal.ts';

export interface ArgProblems {
  /** Print `<command>: <message>` and the help hint, then exit 2. */
  fail(message: string): never;
  /** A flag that must be a positive number; `fallback` when it was not given. */
  positive(value: string | undefined, flag: string, fallback: number): number;
}

/** `command` prefixes every message; `helpCommand` is what the user runs to read the usage. */
export function argProblems(command: string, helpCommand: string): ArgProblems {
  const fail = (message: string): never => {
    process.stderr.write(`${command}: ${terminalSafe(message, { newlines: true })}\nRun "${helpCommand}" for usage.\n`);
    process.exit(2);
  };
  return {
    fail,
    positive(value, flag, fallback) {
      if (value === undefined) return fallback;
      const number = Number(value);
      if (!Number.isFinite(number) || number <= 0) fail(`${flag} must be a positive number, got "${value}".`);
      return number;
    },
  };
}
