// DESCRIPTION_LEAD_VERB: the verb a description opens with ("Creates a…", "Use this tool to delete…") says what the call does.
import { DESTRUCTIVE_VERBS, READ_VERBS, WRITE_VERBS, verbForm } from '../lexicon.ts';
import type { Rule } from '../types.ts';

/** Filler that precedes the real verb in descriptions ("This tool lets you …", "Use to …"). */
const PREAMBLE: ReadonlySet<string> = new Set([
  'this', 'tool', 'tools', 'use', 'used', 'to', 'allows', 'allow', 'you', 'lets', 'let', 'helps', 'help', 'a', 'an',
  'the', 'will', 'can', 'that', 'which', 'function', 'endpoint', 'api', 'mcp', 'server', 'please', 'it', 'simply',
  'quickly', 'easily', 'directly', 'programmatically', 'securely', 'we', 'i', 'here', 'is', 'for', 'and', 'or', 'also',
  'just', 'then', 'first', 'always', 'only', 'users', 'user', 'agent', 'agents', 'ai', 'model', 'assistant', 'llm',
  'call', 'calls', 'when', 'enables', 'enable', 'provides', 'ability', 'command', 'operation',
]);

export const descriptionLeadVerb: Rule = {
  code: 'DESCRIPTION_LEAD_VERB',
  summary: 'The verb the description opens with ("Creates…", "Deletes…", "Lists…"), after filler such as "Use this tool to".',
  apply: (s) => {
    let i = 0;
    while (i < s.leadWords.length && i < 8 && PREAMBLE.has(s.leadWords[i]!)) i++;
    const word = s.leadWords[i];
    if (word === undefined) return [];
    if (verbForm(word, DESTRUCTIVE_VERBS, true)) return [{ effect: 'destructive', matched: [word], source: 'description', weight: 2 }];
    if (verbForm(word, WRITE_VERBS, true)) return [{ effect: 'write', matched: [word], source: 'description', weight: 2 }];
    if (verbForm(word, READ_VERBS, true)) return [{ effect: 'read', matched: [word], source: 'description', weight: 2 }];
    return [];
  },
};
