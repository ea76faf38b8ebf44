// Does a small learned model generalise better than the rules? Trains an L2 logistic regression (read vs change) over
// name words, the description's opening words, parameter words and the rules' own hits, grouped by server over every
// annotated tool of the catalogue, and compares with the hand-written rules alone (LEARNED_RAISE and LEARNED_FALLBACK
// left out) and with rules overruled or raised by a confident model; then the shipped raise (LEARNED_RAISE: words only,
// raise-only at its threshold; the fallback is not in this comparison), both grouped 10-fold and trained on the
// development servers only and scored on the blind ones.
// Deterministic (zero init, fixed epochs, sorted features). Usage: npm run --silent learned:classifier [-- --json]
// [--corpus DIR]
import { join } from 'node:path';
import { LEARNED_THRESHOLD, learnedPredict, RULES, trainLearned } from '../src/core/classify/index.ts';
import { extractSignals } from '../src/core/classify/signals.ts';
import {
  defaultsOnlyServers,
  foldOf as shippedFold,
  learnedSamples,
  loadServers,
  rowsOf,
  splitOf,
  type Row,
} from './classifier-data.ts';

/** The hand-written rules: what the learned component (LEARNED_RAISE, LEARNED_FALLBACK) is compared with. */
const HAND_WRITTEN = RULES.filter((r) => !r.code.startsWith('LEARNED_'));

const args = process.argv.slice(2);
const corpusIdx = args.indexOf('--corpus');
const dir = corpusIdx >= 0 ? args[corpusIdx + 1]! : join(import.meta.dirname, '..', 'content', 'servers');

interface Sample {
  server: string;
  tool: string;
  x: string[];
  y: 0 | 1;
  rules: Row /** Training weight: each server weighs the square root of its size, so one big server does not teach its vocabulary. */;
  w: number;
}

const samples: Sample[] = [];
const loaded = loadServers(dir).map((s) => ({ ...s, rows: rowsOf(s.server, s.tools, [], HAND_WRITTEN) }));
// Labels from servers the DEFAULTS_ONLY label-quality rule sets aside are not trained on (they are still scored).
const noisy = defaultsOnlyServers(loaded.flatMap((s) => s.rows));
for (const s of loaded) {
  const rows = s.rows;
  const annotatedHere = rows.filter((r) => r.author.cls !== undefined).length;
  s.tools.forEach((tool, i) => {
    const r = rows[i]!;
    if (r.author.cls === undefined) return;
    const { annotations: _hidden, ...t } = tool;
    const sig = extractSignals(t);
    const f = new Set<string>();
    for (const w of sig.nameWords) f.add(`name:${w}`);
    if (sig.nameWords[0] !== undefined) f.add(`first:${sig.nameWords[0]}`);
    if (sig.nameWords.length > 0) f.add(`last:${sig.nameWords.at(-1)}`);
    for (const w of sig.leadWords.slice(0, 3)) f.add(`lead:${w}`);
    for (const p of sig.params) if (p.depth === 0) for (const w of p.words) f.add(`param:${w}`);
    for (const e of r.ours.evidence)
      if (!e.effect.startsWith('capability:') && e.code !== 'RISK') f.add(`rule:${e.code}:${e.effect}`);
    f.add(`verdict:${r.ours.category}`);
    samples.push({
      server: s.server,
      tool: r.tool,
      x: [...f].sort(),
      y: r.author.cls === 'read' ? 0 : 1,
      rules: r,
      w: noisy.has(s.server) ? 0 : 1 / Math.sqrt(annotatedHere),
    });
  });
}

const EPOCHS = 60;
const RATE = 0.1;
const L2 = 0.001;
function train(data: Sample[]): Map<string, number> {
  const w = new Map<string, number>();
  let bias = 0;
  for (let e = 0; e < EPOCHS; e++) {
    for (const s of data) {
      let z = bias;
      for (const f of s.x) z += w.get(f) ?? 0;
      if (s.w === 0) continue;
      const g = (1 / (1 + Math.exp(-z)) - s.y) * s.w * 10;
      bias -= RATE * g;
      for (const f of s.x) {
        const v = w.get(f) ?? 0;
        w.set(f, v - RATE * (g + L2 * v));
      }
    }
  }
  w.set('(bias)', bias);
  return w;
}
function predict(w: Map<string, number>, x: string[]): number {
  let z = w.get('(bias)') ?? 0;
  for (const f of x) z += w.get(f) ?? 0;
  return 1 / (1 + Math.exp(-z));
}

