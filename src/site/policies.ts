// Starter policies for pages and downloads, generated lazily once per tool/server and shared by the page and its two files.
import { generatePolicy, toIntercept, describePolicy } from '../core/policy/index.ts';
import type { Policy } from '../core/schemas/policy.ts';
import type { ServerView, ToolView } from './catalog.ts';

export interface PolicyDocs {
  /** The policy object. */
  policy: Policy;
  /** policy.json text: two-space indented, trailing newline. */
  json: string;
  /** Intercept YAML text. */
  yaml: string;
}

/** Longest server policy (either format) shown inline on the server page; longer ones are download-only. */
export const SERVER_POLICY_INLINE_LIMIT = 250_000;

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

function docs(policy: Policy): PolicyDocs {
  return { policy, json: `${JSON.stringify(policy, null, 2)}\n`, yaml: toIntercept(policy) };
}

function entry(t: ToolView) {
  return { tool: t.tool, verdict: t.verdict };
}

/**
 * The one-tool starter policy (the page, and policy.json / policy.intercept.yaml beside it). Not memoized: the page asks
 * once, and the files are written after the build by writePolicyFiles, so keeping 35,000 documents in memory buys nothing.
 */
export function toolPolicy(t: ToolView): PolicyDocs {
  // Only the entries with this exact name (duplicates are merged as the server policy merges them); passing the whole
  // server per tool would make big servers quadratic. Counter names of clean names match the server policy's.
  return docs(generatePolicy(byName(t.server).get(t.name)!.map(entry), { tool: t.name }));
}

/** The whole-server policy: every tool accounted for. */
export function serverPolicy(s: ServerView): PolicyDocs {
  let d = serverMemo.get(s);
  if (!d) {
    d = docs(generatePolicy(s.tools.map(entry)));
    serverMemo.set(s, d);
  }
  return d;
}

/** Human text for a tool's treatment under its starter policy. */
export function toolPolicySummary(t: ToolView, docs: PolicyDocs = toolPolicy(t)): ReturnType<typeof describePolicy> {
  return describePolicy(docs.policy, t.name);
}
