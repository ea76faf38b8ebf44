// biome-ignore-all format: its word lists and tables read best packed, several items a line
// CHANGE_ONLY_PARAM: input fields that only make sense for a call that changes or sends something (dry_run,
// idempotency_key, if_match, recipients).
import type { Rule } from '../types.ts';

/** Whole parameter names (words joined by a space) that presuppose a change: nobody dry-runs, confirms or de-duplicates a lookup. */
const CHANGE_ONLY_NAMES: ReadonlySet<string> = new Set([
  'dry run', 'dryrun', 'idempotency key', 'idempotency', 'idempotency token', 'client request token',
  'confirm', 'confirmed', 'confirmation', 'if match', 'expected version', 'expected revision', 'expected etag',
  'commit message', 'notify', 'notify users', 'notify user', 'send notification', 'send notifications',
  'recipient', 'recipients', 'recipient email', 'cc', 'bcc', 'to email',
  'to emails', 'to address', 'to addresses', 'to user', 'to users', 'to number', 'to phone',
]);

export const changeOnlyParam: Rule = {
  code: 'CHANGE_ONLY_PARAM',
  role: 'raise',
  summary:
    'A top-level parameter that only makes sense when the call changes or sends something: dry_run, idempotency_key, confirm, if_match/expected_version, commit_message, notify, recipients/cc/bcc.',
  apply: (s) => {
    const matched = s.params.filter((p) => p.depth === 0 && CHANGE_ONLY_NAMES.has(p.words.join(' '))).map((p) => p.name);
    return matched.length > 0 ? [{ effect: 'write', matched: matched.slice(0, 3), source: 'inputSchema', weight: 2 }] : [];
  },
};
