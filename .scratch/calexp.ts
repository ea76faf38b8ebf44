import { join } from 'node:path';
import { copyCounts, countCalibration, fitFromCounts, lookupCalibration } from '../src/core/classify/index.ts';
import { isRight, loadServers, m3ServersOf, rowsOf } from '../scripts/classifier-data.ts';
const rowsA = loadServers(join(import.meta.dirname, '..', 'content', 'servers')).flatMap((s) => rowsOf(s.server, s.tools)).filter((r) => r.author.cls !== undefined);
const m3pre = m3ServersOf(rowsA);
const rows = process.env.ONLYM3 ? rowsA.filter((r) => m3pre.has(r.server)) : rowsA;
const m3 = m3ServersOf(rows);
const servers = [...new Set(rows.map((r) => r.server))];
function ece(ps: { p: number; c: boolean }[]) {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, p: 0, r: 0 }));
  for (const x of ps) { const b = bins[Math.min(9, Math.floor(x.p * 10))]!; b.n++; b.p += x.p; if (x.c) b.r++; }
  return bins.reduce((a, b) => a + (b.n ? (b.n / ps.length) * Math.abs(b.r / b.n - b.p / b.n) : 0), 0);
}
for (const depth of [1, 2, 3, 4, 5]) for (const prior of [8, 30, 100]) for (const weighting of ['tool', 'server']) {
  const cal = rows.map((r) => ({ server: r.server, key: r.key.slice(0, depth), correct: process.env.M1 ? (r.author.cls === "read") === (r.ours.category === "read") : isRight(r, m3) }));
  const all = countCalibration(cal);
  const ps: { p: number; c: boolean }[] = [];
  for (const s of servers) {
    const own = cal.filter((r) => r.server === s);
    const t = fitFromCounts(countCalibration(own, copyCounts(all), -1), prior);
    for (const r of own) ps.push({ p: lookupCalibration(t, r.key), c: r.correct });
  }
  if (weighting === 'tool') console.log(depth, prior, ece(ps).toFixed(4));
}
