// Evaluates the classifier against authors' declared annotations on the shared corpus (annotations hidden from the classifier).
// Usage: npm run eval:classifier [-- --json] [--corpus DIR] [--holdout FILE]... [--no-holdout]
// Held-out files (raw tools/list results or snapshots never used to tune the rules) are reported beside the corpus;
// without --holdout, ../shared/fixtures/delx/tools.json is used when it exists.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { classify, type ClassifiableTool } from '../src/core/classify/index.ts';
import type { Category, Verdict } from '../src/core/schemas/verdict.ts';

type Cls = Category;
interface Exception {
  server: string;
  tool: string;
  authorHint: { readOnlyHint?: boolean; destructiveHint?: boolean };
  verdict: Cls;
  reason: string;
}
interface Row {
  server: string;
  tool: string;
  author: { readOnly?: boolean; destructive?: boolean; cls?: Cls };
  ours: Verdict;
  reviewed?: Exception;
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const corpusIdx = args.indexOf('--corpus');
const corpusDir = corpusIdx >= 0 ? args[corpusIdx + 1]! : join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'tools');
const exceptions: Exception[] = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'src', 'core', 'classify', 'reviewed-exceptions.json'), 'utf8'),
).exceptions;

const holdoutFiles: string[] = [];
for (let i = 0; i < args.length; i++) if (args[i] === '--holdout' && args[i + 1] !== undefined) holdoutFiles.push(args[++i]!);
const defaultHoldout = join(import.meta.dirname, '..', '..', 'shared', 'fixtures', 'delx', 'tools.json');
if (holdoutFiles.length === 0 && !args.includes('--no-holdout') && existsSync(defaultHoldout)) holdoutFiles.push(defaultHoldout);

/** Classifies one server's tools with annotations hidden and pairs each verdict with what its author declared. */
function rowsOf(server: string, tools: Array<ClassifiableTool & Record<string, unknown>>, withExceptions: boolean): Row[] {
  return tools.map((tool) => {
    const { annotations, ...hidden } = tool;
    const ours = classify(hidden, { ignoreAnnotations: true });
    const a = (annotations ?? {}) as Record<string, unknown>;
    const readOnly = typeof a['readOnlyHint'] === 'boolean' ? (a['readOnlyHint'] as boolean) : undefined;
    const destructive = typeof a['destructiveHint'] === 'boolean' ? (a['destructiveHint'] as boolean) : undefined;
    const cls: Cls | undefined = readOnly === undefined ? undefined : readOnly ? 'read' : destructive === false ? 'write' : 'destructive';
    const reviewed = withExceptions ? exceptions.find((e) => e.server === server && e.tool === tool.name) : undefined;
    return { server, tool: tool.name, author: { readOnly, destructive, cls }, ours, reviewed };
  });
}

const rows: Row[] = [];
let toolCount = 0;
for (const file of readdirSync(corpusDir).filter((f) => f.endsWith('.json')).sort()) {
  const server = file.replace(/\.json$/, '');
  const data = JSON.parse(readFileSync(join(corpusDir, file), 'utf8')) as { tools: Array<ClassifiableTool & Record<string, unknown>> };
  toolCount += data.tools.length;
  rows.push(...rowsOf(server, data.tools, true));
}

// Exceptions must still match the corpus, or they are stale.
const stale = exceptions.filter((e) => {
  const r = rows.find((x) => x.server === e.server && x.tool === e.tool);
  return r === undefined || r.author.readOnly !== e.authorHint.readOnlyHint || r.author.destructive !== e.authorHint.destructiveHint;
});

