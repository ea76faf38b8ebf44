// View model of a tool page: everything the page shows, computed from the ToolView and the classifier's data tables.
import { CAPABILITY_INFO, CATEGORY_INFO, RISK_INFO, RISK_RULES } from '../core/classify/index.ts';
import { formatFinding } from '../core/findings/index.ts';
import { poisonView, type PoisonView } from './poisoning.ts';
import type { Finding } from '../core/schemas/finding.ts';
import type { Capability } from '../core/schemas/verdict.ts';
import type { ServerView, ToolView } from './catalog.ts';
import type { Snapshot } from '../core/schemas/snapshot.ts';
import type { ListedTool } from './markup.ts';
import { toolFaq, faqJsonLd } from './faq.ts';
import type { FaqItem } from './faq.ts';
import { parameterTable } from './params.ts';
import type { ParamTable } from './params.ts';
import { pagePolicyOf, toolPolicySummary } from './policies.ts';
import type { PolicyDocs } from './policies.ts';
import { sourceText } from './source.ts';
import { routes } from './routes.ts';
import { oneLine, revealInvisible, truncate } from './text.ts';

/** Longest description a tool page prints; longer ones are cut with a note (pages stay small, the snapshot keeps it all). */
export const DESCRIPTION_LIMIT = 3_000;
/** The attack pattern page that tool-poisoning findings link to. */
export const POISONING_PATTERN_HREF = routes.attack('tool-metadata-poisoning');

/** Longest tool policy.json shown inline with a copy button; longer ones are download-only (pages stay near 25 KB). */
export const TOOL_POLICY_INLINE_LIMIT = 8_000;
/** Longest text of the other formats shown inline on a tool page: none, they are copied or downloaded from their files. */
export const TOOL_OTHER_FORMATS_INLINE_LIMIT = 0;

/** Policy rules listed in words on the page; the rest are in the policy shown below them. */
export const POLICY_RULES_SHOWN = 6;

// Why each category needs a policy, whatever the tool touches.
const CATEGORY_RISK: Record<ToolView['verdict']['category'], string> = {
  read: 'An agent can call it as often as it likes and pass whatever it reads back into the conversation, where injected text in the data can steer the agent; reads of private data can also leak through later calls.',
  write:
    'An agent can create, change, send or trigger things with it, at machine speed and possibly because text it read told it to; without a limit, a loop or an injected instruction repeats the change many times.',
  destructive:
    'An agent can delete, overwrite, revoke or stop things with it, often irreversibly, possibly because text it read told it to; without a policy nothing asks a person first.',
};

const HINTS = ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'] as const;

export interface AnnotationRow {
  hint: (typeof HINTS)[number];
  /** What the server sent: "true", "false", "not sent", or the odd value it sent. */
  declared: string;
  /** Spec-default resolution of what was sent. */
  resolved: boolean;
  /** What Toolgate's classification implies, when it implies anything. */
  inferred?: boolean;
  /** The server explicitly claimed the opposite of what the tool evidently does. */
  contradicted: boolean;
}

export interface FindingView {
  code: string;
  severity: Finding['severity'];
  title: string;
  /** The finding's message, one line, invisible characters revealed. */
  message: string;
  /** What the code means, from the findings catalogue. */
  explanation: string;
  /** Where the code is explained on the site. */
  href: string;
}

export interface ToolPageModel {
  title: string;
  metaDescription: string;
  description: { text: string; truncated: boolean; fullLength: number; empty: boolean };
  category: { id: string; label: string; description: string };
  risk: { id: string; label: string; description: string };
  capabilities: Array<{ id: Capability; label: string; description: string; risks: string }>;
  /** The risk rule that applies (first match in RISK_RULES order), when one can be identified. */
  riskRule?: { id: string; when: string; risk: string };
  evidence: Array<{ code: string; effect: string; matched: string; source: string }>;
  annotations: AnnotationRow[];
  annotationsSent: boolean;
  annotationFindings: FindingView[];
  /** Poisoning findings with where they were found and what matched. */
  poisoning: PoisonView[];
  otherFindings: FindingView[];
  params: ParamTable;
  policy: PolicyDocs;
  policySummary: ReturnType<typeof toolPolicySummary>;
  /** The policy's rules in words, capped so pages stay small (the policy itself has them all). */
  policyRules: { shown: string[]; more: number };
  /** What could go wrong with this category of tool when nothing limits it. */
  categoryRisk: string;
  faq: FaqItem[];
  jsonLd: unknown;
}

/** A finding as pages show it, worded by the one formatter (src/core/findings/). */
export function findingView(f: Finding): FindingView {
  const words = formatFinding(f);
  return {
    code: f.code,
    severity: f.severity,
    title: words.title,
    message: revealInvisible(oneLine(words.message, 400)),
    explanation: words.explanation,
    href: routes.finding(f.code),
  };
}

function declaredText(value: unknown): string {
  if (value === undefined) return 'not sent';
  if (typeof value === 'boolean') return String(value);
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return `invalid: ${oneLine(text, 40)}`;
}

type RuleShape = {
  id: string;
  when: string;
  risk: string;
  categories?: readonly string[];
  anyCapability?: readonly string[];
  bulk?: boolean;
};

