// Evaluates the classifier leave-one-server-out against authors' declared annotations on every annotated tool of the
// catalogue (annotations hidden from the classifier): M1, M2, M3 with 95% intervals, per server, the worst servers, and
// how well the shown confidence is calibrated (a reliability table by decile and the expected calibration error).
// Usage: npm run eval:classifier [-- --json] [--corpus DIR] [--holdout FILE]... [--no-holdout] [--threshold P]
//   [--lower P] [--write-measured]
//
// Out of sample: the hand-written rules have no fitted parameters; the learned rule (LEARNED_RAISE) is trained without
// the scored server's fold (grouped 10-fold by server), and the confidence calibration is refitted for each server from
// every other server, so a server's verdicts and confidences come from nothing fitted on it. Reviewed exceptions
// (reviewed-exceptions.json) are reported apart and never count in the raw figures. Held-out files (raw tools/list
// results or snapshots) are reported raw beside the catalogue. --threshold P scores the learned rule at another
// threshold than the shipped LEARNED_THRESHOLD, --lower P the learned fallback at another one than LEARNED_LOWER_THRESHOLD
// (the sweeps that choose them; the committed calibration is unchanged). --write-measured writes the raw figures the
// site shows to src/core/classify/measured.json (only for the shipped setup on the committed catalogue).
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  copyCounts,
  countCalibration,
  fitFromCounts,
  LEARNED_LOWER_THRESHOLD,
  LEARNED_THRESHOLD,
  lookupCalibration,
} from '../src/core/classify/index.ts';
import type { Category, Verdict } from '../src/core/schemas/verdict.ts';
import {
  change,
  DEFAULTS_ONLY_MIN_TOOLS,
  defaultsOnlyServers,
  foldOf,
  foldRules,
  isRight,
  loadServers,
  m3ServersOf,
  outOfFoldRows,
  readVsChangeRight,
  rowsOf,
  splitOf,
  type Exception,
  type Row,
} from './classifier-data.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const root = join(import.meta.dirname, '..');
const corpusIdx = args.indexOf('--corpus');
const corpusDir = corpusIdx >= 0 ? args[corpusIdx + 1]! : join(root, 'content', 'servers');
const exceptions: Exception[] = JSON.parse(
  readFileSync(join(root, 'src', 'core', 'classify', 'reviewed-exceptions.json'), 'utf8'),
).exceptions;
const committedCalibration = JSON.parse(
  readFileSync(join(root, 'src', 'core', 'classify', 'calibration.json'), 'utf8'),
);

const holdoutFiles: string[] = [];
for (let i = 0; i < args.length; i++)
  if (args[i] === '--holdout' && args[i + 1] !== undefined) holdoutFiles.push(args[++i]!);
const defaultHoldout = join(root, '..', 'shared', 'fixtures', 'delx', 'tools.json');
if (holdoutFiles.length === 0 && !args.includes('--no-holdout') && existsSync(defaultHoldout))
  holdoutFiles.push(defaultHoldout);

const thresholdIdx = args.indexOf('--threshold');
const threshold = thresholdIdx >= 0 ? Number(args[thresholdIdx + 1]) : LEARNED_THRESHOLD;
if (!(threshold >= 0 && threshold <= 1))
  throw new Error(`--threshold ${args[thresholdIdx + 1]}: give a probability between 0 and 1, e.g. --threshold 0.7.`);
const lowerIdx = args.indexOf('--lower');
const lower = lowerIdx >= 0 ? Number(args[lowerIdx + 1]) : LEARNED_LOWER_THRESHOLD;
if (!(lower >= 0 && lower <= 1))
  throw new Error(`--lower ${args[lowerIdx + 1]}: give a probability between 0 and 1, e.g. --lower 0.05.`);

// --write-measured records what the site shows, so only the shipped setup may write it.
const writeMeasured = args.includes('--write-measured');
if (writeMeasured && (corpusIdx >= 0 || thresholdIdx >= 0 || lowerIdx >= 0))
  throw new Error(
    '--write-measured records the shipped rules on the committed catalogue: run it without --corpus, --threshold or --lower.',
  );