// M3 servers: authors who set destructiveHint explicitly both true and false on tools they declare not read-only.
function m3ServersOf(rs: Row[]): string[] {
  return [...new Set(rs.map((r) => r.server))].filter((s) => {
    const writes = rs.filter((r) => r.server === s && r.author.readOnly === false);
    return writes.some((r) => r.author.destructive === true) && writes.some((r) => r.author.destructive === false);
  });
}
const servers = [...new Set(rows.map((r) => r.server))];
const m3Servers = m3ServersOf(rows);
const m3Excluded = servers
  .map((s) => {
    const writes = rows.filter((r) => r.server === s && r.author.readOnly === false);
    if (writes.length === 0 || m3Servers.includes(s)) return undefined;
    const t = writes.filter((r) => r.author.destructive === true).length;
    const f = writes.filter((r) => r.author.destructive === false).length;
    const u = writes.length - t - f;
    const why = f === 0 && t === 0 ? 'never sets destructiveHint (spec default true for all writes)' : f === 0 ? `marks every write destructive (${t} true${u ? `, ${u} unset` : ''})` : `marks every write non-destructive (${f} false${u ? `, ${u} unset` : ''})`;
    return { server: s, writes: writes.length, why };
  })
  .filter((x) => x !== undefined);

const change = (c: Cls) => (c === 'read' ? 'read' : 'change');
function truth(r: Row, reviewed: boolean): Cls {
  return reviewed && r.reviewed ? r.reviewed.verdict : r.author.cls!;
}
function metrics(reviewed: boolean, rs: Row[] = rows, m3: string[] = m3Servers) {
  const m1Rows = rs.filter((r) => r.author.cls !== undefined);
  const m1Agree = m1Rows.filter((r) => change(truth(r, reviewed)) === change(r.ours.category)).length;
  const notRead = m1Rows.filter((r) => truth(r, reviewed) !== 'read');
  const misses = notRead.filter((r) => r.ours.category === 'read');
  const m3Rows = m1Rows.filter((r) => m3.includes(r.server));
  const m3Agree = m3Rows.filter((r) => truth(r, reviewed) === r.ours.category).length;
  // A set with no such tools has no figure (null), rather than NaN.
  const r4 = (x: number) => (Number.isFinite(x) ? Math.round(x * 10_000) / 10_000 : null);
  return {
    M1: { value: r4(m1Agree / m1Rows.length), agree: m1Agree, total: m1Rows.length },
    M2: { value: r4(misses.length / notRead.length), misses: misses.length, authorSaysNotReadOnly: notRead.length },
    M3: { value: r4(m3Agree / m3Rows.length), agree: m3Agree, total: m3Rows.length },
  };
}
function confusion(reviewed: boolean, onlyM3: boolean, rs: Row[] = rows, m3: string[] = m3Servers) {
  const cats: Cls[] = ['read', 'write', 'destructive'];
  const m: Record<string, Record<string, number>> = {};
  for (const a of cats) m[a] = Object.fromEntries(cats.map((c) => [c, 0]));
  for (const r of rs) {
    if (r.author.cls === undefined || (onlyM3 && !m3.includes(r.server))) continue;
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
function disagreementsOf(rs: Row[], m3: string[]) {
  return rs
  .filter((r) => r.author.cls !== undefined)
  .filter((r) => (m3.includes(r.server) ? r.author.cls !== r.ours.category : change(r.author.cls!) !== change(r.ours.category)))
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

// Held-out servers: raw figures only (no reviewed exceptions), so they measure how the rules generalise.
const holdout = holdoutFiles.map((file) => {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { server?: { name?: unknown }; tools?: unknown };
  if (!Array.isArray(data.tools)) throw new Error(`${file}: no "tools" array; a held-out file must be a tools/list result or a snapshot ({ "tools": [...] }).`);
  const server = basename(file) === 'tools.json' ? basename(dirname(file)) : basename(file).replace(/\.json$/, '');
  const rs = rowsOf(server, data.tools as Array<ClassifiableTool & Record<string, unknown>>, false);
  const m3 = m3ServersOf(rs);
  return {
    server,
    file: basename(dirname(file)) + '/' + basename(file),
    tools: rs.length,
    withExplicitReadOnlyHint: rs.filter((r) => r.author.cls !== undefined).length,
    m3: m3.length > 0,
    raw: metrics(false, rs, m3),
    confusion: confusion(false, false, rs, m3),
    disagreements: disagreementsOf(rs, m3),
  };
});

const report = {
  corpus: { servers: servers.length, tools: toolCount, withExplicitReadOnlyHint: rows.filter((r) => r.author.cls !== undefined).length },
  definitions: {
    M1: 'read-vs-change agreement on tools with an explicit boolean readOnlyHint',
    M2: 'unsafe misses: tools whose author says readOnlyHint false, classified read (fraction of those tools)',
    M3: 'three-class agreement (read / write / destructive, destructiveHint resolved with the spec default) on tools with an explicit readOnlyHint, M3 servers only',
    M3servers: 'servers whose authors set destructiveHint explicitly to both true and false on tools they declare not read-only',
  },
  raw: metrics(false),
  reviewed: metrics(true),
  exceptions: { count: exceptions.length, stale: stale.map((e) => `${e.server}/${e.tool}`) },
  m3Servers,
  m3Excluded,
  confusion: { raw: confusion(false, false), rawM3: confusion(false, true), reviewedM3: confusion(true, true) },
  disagreements,
  holdout,
};

if (json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  const fmt = (m: ReturnType<typeof metrics>) =>
    `M1 ${m.M1.value} (${m.M1.agree}/${m.M1.total})   M2 ${m.M2.value} (${m.M2.misses}/${m.M2.authorSaysNotReadOnly})   M3 ${m.M3.value} (${m.M3.agree}/${m.M3.total})`;
  const out: string[] = [];
  out.push(`Corpus: ${report.corpus.servers} servers, ${report.corpus.tools} tools, ${report.corpus.withExplicitReadOnlyHint} with an explicit readOnlyHint (annotations hidden from the classifier)`);
  out.push(`raw       ${fmt(report.raw)}`);
  out.push(`reviewed  ${fmt(report.reviewed)}   (${exceptions.length} reviewed exceptions${stale.length ? `, STALE: ${stale.length}` : ''})`);
  out.push('', `M3 servers (${m3Servers.length}): ${m3Servers.join(', ')}`);
  out.push('Excluded from M3 (they do not distinguish destructive from non-destructive writes):');
  for (const e of m3Excluded) out.push(`  ${e.server}: ${e.why}`);
  for (const [label, m] of Object.entries(report.confusion)) {
    out.push('', `Confusion (${label}; rows = author${label.startsWith('reviewed') ? ' after review' : ''}, columns = classifier):`, '                read   write  destr');
    for (const [a, row] of Object.entries(m)) out.push(`  ${a.padEnd(12)} ${Object.values(row).map((n) => String(n).padStart(6)).join(' ')}`);
  }
  out.push('', `Disagreements (${disagreements.length}; three-class on M3 servers, read-vs-change elsewhere):`);
  for (const d of disagreements) out.push(`  ${d.server} / ${d.tool}: author ${d.author}, ours ${d.ours} (${d.kind})  ${d.evidence}${d.reviewed ? `\n      reviewed → ${d.reviewed}` : ''}`);
  if (holdout.length > 0) {
    out.push('', 'Held-out servers (raw, annotations hidden; never used to tune the rules):');
    out.push(`  ${'corpus'.padEnd(24)} ${fmt(report.raw)}`);
    for (const h of holdout) out.push(`  ${`${h.server} (${h.tools} tools)`.padEnd(24)} ${fmt(h.raw)}${h.m3 ? '' : '   (M3 n/a: author does not distinguish destructive writes)'}`);
    for (const h of holdout) {
      out.push('', `Confusion (${h.server}; rows = author, columns = classifier):`, '                read   write  destr');
      for (const [a, row] of Object.entries(h.confusion)) out.push(`  ${a.padEnd(12)} ${Object.values(row).map((n) => String(n).padStart(6)).join(' ')}`);
      out.push('', `Disagreements on ${h.server} (${h.disagreements.length}):`);
      for (const d of h.disagreements) out.push(`  ${d.tool}: author ${d.author}, ours ${d.ours} (${d.kind})  ${d.evidence}`);
    }
  }
  console.log(out.join('\n'));
}
if (stale.length > 0) process.exitCode = 1;