/** The risk rule the classifier applied, named by its RISK evidence (the classifier owns the matching; this only looks it up). */
export function applyingRule(v: Pick<ToolView['verdict'], 'risk' | 'evidence'>): RuleShape | undefined {
  const id = v.evidence.find((e) => e.code === 'RISK')?.matched[0];
  const rule = (RISK_RULES as readonly RuleShape[]).find((r) => r.id === id);
  return rule !== undefined && rule.risk === v.risk ? rule : undefined;
}

function withRiskRule(rule: RuleShape | undefined): { riskRule?: RuleShape } {
  return rule ? { riskRule: rule } : {};
}

// Ends a summary with a full stop when it has no closing punctuation, so the next sentence reads as one.
function sentence(text: string): string {
  return text === '' || /[.!?…:;]$/.test(text) ? text : `${text}.`;
}

/**
 * What a tool page shows of its tool: a ToolView, or the plain copy the tool-files workers receive (related tools as
 * ListedTool, no link back to the server).
 */
export interface PageTool
  extends Pick<
    ToolView,
    | 'serverId'
    | 'serverName'
    | 'name'
    | 'displayName'
    | 'title'
    | 'slug'
    | 'href'
    | 'description'
    | 'summary'
    | 'verdict'
    | 'hash'
    | 'tool'
    | 'poisoning'
    | 'scanFindings'
    | 'patterns'
  > {
  related: readonly ListedTool[];
}

/** What a tool page shows of its server. */
export interface PageServer extends Pick<ServerView, 'id' | 'name' | 'href'> {
  snapshot: Pick<Snapshot, 'source' | 'scannedAt'>;
}

/**
 * Everything a tool page shows. `policy`: the tool's starter policy with at least its main format rendered (the page
 * renders only that one; the other formats are files beside the page).
 */
export function toolPageModel(t: PageTool, server: PageServer, policy: PolicyDocs): ToolPageModel {
  const v = t.verdict;
  const category = { id: v.category, ...CATEGORY_INFO[v.category] };
  const risk = { id: v.risk, ...RISK_INFO[v.risk] };
  const capabilities = v.capabilities.map((c) => ({ id: c, ...CAPABILITY_INFO[c] }));
  const sent = v.declared.annotations ?? {};
  const inferredFor: Record<(typeof HINTS)[number], boolean | undefined> = {
    readOnlyHint: v.category === 'read',
    destructiveHint: v.category === 'destructive',
    idempotentHint: undefined,
    openWorldHint: undefined,
  };
  const annotations = HINTS.map((hint): AnnotationRow => {
    const raw = sent[hint];
    const inferred = inferredFor[hint];
    return {
      hint,
      declared: declaredText(raw),
      resolved: v.declared.resolved[hint],
      ...(inferred !== undefined ? { inferred } : {}),
      contradicted: typeof raw === 'boolean' && inferred !== undefined && raw !== inferred,
    };
  });
  const description = truncate(t.description, DESCRIPTION_LIMIT);
  const policySummary = toolPolicySummary(t, policy);
  const faq = toolFaq(t, {
    riskLabel: risk.label,
    riskDescription: risk.description,
    categoryLabel: category.label,
    capabilityLabels: capabilities.map((c) => c.label),
    policySummary: policySummary.summary,
    serverSource: sourceText(server.snapshot.source),
  });
  const name = oneLine(t.name, 100);
  return {
    title: `${name} (${oneLine(t.serverName, 60)})`,
    metaDescription: oneLine(
      `${name}: ${v.risk}-risk ${v.category} MCP tool on ${t.serverName}. ${sentence(oneLine(t.description, 200)) || 'No description.'}`,
      200,
    ),
    description: {
      text: revealInvisible(description.text),
      truncated: description.truncated,
      fullLength: description.fullLength,
      empty: t.description.trim() === '',
    },
    category,
    risk,
    capabilities,
    ...withRiskRule(applyingRule(v)),
    evidence: v.evidence.slice(0, 40).map((e) => ({
      code: e.code,
      effect: e.effect,
      matched: e.matched
        .slice(0, 8)
        .map((m) => oneLine(m, 80))
        .join(', '),
      source: e.source,
    })),
    annotations,
    annotationsSent: v.declared.annotations !== undefined,
    annotationFindings: v.findings.filter((f) => f.code.startsWith('ANNOTATION')).map(findingView),
    poisoning: t.poisoning.map(poisonView),
    otherFindings: [
      ...v.findings.filter((f) => !f.code.startsWith('ANNOTATION') && !f.code.startsWith('POISON')),
      ...t.scanFindings,
    ].map(findingView),
    params: parameterTable(t.tool.inputSchema),
    policy: pagePolicyOf(policy),
    policySummary,
    policyRules: {
      shown: policySummary.rules.slice(0, POLICY_RULES_SHOWN).map((r) => oneLine(r, 300)),
      more: Math.max(0, policySummary.rules.length - POLICY_RULES_SHOWN),
    },
    categoryRisk: CATEGORY_RISK[v.category],
    faq,
    jsonLd: faqJsonLd(faq),
  };
}