/** The acceptance goals of issue 11, printed beside the figures. */
const GOALS = { M1: 0.96, M2: 0.01, M3: 0.88, ECE: 0.05 } as const;

const servers = loadServers(corpusDir);
// Out of sample: each server's verdicts come from a learned rule trained without its fold (the other rules fit
// nothing).
const rulesByFold = foldRules(servers, threshold, lower);
const rows: Row[] = outOfFoldRows(servers, exceptions, rulesByFold);
const toolCount = rows.length;
const annotated = rows.filter((r) => r.author.cls !== undefined);

// Exceptions must still match the catalogue, or they are stale.
// With --corpus, exceptions for servers outside that folder are out of scope, not stale.
const inScope = (e: Exception) => corpusIdx < 0 || rows.some((x) => x.server === e.server);
const stale = exceptions.filter((e) => {
  if (!inScope(e)) return false;
  const r = rows.find((x) => x.server === e.server && x.tool === e.tool);
  return (
    r === undefined ||
    r.author.readOnly !== e.authorHint.readOnlyHint ||
    r.author.destructive !== e.authorHint.destructiveHint
  );
});

const m3Servers = m3ServersOf(rows);
const serverIds = [...new Set(rows.map((r) => r.server))];
const m3Excluded = serverIds
  .map((s) => {
    const writes = rows.filter((r) => r.server === s && r.author.readOnly === false);
    if (writes.length === 0 || m3Servers.has(s)) return undefined;
    const t = writes.filter((r) => r.author.destructive === true).length;
    const f = writes.filter((r) => r.author.destructive === false).length;
    const u = writes.length - t - f;
    const why =
      f === 0 && t === 0
        ? 'never sets destructiveHint (spec default true for all writes)'
        : f === 0
          ? `marks every write destructive (${t} true${u ? `, ${u} unset` : ''})`
          : `marks every write non-destructive (${f} false${u ? `, ${u} unset` : ''})`;
    return { server: s, writes: writes.length, why };
  })
  .filter((x) => x !== undefined);

// ---------- statistics ----------

const r4 = (x: number) => (Number.isFinite(x) ? Math.round(x * 10_000) / 10_000 : null);

/** Wilson score interval for k successes in n (95%). */
function wilson(k: number, n: number): [number | null, number | null] {
  if (n === 0) return [null, null];
  const z = 1.959964;
  const p = k / n;
  const d = 1 + (z * z) / n;
  const c = (p + (z * z) / (2 * n)) / d;
  const h = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [r4(Math.max(0, c - h)), r4(Math.min(1, c + h))];
}

/** A small seeded generator (mulberry32), so the bootstrap is byte-identical run to run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BOOTSTRAP = 2000;
/** Server-clustered percentile bootstrap (95%): resample servers with replacement, recompute the statistic from per-server parts. */
function clusterBootstrap<T>(parts: T[], stat: (sample: T[]) => number, seed: number): [number | null, number | null] {
  if (parts.length === 0) return [null, null];
  const next = rng(seed);
  const values: number[] = [];
  for (let b = 0; b < BOOTSTRAP; b++) {
    const sample: T[] = [];
    for (let i = 0; i < parts.length; i++) sample.push(parts[Math.floor(next() * parts.length)]!);
    const v = stat(sample);
    if (Number.isFinite(v)) values.push(v);
  }
  if (values.length === 0) return [null, null];
  values.sort((a, b) => a - b);
  const at = (q: number) => values[Math.min(values.length - 1, Math.max(0, Math.floor(q * values.length)))]!;
  return [r4(at(0.025)), r4(at(0.975))];
}

// ---------- M1, M2, M3 ----------

