// Prints the two verdict-review samples: the 100 riskiest verdicts (risk, then category, then confidence) and 100 drawn
// at random (seeded), with description, parameters and evidence, so a person can read them. Usage: node
// scripts/verdict-review-sample.ts riskiest|random
import { readdirSync, readFileSync } from 'node:fs';
import { classify } from '../src/core/classify/index.ts';
const dir = new URL('../content/servers', import.meta.url).pathname;
const all: any[] = [];
for (const f of readdirSync(dir).sort()) {
  const d = JSON.parse(readFileSync(dir + '/' + f, 'utf8'));
  for (const t of d.tools ?? []) all.push({ server: f.replace('.json', ''), t, v: classify(t) });
}
const R: Record<string, number> = { critical: 3, high: 2, medium: 1, low: 0 };
const C: Record<string, number> = { destructive: 2, write: 1, read: 0 };
const key = (x: any) => `${x.server}/${x.t.name}`;
const riskiest = [...all]
  .sort(
    (a, b) =>
      R[b.v.risk] - R[a.v.risk] ||
      C[b.v.category] - C[a.v.category] ||
      b.v.confidence - a.v.confidence ||
      (key(a) < key(b) ? -1 : 1),
  )
  .slice(0, 100);
let seed = 20261201 >>> 0;
const next = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pool = [...all];
const random: any[] = [];
while (random.length < 100) {
  const i = Math.floor(next() * pool.length);
  random.push(pool.splice(i, 1)[0]);
}
const group = process.argv[2] === 'random' ? random : riskiest;
let i = 0;
for (const x of group) {
  const ev = x.v.evidence
    .filter((e: any) => e.code !== 'RISK' && !e.effect.startsWith('capability:'))
    .map((e: any) => `${e.code}:${e.effect}[${e.matched.slice(0, 2).join(',')}]`)
    .join(' ');
  const p = Object.keys(x.t.inputSchema?.properties ?? {})
    .slice(0, 8)
    .join(',');
  console.log(
    `${++i}. ${key(x)} => ${x.v.category}/${x.v.risk} [${x.v.capabilities.join(',')}] ann=${JSON.stringify({ r: x.t.annotations?.readOnlyHint, d: x.t.annotations?.destructiveHint })}\n   ${(x.t.description ?? '').replace(/\s+/g, ' ').slice(0, 160)}\n   params: ${p}\n   ${ev.slice(0, 160)}`,
  );
}
