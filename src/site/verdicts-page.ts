// The "How verdicts are made" page, generated from the classifier's and the policy generator's own tables.
import { CATEGORY_INFO, COMBINE_STEPS, COMBINER_CODES, RISK_INFO, RISK_RULES, RULES } from '../core/classify/index.ts';
import { FINDINGS } from '../core/findings/index.ts';
import type { FindingInfo } from '../core/findings/index.ts';
import { POLICY_DEFAULTS } from '../core/policy/defaults.ts';
import type { Category } from '../core/schemas/verdict.ts';
import { routes } from './routes.ts';
import measured from '../core/classify/measured.json' with { type: 'json' };
import verdictReview from '../core/classify/verdict-review.json' with { type: 'json' };

export interface VerdictsPageModel {
  categories: Array<{ id: Category; label: string; description: string; href: string }>;
  rules: Array<{ code: string; summary: string; role: string }>;
  steps: Array<{ id: string; when: string; appliesTo: string }>;
  combiner: Array<{ code: string; summary: string }>;
  risk: Array<{ id: string; when: string; risk: string; riskLabel: string; applies: string; href: string }>;
  policy: {
    default: string;
    writeLimit: string;
    approvalMessage: string;
    rules: Array<{ id: string; when: string; state: string; why: string }>;
    argumentRules: Array<{ id: string; label: string; description: string }>;
  };
  findings: Array<{ source: FindingInfo['source']; heading: string; entries: FindingInfo[] }>;
  accuracy: AccuracyModel;
}

/** How often verdicts are right, from the committed evaluation (measured.json) and the latest verdict review. */
export interface AccuracyModel {
  corpus: string;
  figures: Array<{
    id: string;
    what: string;
    value: string;
    counts: string;
    tools: string;
    servers: string;
    goal: string;
    met: boolean;
  }>;
  split: string;
  reliability: Array<{ decile: string; tools: string; shown: string; right: string }>;
  review: { date: string; riskiest: string; random: string };
}

type Interval = readonly (number | null)[];
const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)}%`;
const range = (iv: Interval) => (iv[0] == null || iv[1] == null ? '–' : `${pct(iv[0])}–${pct(iv[1])}`);
const count = (n: number) => n.toLocaleString('en-US');

function accuracyModel(): AccuracyModel {
  const { raw, goals, corpus, ece, split } = measured;
  const latest = verdictReview.reviews.at(-1)!;
  const group = (g: { disagreements: number; categoryErrors: number }) =>
    `${g.disagreements} disagreed with an expert's reading, ${g.categoryErrors} of them on the category`;
  return {
    corpus: `the catalogue's ${count(corpus.servers)} servers, of which ${count(corpus.serversWithAnnotations)} annotate ${count(corpus.annotatedTools)} tools with readOnlyHint`,
    figures: [
      {
        id: 'M1',
        what: "Read or change: the verdict agrees with the author's readOnlyHint",
        value: pct(raw.M1.value),
        counts: `${count(raw.M1.errors)} of ${count(raw.M1.total)} tools disagree`,
        tools: range(raw.M1.wilson95),
        servers: range(raw.M1.serverBootstrap95),
        goal: `at least ${pct(goals.M1, 0)}`,
        met: raw.M1.value >= goals.M1,
      },
      {
        id: 'M2',
        what: 'Unsafe misses: a tool its author says changes state, called a read',
        value: pct(raw.M2.value),
        counts: `${count(raw.M2.misses)} of ${count(raw.M2.of)} tools`,
        tools: range(raw.M2.wilson95),
        servers: range(raw.M2.serverBootstrap95),
        goal: `at most ${pct(goals.M2, 0)}`,
        met: raw.M2.value <= goals.M2,
      },
      {
        id: 'M3',
        what: 'Read, write or destructive: on servers whose authors mark destructive tools both ways',
        value: pct(raw.M3.value),
        counts: `${count(raw.M3.total)} tools`,
        tools: range(raw.M3.wilson95),
        servers: range(raw.M3.serverBootstrap95),
        goal: `at least ${pct(goals.M3, 0)}`,
        met: raw.M3.value >= goals.M3,
      },
      {
        id: 'ECE',
        what: 'Calibration: how far the shown confidence is from the rate at which it is right',
        value: pct(ece.value),
        counts: 'over deciles of confidence',
        tools: '–',
        servers: range(ece.serverBootstrap95),
        goal: `at most ${pct(goals.ECE, 0)}`,
        met: ece.value <= goals.ECE,
      },
    ],
    split: `Rules are written looking only at the development side's servers (${count(split.dev.servers)} annotating): read-or-change agreement ${pct(split.dev.M1.value)}, unsafe misses ${pct(split.dev.M2.value)}. On the blind side (${count(split.blind.servers)}): ${pct(split.blind.M1.value)} and ${pct(split.blind.M2.value)}.`,
    reliability: measured.reliability.map((b) => ({
      // "0.2–0.3" → "20–30%"
      decile: `${b.decile
        .split('–')
        .map((x) => Math.round(Number(x) * 100))
        .join('–')}%`,
      tools: count(b.n),
      shown: pct(b.meanConfidence),
      right: pct(b.rightRate),
    })),
    review: { date: latest.date, riskiest: group(latest.groups.riskiest), random: group(latest.groups.random) },
  };
}

