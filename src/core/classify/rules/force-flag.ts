// FORCE_FLAG: options such as force, overwrite, hard, cascade or recursive let a change destroy more than it names.
import type { Rule } from '../types.ts';

const DESTRUCTIVE_FLAGS: ReadonlySet<string> = new Set(['force', 'overwrite', 'hard', 'cascade', 'purge', 'prune', 'wipe', 'replace']);
/** Flags that destroy even when the tool otherwise only reads (git fetch --prune). */
export const ALWAYS_DESTRUCTIVE_FLAGS: ReadonlySet<string> = new Set(['overwrite', 'cascade', 'purge', 'prune', 'wipe']);
const BULK_FLAGS: ReadonlySet<string> = new Set(['recursive', 'all', 'bulk']);

export const forceFlag: Rule = {
  code: 'FORCE_FLAG',
  summary: 'Boolean options such as force, overwrite, hard or cascade (destroy more than named), and recursive/all (act in bulk).',
  apply: (s) => {
    const destructive: string[] = [];
    const bulk: string[] = [];
    for (const p of s.params) {
      if (p.depth > 0 || (p.type !== 'boolean' && p.type !== '')) continue;
      if (p.words.length > 3) continue;
      if (p.words.some((w) => DESTRUCTIVE_FLAGS.has(w))) destructive.push(p.name);
      if (p.words.some((w) => BULK_FLAGS.has(w))) bulk.push(p.name);
    }
    const hits = [];
    if (destructive.length > 0) hits.push({ effect: 'destructive' as const, matched: destructive, source: 'inputSchema' as const, weight: 2 });
    if (bulk.length > 0) hits.push({ effect: 'bulk' as const, matched: bulk, source: 'inputSchema' as const, weight: 1 });
    return hits;
  },
};
