// Prints the two verdict-review samples: the 100 riskiest verdicts (risk, then category, then confidence) and 100 drawn
// at random (mulberry32 over the catalogue's tools in file order, seeded), with description, annotations, parameters
// and evidence, so a person can read them as an expert would. The verdicts are the site's (annotations honoured).
// Usage: node scripts/verdict-review-sample.ts riskiest|random [--seed N] [--corpus DIR] [--raw]
// --raw classifies with annotations hidden (what the rules alone say), as the evaluation does.
// The 2026-12-01 review used seed 20261201 on the 70-server catalogue; the 2026-12-02 review uses seed 20261202.
import { readdirSync, readFileSync } from 'node:fs';
import { classify } from '../src/core/classify/index.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
};
const seedArg = Number(opt('--seed', '20261202'));
if (!Number.isInteger(seedArg)) throw new Error(`--seed must be an integer (got ${opt('--seed', '')})`);
const raw = args.includes('--raw');
const dir = opt('--corpus', new URL('../content/servers', import.meta.url).pathname);
const all: any[] = [];
for (const f of readdirSync(dir).sort()) {
  if (!f.endsWith('.json')) continue;
  const d = JSON.parse(readFileSync(dir + '/' + f, 'utf8'));
  for (const t of d.tools ?? [])
    all.push({ server: f.replace('.json', ''), t, v: classify(t, { ignoreAnnotations: raw }) });
}
const R: Record<string, number> = { critical: 3, high: 2, medium: 1, low: 0 };
const C: Record<string, number> = { destructive: 2, write: 1, read: 0 };
const key = (x: any) => `${x.server}/${x.t.name}`;
const riskiest = [...all]
  .sort(
    (a, b) =>
      R[b.v.risk]! - R[a.v.risk]! ||
      C[b.v.category]! - C[a.v.category]! ||
      b.v.confidence - a.v.confidence ||
      (key(a) < key(b) ? -1 : 1),
  )
  .slice(0, 100);
let seed = seedArg >>> 0;
const next = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pool = [...all];
const random: any[] = [];
while (random.length < 100 && pool.length > 0) {
  const i = Math.floor(next() * pool.length);
  random.push(pool.splice(i, 1)[0]);
}
const group = args[0] === 'random' ? random : riskiest;
console.log(
  `# ${args[0] === 'random' ? `random (seed ${seedArg})` : 'riskiest'}: ${group.length} of ${all.length} tools${raw ? ', annotations hidden' : ''}`,
);
let i = 0;
for (const x of group) {
  const ev = x.v.evidence
    .filter((e: any) => e.code !== 'RISK' && !e.effect.startsWith('capability:'))
    .map((e: any) => `${e.code}:${e.effect}[${e.matched.slice(0, 2).join(',')}]`)
    .join(' ');
  const risk = x.v.evidence.find((e: any) => e.code === 'RISK');
  const props = x.t.inputSchema?.properties ?? {};
  const p = Object.keys(props)
    .slice(0, 10)
    .map((k) => {
      const s = props[k] ?? {};
      const d = typeof s.description === 'string' ? `: ${s.description.replace(/\s+/g, ' ').slice(0, 60)}` : '';
      const en = Array.isArray(s.enum) ? ` enum(${s.enum.slice(0, 6).join('|')})` : '';
      return `${k}(${s.type ?? '?'})${en}${d}`;
    })
    .join('; ');
  console.log(
    `${++i}. ${key(x)} => ${x.v.category}/${x.v.risk} conf ${x.v.confidence} [${x.v.capabilities.join(',')}] ann=${JSON.stringify(x.t.annotations ?? {})}\n` +
      `   ${(x.t.description ?? '').replace(/\s+/g, ' ').slice(0, 400)}\n   params: ${p.slice(0, 600)}\n   ${ev.slice(0, 300)}\n   ${risk ? `RISK ${risk.effect} ${risk.matched.join(',')}` : ''}`,
  );
}
