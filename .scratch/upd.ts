import { join } from 'node:path';
import { loadServers, m3ServersOf, rowsOf } from '../scripts/classifier-data.ts';
import { splitWords } from '../src/core/classify/signals.ts';
const rows = loadServers(join(import.meta.dirname, '..', 'content', 'servers')).flatMap((s) => rowsOf(s.server, s.tools)).filter((r) => r.author.cls !== undefined);
const m3 = m3ServersOf(rows);
const verbs = (process.env.VERBS ?? 'update,set,edit,modify,rename,move,replace,patch,put,upsert,configure,scale,restart,createorupdate').split(',');
const c: Record<string, Record<string, number>> = {};
for (const r of rows) {
  if (!m3.has(r.server) || r.ours.category !== 'write') continue;
  const w = splitWords(r.tool).find((x) => verbs.includes(x));
  if (!w) continue;
  (c[w] ??= {})[r.author.cls!] = ((c[w] ??= {})[r.author.cls!] ?? 0) + 1;
}
console.log(c);
