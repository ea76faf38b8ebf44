// A Delx tool whose name no other committed server uses, for search tests: the catalogue grows (several servers now
// offer close_session), and "search its exact name, open its page" needs a name with one right answer.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './site-build.ts';

let memo: string | undefined;

/** The first (sorted) Delx tool name, with an underscore and at least 10 characters, that only Delx offers. */
export function uniqueDelxTool(): string {
  if (memo) return memo;
  const dir = join(ROOT, 'content', 'servers');
  const elsewhere = new Set<string>();
  for (const file of readdirSync(dir)) {
    if (!file.endsWith('.json') || file === 'delx.json') continue;
    const text = readFileSync(join(dir, file), 'utf8');
    for (const match of text.matchAll(/"name": "([a-z0-9_]+)"/g)) elsewhere.add(match[1]!);
  }
  const delx = JSON.parse(readFileSync(join(dir, 'delx.json'), 'utf8')) as { tools: Array<{ name: string }> };
  const name = delx.tools
    .map((t) => t.name)
    .filter((n) => n.includes('_') && n.length >= 10 && /^[a-z0-9_]+$/.test(n) && !elsewhere.has(n))
    .sort()[0];
  if (!name)
    throw new Error('content/servers/delx.json has no tool name that no other server uses; the search tests need one.');
  memo = name;
  return name;
}
