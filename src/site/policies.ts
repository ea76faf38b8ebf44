// Starter policies for pages and downloads: a tool page renders only its main format (the tool-files pass writes
// every format once per build); a server's policy is generated once and rendered in every registered format.
import {
  generatePolicy,
  describePolicy,
  renderAll,
  POLICY_FORMATS,
  type PolicyFormat,
  type RenderedFile,
} from '../core/policy/index.ts';
import type { Policy } from '../core/schemas/policy.ts';
import type { ServerView, ToolView } from './catalog.ts';
import { oneLine } from './text.ts';

export interface PolicyDocs {
  /** The full starter policy (with argument checks); every file is rendered from it. */
  policy: Policy;
  /**
   * The policy rendered in registry order, the main download (PolicyLayer, attested constructs only) first: every
   * format, or only the main one for a tool page (the other files exist beside the page; tool-files.ts writes them).
   */
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

/** What a policy is generated from: a tool as the snapshot holds it and its verdict (plain data, copied to workers). */
export type PolicyEntry = ReturnType<typeof entry>;

/**
 * The one-tool document of tool `name`: only the server's entries with this exact name (duplicates are merged as the
 * server policy merges them); passing the whole server per tool would make big servers quadratic. Counter names of
 * clean names match the server policy's.
 */
export function toolDocumentOf(name: string, sameName: PolicyEntry[]): Policy {
  return generatePolicy(sameName, { tool: name });
}

function toolDocument(t: ToolView): Policy {
  return toolDocumentOf(t.name, byName(t.server).get(t.name)!.map(entry));
}

/** The one-tool starter policy in every format, from plain data (the tool-files workers have no ToolView). */
export function toolPolicyOf(serverId: string, name: string, sameName: PolicyEntry[]): PolicyDocs {
  return docs(toolDocumentOf(name, sameName), serverId);
}

/**
 * The one-tool starter policy in every format: the files beside the tool page. Not memoized: the tool-files pass asks
 * once per tool and writes them, so keeping 35,000 tools' documents in memory buys nothing.
 */
export function toolPolicy(t: ToolView): PolicyDocs {
  return docs(toolDocument(t), t.serverId);
}

/** What a tool page shows of its policy: the document and its main file (the tool-files pass renders the rest once). */
export function toolPagePolicy(t: ToolView): PolicyDocs {
  return pagePolicyOf(toolPolicy(t));
}

/** The part of a tool's policy in every format that its page shows: the document and its main file. */
export function pagePolicyOf(d: PolicyDocs): PolicyDocs {
  return { policy: d.policy, files: d.files.slice(0, 1) };
}

/** The whole-server policy from plain data: every tool accounted for (the tool-files workers have no ServerView). */
export function serverPolicyOf(serverId: string, entries: PolicyEntry[]): PolicyDocs {
  return docs(generatePolicy(entries), serverId);
}

/** The whole-server policy: every tool accounted for. */
export function serverPolicy(s: ServerView): PolicyDocs {
  let d = serverMemo.get(s);
  if (!d) {
    d = serverPolicyOf(s.id, s.tools.map(entry));
    serverMemo.set(s, d);
  }
  return d;
}

/** The rendered file of one format (by file name) from a tool's or server's documents. */
export function policyFile(d: PolicyDocs, fileName: string): RenderedFile {
  const f = d.files.find((x) => x.format.fileName === fileName);
  if (!f)
    throw new Error(
      `No policy format writes ${JSON.stringify(fileName)}; the registry in src/core/policy/formats/index.ts lists them.`,
    );
  return f;
}

/** The files to write beside a page: name and text of each format. */
export function policyFileTexts(d: PolicyDocs): Array<{ fileName: string; text: string }> {
  return d.files.map((f) => ({ fileName: f.format.fileName, text: f.text }));
}

/** Loss lines shown per format on a page; the file's own header or the CLI lists all of them. */
export const LOSSES_SHOWN = 5;

/** One format's download as a page shows it (size, losses and text only when the page rendered that format). */
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
  /** Size for the label, e.g. "2 KB" ('' when the page did not render this format). */
  size: string;
  text: string;
  /** Whether the page repeats the text (else copy fetches the file). */
  inline: boolean;
  /** Whether the page rendered this format (false: only the download and what the format cannot express in general). */
  rendered: boolean;
}

function kb(text: string): string {
  const n = Math.max(1, Math.round(Buffer.byteLength(text, 'utf8') / 1024));
  // toLocaleString goes through ICU, a cost at 40,000 pages; below 1,000 it would print the digits anyway.
  return `${n < 1000 ? String(n) : n.toLocaleString('en-US')} KB`;
}

function lossReasons(losses: RenderedFile['losses']): Array<{ reason: string; count: number }> {
  const counts = new Map<string, number>();
  for (const l of losses) counts.set(l.reason, (counts.get(l.reason) ?? 0) + 1);
  // Stable: most rules first, then first appearance (Map keeps insertion order and sort is stable).
  return [...counts]
    .map(([reason, count]) => ({ reason: oneLine(reason, 300), count }))
    .sort((a, b) => b.count - a.count)
    .slice(0, LOSSES_SHOWN);
}

function formatFacts(format: PolicyFormat) {
  return {
    id: format.id,
    label: format.label,
    fileName: format.fileName,
    mediaType: format.mediaType,
    howToUse: format.howToUse,
    cannotExpress: format.cannotExpress,
  };
}

/**
 * Every registered format's download for a page, in registry order (the main one first); texts longer than their inline
 * limit are not repeated. Formats the documents did not render get a download-only view.
 */
export function policyFileViews(d: PolicyDocs, limits: { main: number; others: number }): PolicyFileView[] {
  const rendered = new Map(d.files.map((f) => [f.format.id, f]));
  return POLICY_FORMATS.map((format, i) => {
    const f = rendered.get(format.id);
    if (!f)
      return {
        ...formatFacts(format),
        lossReasons: [],
        losses: [],
        moreLosses: 0,
        lossCount: 0,
        size: '',
        text: '',
        inline: false,
        rendered: false,
      };
    return {
      ...formatFacts(format),
      lossReasons: lossReasons(f.losses),
      losses: f.losses.slice(0, LOSSES_SHOWN).map((l) => oneLine(l.rule || 'the whole policy', 200)),
      moreLosses: Math.max(0, f.losses.length - LOSSES_SHOWN),
      lossCount: f.losses.length,
      size: kb(f.text),
      text: f.text,
      inline: f.text.length <= (i === 0 ? limits.main : limits.others),
      rendered: true,
    };
  });
}

/** Human text for a tool's treatment under its starter policy. */
export function toolPolicySummary(t: Pick<ToolView, 'name'>, docs: PolicyDocs): ReturnType<typeof describePolicy> {
  return describePolicy(docs.policy, t.name);
}
