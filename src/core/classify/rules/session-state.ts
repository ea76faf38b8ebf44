// SESSION_STATE: a tool that takes a session id acts inside server-side session state, which calls that are not clearly lookups may change.
import type { Rule } from '../types.ts';

export const sessionState: Rule = {
  code: 'SESSION_STATE',
  summary:
    'Takes a session id (session_id, sessionId): the server keeps per-session state, so a call that is not clearly a lookup (no get/list/search verb in its name) is taken to change it.',
  apply: (s) => {
    const matched = s.params.filter((p) => p.depth === 0 && p.words[0] === 'session' && (p.words.length === 1 || (p.words.length === 2 && p.words[1] === 'id'))).map((p) => p.name);
    return matched.length > 0 ? [{ effect: 'write', matched: matched.slice(0, 2), source: 'inputSchema', weight: 1 }] : [];
  },
};
