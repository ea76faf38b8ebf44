// Starter policies for pages and downloads, generated lazily once per tool/server and rendered in every registered format.
import { generatePolicy, describePolicy, renderAll, type RenderedFile } from '../core/policy/index.ts';
import type { Policy } from '../core/schemas/policy.ts';
import type { ServerView, ToolView } from './catalog.ts';
import { oneLine } from './text.ts';

export interface PolicyDocs {
  /** The full starter policy (with argument checks); every file is rendered from it. */
  policy: Policy;
  /** The policy in every format of the registry, the main download (PolicyLayer, attested constructs only) first. */
  files: RenderedFile[];
}

/** Longest server policy (any format) shown inline on the server page; longer ones are download-only. */
export const SERVER_POLICY_INLINE_LIMIT = 8_000;

const serverMemo = new WeakMap<ServerView, PolicyDocs>();
const nameMemo = new WeakMap<ServerView, Map<string, ToolView[]>>();

function byName(s: ServerView): Map<string, ToolView[]> {
  let m = nameMemo.get(s);
  if (!m) {
    m = new Map();
    for (const t of s.tools) {
      const list = m.get(t.name);
      if (list) list.push(t);
      else m.set(t.name, [t]);
    }
    nameMemo.set(s, m);
  }
  return m;
}

function docs(policy: Policy, serverId: string): PolicyDocs {
  return { policy, files: renderAll(policy, { server: serverId }) };
}

function entry(t: ToolView) {
  return { tool: t.tool, verdict: t.verdict };
}

/**
 * The one-tool starter policy (the page, and its files beside it). Not memoized: the page asks once, and the files are
 * written by the page through the policy sink, so keeping 35,000 documents in memory buys nothing.
 */
export function toolPolicy(t: ToolView): PolicyDocs {
  // Only the entries with this exact name (duplicates are merged as the server policy merges them); passing the whole
  // server per tool would make big servers quadratic. Counter names of clean names match the server policy's.
  return docs(generatePolicy(byName(t.server).get(t.name)!.map(entry), { tool: t.name }), t.serverId);
}

/** The whole-server policy: every tool accounted for. */
export function serverPolicy(s: ServerView): PolicyDocs {
  let d = serverMemo.get(s);
  if (!d) {
    d = docs(generatePolicy(s.tools.map(entry)), s.id);
    serverMemo.set(s, d);
  }
  return d;
}

/** The rendered file of one format (by file name) from a tool's or server's documents. */
export function policyFile(d: PolicyDocs, fileName: string): RenderedFile {
  const f = d.files.find((x) => x.format.fileName === fileName);
  if (!f) throw new Error(`No policy format writes ${JSON.stringify(fileName)}; the registry in src/core/policy/formats/index.ts lists them.`);
  return f;
}

/** The files to write beside a page: name and text of each format. */
export function policyFileTexts(d: PolicyDocs): Array<{ fileName: string; text: string }> {
  return d.files.map((f) => ({ fileName: f.format.fileName, text: f.text }));
}

/** Loss lines shown per format on a page; the file's own header or the CLI lists all of them. */
export const LOSSES_SHOWN = 5;

/** One format's download as a page shows it. */
export interface PolicyFileView {
  /** Format id (permanent), for element ids. */
  id: string;
  label: string;
  fileName: string;
  mediaType: string;
  howToUse: string;
  cannotExpress: readonly string[];
  /** Why rules are not carried over: each distinct reason with how many rules it covers, most first. */
  lossReasons: Array<{ reason: string; count: number }>;
  /** The rules not carried over (JSON Pointers into the policy), capped at LOSSES_SHOWN. */
  losses: string[];
  /** How many more losses there are beyond those shown. */
  moreLosses: number;
  lossCount: number;
  /** Size for the label, e.g. "2 KB". */
  size: string;
  text: string;
  /** Whether the page repeats the text (else copy fetches the file). */
  inline: boolean;
}

function kb(text: string): string {
  return `${Math.max(1, Math.round(Buffer.byteLength(text, 'utf8') / 1024)).toLocaleString('en-US')} KB`;
}

function lossReasons(losses: RenderedFile['losses']): Array<{ reason: string; count: number }> {
  const counts = new Map<string, number>();
  for (const l of losses) counts.set(l.reason, (counts.get(l.reason) ?? 0) + 1);
  // Stable: most rules first, then first appearance (Map keeps insertion order and sort is stable).
  return [...counts].map(([reason, count]) => ({ reason: oneLine(reason, 300), count })).sort((a, b) => b.count - a.count).slice(0, LOSSES_SHOWN);
}

/** Every format's download for a page: the first is the main one; texts longer than their inline limit are not repeated. */
export function policyFileViews(d: PolicyDocs, limits: { main: number; others: number }): PolicyFileView[] {
  return d.files.map((f, i) => ({
    id: f.format.id,
    label: f.format.label,
    fileName: f.format.fileName,
    mediaType: f.format.mediaType,
    howToUse: f.format.howToUse,
    cannotExpress: f.format.cannotExpress,
    lossReasons: lossReasons(f.losses),
    losses: f.losses.slice(0, LOSSES_SHOWN).map((l) => oneLine(l.rule || 'the whole policy', 200)),
    moreLosses: Math.max(0, f.losses.length - LOSSES_SHOWN),
    lossCount: f.losses.length,
    size: kb(f.text),
    text: f.text,
    inline: f.text.length <= (i === 0 ? limits.main : limits.others),
  }));
}

/** Human text for a tool's treatment under its starter policy. */
export function toolPolicySummary(t: ToolView, docs: PolicyDocs = toolPolicy(t)): ReturnType<typeof describePolicy> {
  return describePolicy(docs.policy, t.name);
}