const SOURCE_HEADINGS: Record<FindingInfo['source'], string> = {
  classifier: 'Classifier findings (shown on tool pages)',
  scanner: 'Scanner findings (shown on server and tool pages)',
  'policy-check': 'policy check errors (printed by `npm run policy -- check`)',
  audit: 'Audit findings (printed by `npm run audit`, in its SARIF and Markdown reports)',
};

function applies(rule: (typeof RISK_RULES)[number]): string {
  const parts: string[] = [];
  if (rule.categories) parts.push(`category ${rule.categories.join(' or ')}`);
  if (rule.anyCapability) parts.push(`any of: ${rule.anyCapability.join(', ')}`);
  if (rule.bulk) parts.push('acts in bulk');
  return parts.length > 0 ? parts.join('; ') : 'every tool';
}

/** Everything the page shows, in table order. */
export function verdictsPageModel(): VerdictsPageModel {
  return {
    categories: (Object.keys(CATEGORY_INFO) as Category[]).map((id) => ({
      id,
      ...CATEGORY_INFO[id],
      href: routes.category(id),
    })),
    rules: RULES.map((r) => ({
      code: r.code,
      summary: r.summary,
      role: r.code.startsWith('CAP_') ? 'capability' : (r.role ?? 'verb'),
    })),
    steps: COMBINE_STEPS.map((s) => ({
      id: s.id,
      when: s.when,
      appliesTo: s.appliesTo.map((c) => (c === 'none' ? 'no category yet' : c)).join(', '),
    })),
    combiner: Object.entries(COMBINER_CODES).map(([code, summary]) => ({ code, summary })),
    risk: RISK_RULES.map((r) => ({
      id: r.id,
      when: r.when,
      risk: r.risk,
      riskLabel: RISK_INFO[r.risk].label,
      applies: applies(r),
      href: routes.risk(r.risk),
    })),
    policy: {
      default: POLICY_DEFAULTS.default,
      writeLimit: `${POLICY_DEFAULTS.writeLimit.max} calls per ${POLICY_DEFAULTS.writeLimit.window} per ${POLICY_DEFAULTS.writeLimit.scope}`,
      approvalMessage: POLICY_DEFAULTS.approvalMessage,
      rules: POLICY_DEFAULTS.rules.map((r) => ({ id: r.id, when: r.when, state: r.state, why: r.why })),
      argumentRules: POLICY_DEFAULTS.argumentRules.map((r) => ({ ...r })),
    },
    findings: (['classifier', 'scanner', 'policy-check', 'audit'] as const).map((source) => ({
      source,
      heading: SOURCE_HEADINGS[source],
      entries: FINDINGS.filter((f) => f.source === source),
    })),
    accuracy: accuracyModel(),
  };
}