function truth(r: Row, reviewed: boolean): Category {
  return reviewed && r.reviewed ? r.reviewed.verdict : r.author.cls!;
}
interface Tally {
  m1: [number, number];
  m2: [number, number];
  m3: [number, number];
}
function tally(rs: readonly Row[], reviewed: boolean, m3: ReadonlySet<string>): Tally {
  const t: Tally = { m1: [0, 0], m2: [0, 0], m3: [0, 0] };
  for (const r of rs) {
    if (r.author.cls === undefined) continue;
    const tr = truth(r, reviewed);
    t.m1[1]++;
    if (change(tr) === change(r.ours.category)) t.m1[0]++;
    if (tr !== 'read') {
      t.m2[1]++;
      if (r.ours.category === 'read') t.m2[0]++;
    }
    if (m3.has(r.server)) {
      t.m3[1]++;
      if (tr === r.ours.category) t.m3[0]++;
    }
  }
  return t;
}
function metrics(reviewed: boolean, rs: readonly Row[] = rows, m3: ReadonlySet<string> = m3Servers, seed = 11) {
  const t = tally(rs, reviewed, m3);
  const perServer = [...new Set(rs.map((r) => r.server))].map((s) =>
    tally(
      rs.filter((r) => r.server === s),
      reviewed,
      m3,
    ),
  );
  const ratio = (pick: (x: Tally) => [number, number]) => (sample: Tally[]) => {
    let k = 0;
    let n = 0;
    for (const x of sample) [k, n] = [k + pick(x)[0], n + pick(x)[1]];
    return k / n;
  };
  const m3Parts = perServer.filter((x) => x.m3[1] > 0);
  return {
    M1: {
      value: r4(t.m1[0] / t.m1[1]),
      agree: t.m1[0],
      total: t.m1[1],
      wilson95: wilson(t.m1[0], t.m1[1]),
      serverBootstrap95: clusterBootstrap(
        perServer,
        ratio((x) => x.m1),
        seed,
      ),
    },
    M2: {
      value: r4(t.m2[0] / t.m2[1]),
      misses: t.m2[0],
      authorSaysNotReadOnly: t.m2[1],
      wilson95: wilson(t.m2[0], t.m2[1]),
      serverBootstrap95: clusterBootstrap(
        perServer,
        ratio((x) => x.m2),
        seed + 1,
      ),
    },
    M3: {
      value: r4(t.m3[0] / t.m3[1]),
      agree: t.m3[0],
      total: t.m3[1],
      wilson95: wilson(t.m3[0], t.m3[1]),
      serverBootstrap95: clusterBootstrap(
        m3Parts,
        ratio((x) => x.m3),
        seed + 2,
      ),
    },
  };
}
function confusion(reviewed: boolean, onlyM3: boolean, rs: readonly Row[] = rows, m3: ReadonlySet<string> = m3Servers) {
  const cats: Category[] = ['read', 'write', 'destructive'];
  const m: Record<string, Record<string, number>> = {};
  for (const a of cats) m[a] = Object.fromEntries(cats.map((c) => [c, 0]));
  for (const r of rs) {
    if (r.author.cls === undefined || (onlyM3 && !m3.has(r.server))) continue;
    m[truth(r, reviewed)]![r.ours.category]!++;
  }
  return m;
}
function brief(v: Verdict): string {
  return v.evidence
    .filter((e) => e.code !== 'RISK' && !e.effect.startsWith('capability:'))
    .map((e) => `${e.code}:${e.effect}[${e.matched.slice(0, 3).join(',')}]`)
    .join(' ');
}
function disagreementsOf(rs: readonly Row[], m3: ReadonlySet<string>) {
  return rs
    .filter((r) => r.author.cls !== undefined && !isRight(r, m3))
    .map((r) => ({
      server: r.server,
      tool: r.tool,
      author: r.author.cls!,
      ours: r.ours.category,
      kind: change(r.author.cls!) !== change(r.ours.category) ? 'read-vs-change' : 'three-class',
      evidence: brief(r.ours),
      ...(r.reviewed ? { reviewed: `${r.reviewed.verdict}: ${r.reviewed.reason}` } : {}),
    }));
}
const disagreements = disagreementsOf(rows, m3Servers);

// ---------- label-quality filter (reported beside raw, never instead of it) ----------