const servers = [...new Set(samples.map((s) => s.server))].sort();
// Grouped k-fold by server: every server's tools are scored by a model that never saw that server. True
// leave-one-server-out (one training per server) is --loso; at 300+ annotated servers it is a few hundred trainings, so
// k-fold is the default.
const FOLDS = args.includes('--loso') ? servers.length : 10;
/** FNV-1a, so a server's fold depends only on its name (stable as the catalogue grows). */
const fnv = (t: string) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193) >>> 0;
  return h;
};
const foldOf = new Map(servers.map((s, i) => [s, FOLDS === servers.length ? i : fnv(s) % FOLDS]));
const out: Array<{ s: Sample; p: number }> = [];
for (let k = 0; k < FOLDS; k++) {
  const w = train(samples.filter((s) => foldOf.get(s.server) !== k));
  for (const s of samples.filter((x) => foldOf.get(x.server) === k)) out.push({ s, p: predict(w, s.x) });
}

function score(name: string, saysChange: (o: { s: Sample; p: number }) => boolean) {
  return scoreOn(name, out, saysChange);
}
const rulesSay = (o: { s: Sample }) => o.s.rules.ours.category !== 'read';
const results = [
  score('rules alone', rulesSay),
  score('model alone (p ≥ 0.5 → change)', (o) => o.p >= 0.5),
  score('rules, overruled by the model at p ≤ 0.1 / ≥ 0.9', (o) =>
    o.p >= 0.9 ? true : o.p <= 0.1 ? false : rulesSay(o),
  ),
  score('rules, model may only raise a read to a change at p ≥ 0.9', (o) => rulesSay(o) || o.p >= 0.9),
  score('rules, model may only raise a read to a change at p ≥ 0.7', (o) => rulesSay(o) || o.p >= 0.7),
  score('rules, overruled by the model at p ≤ 0.05 / ≥ 0.7', (o) =>
    o.p >= 0.7 ? true : o.p <= 0.05 ? false : rulesSay(o),
  ),
];
// The shipped component: words only, raise-only at LEARNED_THRESHOLD; its samples are in the same order as `samples`.
const shipped = learnedSamples(loaded);
const shippedP = new Array<number>(shipped.length);
for (let k = 0; k < 10; k++) {
  const m = trainLearned(shipped.filter((x) => shippedFold(x.server) !== k));
  shipped.forEach((x, i) => {
    if (shippedFold(x.server) === k) shippedP[i] = learnedPredict(m, x.x).p;
  });
}
// `samples` and `shipped` list the same annotated tools in the same order.
const indexOf = new Map(samples.map((x, i) => [x, i] as const));
results.push(
  score(
    `shipped: LEARNED_RAISE (words only, raise-only at p ≥ ${LEARNED_THRESHOLD}), grouped 10-fold`,
    (o) => rulesSay(o) || shippedP[indexOf.get(o.s)!]! >= LEARNED_THRESHOLD,
  ),
);
const devModel = trainLearned(shipped.filter((x) => splitOf(x.server) === 'dev'));
const blind = samples
  .map((s, i) => ({ s, p: learnedPredict(devModel, shipped[i]!.x).p }))
  .filter((o) => splitOf(o.s.server) === 'blind');
function scoreOn(
  name: string,
  rows: Array<{ s: Sample; p: number }>,
  saysChange: (o: { s: Sample; p: number }) => boolean,
) {
  let agree = 0;
  let misses = 0;
  let notRead = 0;
  for (const o of rows) {
    const c = saysChange(o);
    if (c === (o.s.y === 1)) agree++;
    if (o.s.y === 1) {
      notRead++;
      if (!c) misses++;
    }
  }
  return {
    name,
    M1: Math.round((agree / rows.length) * 10_000) / 10_000,
    M2: Math.round((misses / notRead) * 10_000) / 10_000,
    errors: rows.length - agree,
    misses,
  };
}
results.push(scoreOn('blind servers: rules alone', blind, rulesSay));
results.push(
  scoreOn(
    `blind servers: LEARNED_RAISE trained on development servers only`,
    blind,
    (o) => rulesSay(o) || o.p >= LEARNED_THRESHOLD,
  ),
);

const full = train(samples);
const strongest = [...full]
  .filter(([f]) => f !== '(bias)')
  .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || (a[0] < b[0] ? -1 : 1))
  .slice(0, 20)
  .map(([f, v]) => ({ feature: f, weight: Math.round(v * 1000) / 1000 }));

if (args.includes('--json')) {
  console.log(JSON.stringify({ tools: out.length, servers: servers.length, results, strongest }, null, 2));
} else {
  console.log(
    `${FOLDS === servers.length ? 'Leave-one-server-out' : `Grouped ${FOLDS}-fold by server`}, read vs change, ${out.length} annotated tools on ${servers.length} servers (logistic regression, ${EPOCHS} epochs, L2 ${L2}):`,
  );
  for (const r of results)
    console.log(`  ${r.name.padEnd(58)} M1 ${r.M1}  M2 ${r.M2}  (${r.errors} errors, ${r.misses} unsafe misses)`);
  console.log('Strongest features (model trained on every server; positive = change):');
  for (const f of strongest) console.log(`  ${String(f.weight).padStart(7)}  ${f.feature}`);
}
