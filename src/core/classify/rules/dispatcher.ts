// DISPATCHER: one tool that runs any of a server's sub-commands by name ("command": "the command to execute against the
// tool") can do whatever they do.
import { isChangeVerb, verbClass } from '../lexicon.ts';
import { splitWords } from '../signals.ts';
import type { Rule } from '../types.ts';

/** A parameter description that names a sub-command or sub-tool rather than a shell command. */
export const DISPATCH_DESCRIPTION =
  /\b(?:against the (?:specified )?tool|tool command|child tools?|sub-?commands?|command name|name of the (?:command|tool|operation)|tool to (?:call|run|execute|invoke))\b/;
const SELECTOR_WORDS: ReadonlySet<string> = new Set([
  'command',
  'commands',
  'tool',
  'operation',
  'subcommand',
  'action',
]);

export const dispatcher: Rule = {
  code: 'DISPATCHER',
  role: 'raise',
  summary:
    "A free-form command/tool/operation parameter that names one of the server's own sub-commands: the tool can do anything they do, so it is at least a write.",
  apply: (s) => {
    const matched = s.params
      .filter(
        (p) =>
          p.depth === 0 &&
          p.enumValues.length === 0 &&
          p.words.length <= 2 &&
          SELECTOR_WORDS.has(p.words[p.words.length - 1] ?? ''),
      )
      .filter((p) => DISPATCH_DESCRIPTION.test(p.description))
      .map((p) => p.name);
    if (matched.length === 0) return [];
    // A dispatcher whose description opens with a lookup and names no change anywhere ("Search official Microsoft
    // documentation …") has only lookups to dispatch to.
    const lead = s.leadWords[0];
    if (lead !== undefined && verbClass(lead, true) === 'read' && !splitWords(s.description).some(isChangeVerb))
      return [];
    return [{ effect: 'write', matched, source: 'inputSchema', weight: 2 }];
  },
};