const defaultsOnly = defaultsOnlyServers(rows);
const filteredRows = rows.filter((r) => !defaultsOnly.has(r.server));
const labelFiltered = {
  rule: `DEFAULTS_ONLY: servers whose every annotated tool (at least ${DEFAULTS_ONLY_MIN_TOOLS}) sends only the spec defaults (readOnlyHint false, destructiveHint true or unset, idempotentHint false or unset, openWorldHint true or unset) are set aside: the same template label on getters and deletes carries no signal`,
  servers: [...defaultsOnly].sort(),
  toolsSetAside: rows.filter((r) => defaultsOnly.has(r.server) && r.author.cls !== undefined).length,
  raw: metrics(false, filteredRows, m3ServersOf(filteredRows), 41),
};

// ---------- development / blind split (rules are written looking only at the development side) ----------

const split = Object.fromEntries(
  (['dev', 'blind'] as const).map((part, i) => {
    const rs = rows.filter((r) => splitOf(r.server) === part);
    return [
      part,
      {
        servers: new Set(rs.filter((r) => r.author.cls !== undefined).map((r) => r.server)).size,
        raw: metrics(false, rs, new Set([...m3Servers].filter((x) => splitOf(x) === part)), 53 + i),
      },
    ];
  }),
) as Record<'dev' | 'blind', { servers: number; raw: ReturnType<typeof metrics> }>;

// ---------- per server ----------

const perServer = serverIds
  .map((s) => {
    const rs = rows.filter((r) => r.server === s);
    const t = tally(rs, false, m3Servers);
    return {
      server: s,
      tools: rs.length,
      annotated: t.m1[1],
      m1Errors: t.m1[1] - t.m1[0],
      m2Misses: t.m2[0],
      m3: m3Servers.has(s),
      M1: r4(t.m1[0] / t.m1[1]),
      M2: r4(t.m2[0] / t.m2[1]),
      M3: m3Servers.has(s) ? r4(t.m3[0] / t.m3[1]) : null,
    };
  })
  .filter((s) => s.annotated > 0);
const worst = [...perServer]
  .filter((s) => s.m1Errors > 0 || (s.M3 !== null && s.M3 < 1))
  .sort(
    (a, b) =>
      b.m1Errors - a.m1Errors || b.m2Misses - a.m2Misses || (a.M1 ?? 1) - (b.M1 ?? 1) || (a.server < b.server ? -1 : 1),
  )
  .slice(0, 10);

// ---------- calibration, leave-one-server-out ----------

const calRows = annotated.map((r) => ({ server: r.server, key: r.key, correct: readVsChangeRight(r) }));
const allCounts = countCalibration(calRows);
const prior = committedCalibration.prior as number;
const predicted: Array<{ server: string; p: number; correct: boolean }> = [];
for (const s of serverIds) {
  const own = calRows.filter((r) => r.server === s);
  if (own.length === 0) continue;
  const table = fitFromCounts(countCalibration(own, copyCounts(allCounts), -1), prior);
  for (const r of own) predicted.push({ server: s, p: lookupCalibration(table, r.key), correct: r.correct });
}
function reliability(ps: ReadonlyArray<{ p: number; correct: boolean }>) {
  const bins = Array.from({ length: 10 }, (_, i) => ({ from: i / 10, to: (i + 1) / 10, n: 0, sumP: 0, right: 0 }));
  for (const x of ps) {
    const b = bins[Math.min(9, Math.floor(x.p * 10))]!;
    b.n++;
    b.sumP += x.p;
    if (x.correct) b.right++;
  }
  let ece = 0;
  for (const b of bins) if (b.n > 0) ece += (b.n / ps.length) * Math.abs(b.right / b.n - b.sumP / b.n);
  return {
    ece: ps.length === 0 ? NaN : ece,
    table: bins
      .filter((b) => b.n > 0)
      .map((b) => ({
        decile: `${b.from.toFixed(1)}–${b.to.toFixed(1)}`,
        n: b.n,
        meanConfidence: r4(b.sumP / b.n),
        rightRate: r4(b.right / b.n),
      })),
  };
}
const loso = reliability(predicted);
const byServer = serverIds.map((s) => predicted.filter((x) => x.server === s)).filter((x) => x.length > 0);
const eceInterval = clusterBootstrap(byServer, (sample) => reliability(sample.flat()).ece, 29);
const committed = reliability(
  calRows.map((r) => ({ p: lookupCalibration(committedCalibration, r.key), correct: r.correct })),
);

