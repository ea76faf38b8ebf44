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

/** One measured figure as the page shows it, against its goal (a floor or a ceiling). */
function figure(
  id: string,
  what: string,
  m: { value: number; wilson95: Interval; serverBootstrap95: Interval },
  counts: string,
  goal: number,
  bound: 'at least' | 'at most',
): AccuracyModel['figures'][number] {
  return {
    id,
    what,
    value: pct(m.value),
    counts,
    tools: range(m.wilson95),
    servers: range(m.serverBootstrap95),
    goal: `${bound} ${pct(goal, 0)}`,
    met: bound === 'at least' ? m.value >= goal : m.value <= goal,
  };
}

function accuracyModel(): AccuracyModel {
  const { raw, goals, corpus, ece, split } = measured;
  const latest = verdictReview.reviews.at(-1)!;
  const group = (g: { disagreements: number; categoryErrors: number }) =>
    `${g.disagreements} disagreed with an expert's reading, ${g.categoryErrors} of them on the category`;
  return {
    corpus: `the catalogue's ${count(corpus.servers)} servers, of which ${count(corpus.serversWithAnnotations)} annotate ${count(corpus.annotatedTools)} tools with readOnlyHint`,
    figures: [
      figure(
        'M1',
        "Read or change: the verdict agrees with the author's readOnlyHint",
        raw.M1,
        `${count(raw.M1.errors)} of ${count(raw.M1.total)} tools disagree`,
        goals.M1,
        'at least',
      ),
      figure(
        'M2',
        'Unsafe misses: a tool its author says changes state, called a read',
        raw.M2,
        `${count(raw.M2.misses)} of ${count(raw.M2.of)} tools`,
        goals.M2,
        'at most',
      ),
      figure(
        'M3',
        'Read, write or destructive: on servers whose authors mark destructive tools both ways',
        raw.M3,
        `${count(raw.M3.total)} tools`,
        goals.M3,
        'at least',
      ),
      figure(
        'ECE',
        'Calibration: how far the shown confidence is from the rate at which it is right',
        { ...ece, wilson95: [null, null] },
        'over deciles of confidence',
        goals.ECE,
        'at most',
      ),
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
