// The "How verdicts are made" page, generated from the classifier's and the policy generator's own tables.
import { CATEGORY_INFO, COMBINE_STEPS, COMBINER_CODES, RISK_INFO, RISK_RULES, RULES } from '../core/classify/index.ts';
import { FINDINGS } from '../core/findings/index.ts';
import type { FindingInfo } from '../core/findings/index.ts';
import { POLICY_DEFAULTS } from '../core/policy/defaults.ts';
import type { Category } from '../core/schemas/verdict.ts';
import { routes } from './routes.ts';

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
  };
}