// ---------- held-out files ----------

const holdout = holdoutFiles.map((file) => {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { tools?: unknown };
  if (!Array.isArray(data.tools))
    throw new Error(
      `${file}: no "tools" array; a held-out file must be a tools/list result or a snapshot ({ "tools": [...] }).`,
    );
  const server = basename(file) === 'tools.json' ? basename(dirname(file)) : basename(file).replace(/\.json$/, '');
  // A held-out server that is also in the catalogue is scored like it: by the learned rule trained without its fold.
  const inCatalogue = servers.some((s) => s.server === server);
  const rs = rowsOf(
    server,
    data.tools as Parameters<typeof rowsOf>[1],
    [],
    inCatalogue ? rulesByFold[foldOf(server)] : undefined,
  );
  const m3 = m3ServersOf(rs);
  return {
    server,
    file: basename(dirname(file)) + '/' + basename(file),
    tools: rs.length,
    withExplicitReadOnlyHint: rs.filter((r) => r.author.cls !== undefined).length,
    m3: m3.size > 0,
    raw: metrics(false, rs, m3),
    confusion: confusion(false, false, rs, m3),
    disagreements: disagreementsOf(rs, m3),
  };
});

/** A figure with its intervals, as the site shows it. */
const shown = (m: {
  value: number | null;
  wilson95: [number | null, number | null];
  serverBootstrap95: [number | null, number | null];
}) => ({
  value: m.value,
  wilson95: m.wilson95,
  serverBootstrap95: m.serverBootstrap95,
});
const rawFigures = metrics(false);
const splitFigures = (part: 'dev' | 'blind') => ({
  servers: split[part].servers,
  M1: shown(split[part].raw.M1),
  M2: shown(split[part].raw.M2),
});
/**
 * What the site's "How verdicts are made" page shows (src/core/classify/measured.json): the raw figures of the shipped
 * rules on the committed catalogue. `--write-measured` writes it; tests/classify/eval.test.ts fails when it is stale.
 */
const measured = {
  about:
    'Written by `npm run eval:classifier -- --write-measured`: leave-one-server-out on the committed catalogue, annotations hidden, raw (every annotated tool, no reviewed exception). tests/classify/eval.test.ts fails when it is not current.',
  goals: GOALS,
  corpus: { servers: serverIds.length, serversWithAnnotations: perServer.length, annotatedTools: annotated.length },
  raw: {
    M1: { ...shown(rawFigures.M1), errors: rawFigures.M1.total - rawFigures.M1.agree, total: rawFigures.M1.total },
    M2: { ...shown(rawFigures.M2), misses: rawFigures.M2.misses, of: rawFigures.M2.authorSaysNotReadOnly },
    M3: { ...shown(rawFigures.M3), total: rawFigures.M3.total },
  },
  ece: { value: r4(loso.ece), serverBootstrap95: eceInterval },
  reliability: loso.table,
  split: { dev: splitFigures('dev'), blind: splitFigures('blind') },
};

const report = {
  corpus: {
    dir: basename(corpusDir),
    servers: serverIds.length,
    tools: toolCount,
    withExplicitReadOnlyHint: annotated.length,
    serversWithAnnotations: perServer.length,
  },
  method: {
    validation:
      "out of sample: the hand-written rules have no fitted parameters; the learned rule is trained without the scored server's fold (grouped 10-fold by server); the confidence calibration is refitted without each server (leave-one-server-out) and that server is scored with the refit",
    learnedThreshold: threshold,
    learnedLowerThreshold: lower,
    intervals:
      'wilson95: Wilson score interval over tools; serverBootstrap95: percentile bootstrap resampling servers (2,000 resamples, seeded), which allows for tools of one server erring together',
    split:
      "dev / blind: a fixed seeded hash of the server id puts about a quarter of the servers on the blind side; rules are written looking only at the development side's disagreements, so the blind side's figures say whether they generalise",
    truth:
      "raw: the author's explicit readOnlyHint/destructiveHint, every annotated tool counted; labelFiltered: raw without the servers the DEFAULTS_ONLY label-quality rule sets aside (no exceptions applied); reviewed: reviewed-exceptions.json replaces the author where we judge them wrong (never in raw figures)",
  },
  definitions: {
    M1: 'read-vs-change agreement on tools with an explicit boolean readOnlyHint',
    M2: 'unsafe misses: tools whose author says readOnlyHint false, classified read (fraction of those tools)',
    M3: 'three-class agreement (read / write / destructive, destructiveHint resolved with the spec default) on tools with an explicit readOnlyHint, M3 servers only',
    M3servers:
      'servers whose authors set destructiveHint explicitly to both true and false on tools they declare not read-only',
    ECE: 'expected calibration error of the shown confidence over deciles, leave-one-server-out; the confidence is the probability that the read-vs-change call agrees with the author (the M1 sense)',
  },
  raw: rawFigures,
  labelFiltered,
  split,
  reviewed: metrics(true),
  calibration: {
    ece: r4(loso.ece),
    serverBootstrap95: eceInterval,
    reliability: loso.table,
    committedInSampleEce: r4(committed.ece),
  },
  exceptions: { count: exceptions.length, stale: stale.map((e) => `${e.server}/${e.tool}`) },
  perServer,
  worst,
  m3Servers: [...m3Servers].sort(),
  m3Excluded,
  confusion: { raw: confusion(false, false), rawM3: confusion(false, true), reviewedM3: confusion(true, true) },
  disagreements,
  holdout,
  measured,
};

if (writeMeasured) {
  // Whole file or nothing: written beside, then renamed over the committed one.
  const file = join(root, 'src', 'core', 'classify', 'measured.json');
  writeFileSync(`${file}.tmp`, `${JSON.stringify(report.measured, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
  if (!json) console.error(`wrote ${file}`);
}
if (json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  const iv = (x: { wilson95: [number | null, number | null]; serverBootstrap95: [number | null, number | null] }) =>
    `[Wilson ${x.wilson95.join('–')}; servers ${x.serverBootstrap95.join('–')}]`;
  const fmt = (m: ReturnType<typeof metrics>) =>
    `M1 ${m.M1.value} (${m.M1.agree}/${m.M1.total}) ${iv(m.M1)}\n          M2 ${m.M2.value} (${m.M2.misses}/${m.M2.authorSaysNotReadOnly}) ${iv(m.M2)}\n          M3 ${m.M3.value} (${m.M3.agree}/${m.M3.total}) ${iv(m.M3)}`;
  const out: string[] = [];
  out.push(
    `Catalogue (${report.corpus.dir}): ${report.corpus.servers} servers, ${report.corpus.tools} tools, ${report.corpus.withExplicitReadOnlyHint} with an explicit readOnlyHint on ${report.corpus.serversWithAnnotations} servers (annotations hidden from the classifier)`,
  );
  out.push(
    `Leave-one-server-out; 95% intervals: Wilson over tools, and a server-clustered bootstrap (${BOOTSTRAP} resamples, seeded).`,
  );
  if (threshold !== LEARNED_THRESHOLD)
    out.push(`Learned rule scored at threshold ${threshold} (shipped: ${LEARNED_THRESHOLD}).`);
  if (lower !== LEARNED_LOWER_THRESHOLD)
    out.push(`Learned fallback scored at threshold ${lower} (shipped: ${LEARNED_LOWER_THRESHOLD}).`);
  out.push(`raw       ${fmt(report.raw)}`);
  out.push(
    `          ECE ${report.calibration.ece} [servers ${report.calibration.serverBootstrap95.join('–')}] (confidence calibrated without the server scored; committed table in-sample ${report.calibration.committedInSampleEce})`,
  );
  out.push(`filtered  ${fmt(labelFiltered.raw)}`);
  out.push(
    `          (raw minus the DEFAULTS_ONLY label filter: ${labelFiltered.servers.length} servers, ${labelFiltered.toolsSetAside} annotated tools set aside: ${labelFiltered.servers.join(', ') || 'none'})`,
  );
  for (const part of ['dev', 'blind'] as const)
    out.push(
      `${part.padEnd(9)} ${fmt(split[part].raw)}\n          (${split[part].servers} annotated servers on the ${part === 'dev' ? 'development' : 'blind'} side of the fixed split)`,
    );
  out.push(
    `reviewed  ${fmt(report.reviewed)}\n          (${exceptions.length} reviewed exceptions, never in raw figures${stale.length ? `; STALE: ${stale.length}` : ''})`,
  );
  out.push('', 'Reliability (leave-one-server-out): decile of shown confidence, tools, mean confidence, rate right');
  for (const b of report.calibration.reliability)
    out.push(`  ${b.decile}  ${String(b.n).padStart(6)}  ${String(b.meanConfidence).padEnd(6)}  ${b.rightRate}`);
  out.push('', `Worst servers (${worst.length}): read-vs-change errors (of which unsafe misses) among annotated tools`);
  for (const s of worst)
    out.push(
      `  ${s.server.padEnd(48)} ${String(s.m1Errors).padStart(3)} errors (${s.m2Misses} unsafe) of ${String(s.annotated).padEnd(4)}  M1 ${s.M1}${s.M3 !== null ? `   M3 ${s.M3}` : ''}`,
    );
  out.push('', 'Per server: annotated tools, M1, M2, M3');
  for (const s of perServer)
    out.push(
      `  ${s.server.padEnd(48)} ${String(s.annotated).padStart(4)}   M1 ${String(s.M1).padEnd(6)}  M2 ${String(s.M2 ?? '-').padEnd(6)}  M3 ${s.M3 ?? '-'}`,
    );
  out.push('', `M3 servers (${m3Servers.size}): ${[...m3Servers].sort().join(', ')}`);
  out.push('Excluded from M3 (they do not distinguish destructive from non-destructive writes):');
  for (const e of m3Excluded) out.push(`  ${e.server}: ${e.why}`);
  for (const [label, m] of Object.entries(report.confusion)) {
    out.push(
      '',
      `Confusion (${label}; rows = author${label.startsWith('reviewed') ? ' after review' : ''}, columns = classifier):`,
      '                read   write  destr',
    );
    for (const [a, row] of Object.entries(m))
      out.push(
        `  ${a.padEnd(12)} ${Object.values(row)
          .map((n) => String(n).padStart(6))
          .join(' ')}`,
      );
  }
  out.push('', `Disagreements (${disagreements.length}; three-class on M3 servers, read-vs-change elsewhere):`);
  for (const d of disagreements)
    out.push(
      `  ${d.server} / ${d.tool}: author ${d.author}, ours ${d.ours} (${d.kind})  ${d.evidence}${d.reviewed ? `\n      reviewed → ${d.reviewed}` : ''}`,
    );
  if (holdout.length > 0) {
    out.push('', 'Held-out files (raw, annotations hidden):');
    for (const h of holdout)
      out.push(
        `  ${h.server} (${h.tools} tools): ${fmt(h.raw)}${h.m3 ? '' : '\n          (M3 n/a: author does not distinguish destructive writes)'}`,
      );
    for (const h of holdout) {
      out.push(
        '',
        `Confusion (${h.server}; rows = author, columns = classifier):`,
        '                read   write  destr',
      );
      for (const [a, row] of Object.entries(h.confusion))
        out.push(
          `  ${a.padEnd(12)} ${Object.values(row)
            .map((n) => String(n).padStart(6))
            .join(' ')}`,
        );
      out.push('', `Disagreements on ${h.server} (${h.disagreements.length}):`);
      for (const d of h.disagreements)
        out.push(`  ${d.tool}: author ${d.author}, ours ${d.ours} (${d.kind})  ${d.evidence}`);
    }
  }
  console.log(out.join('\n'));
}
if (stale.length > 0) process.exitCode = 1;
