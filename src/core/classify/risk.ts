// Risk rules as data (first match wins) and the one function that applies them; the site shows RISK_RULES as they are.
import type { Capability, Category, Risk } from '../schemas/verdict.ts';

/** One risk rule: it matches when every condition given holds. */
export interface RiskRule {
  /** Permanent id (SCREAMING_SNAKE). */
  id: string;
  /** When it applies, in words. */
  when: string;
  /** The risk it assigns. */
  risk: Risk;
  /** Categories it applies to (any of); absent means all. */
  categories?: Category[];
  /** Capabilities of which at least one must be present; absent means none needed. */
  anyCapability?: Capability[];
  /** Requires the tool to act in bulk (all/batch/recursive). */
  bulk?: boolean;
}

/** Ordered: the first matching rule sets the risk. */
export const RISK_RULES: readonly RiskRule[] = [
  { id: 'ARBITRARY_CODE', when: 'Runs arbitrary code, shell commands, scripts or queries.', risk: 'critical', anyCapability: ['code-execution'] },
  {
    id: 'BULK_DESTRUCTION',
    when: 'Destroys infrastructure, databases or files in bulk (all, batch, recursive).',
    risk: 'critical',
    categories: ['destructive'],
    anyCapability: ['infrastructure', 'database', 'filesystem'],
    bulk: true,
  },
  { id: 'DESTRUCTIVE', when: 'Deletes, overwrites, revokes, cancels or terminates something.', risk: 'high', categories: ['destructive'] },
  { id: 'MOVES_MONEY', when: 'A change involving money: payments, refunds, invoices, prices.', risk: 'high', categories: ['write'], anyCapability: ['financial'] },
  { id: 'MESSAGES_PEOPLE', when: 'Sends messages, mail or notifications to people.', risk: 'high', categories: ['write'], anyCapability: ['messaging'] },
  { id: 'CHANGES_SECRETS', when: 'Creates or changes secrets, keys, tokens or passwords.', risk: 'high', categories: ['write'], anyCapability: ['credentials'] },
  { id: 'WRITE', when: 'Any other change: creates, updates, triggers or moves something.', risk: 'medium', categories: ['write'] },
  { id: 'READS_SECRETS', when: 'Reads secrets, keys, tokens or environment variables.', risk: 'medium', categories: ['read'], anyCapability: ['credentials'] },
  {
    id: 'READS_OUTSIDE',
    when: 'Reads arbitrary URLs, files, browser sessions, mailboxes or personal data.',
    risk: 'medium',
    categories: ['read'],
    anyCapability: ['network-egress', 'filesystem', 'browser', 'messaging', 'personal-data'],
  },
  { id: 'READ', when: 'Any other read: looks up, computes or renders, with no sensitive reach.', risk: 'low', categories: ['read'] },
];

/** Applies RISK_RULES; returns the risk and the id of the rule that set it. */
export function deriveRisk(category: Category, capabilities: readonly Capability[], bulk: boolean): { risk: Risk; rule: string } {
  for (const rule of RISK_RULES) {
    if (rule.categories !== undefined && !rule.categories.includes(category)) continue;
    if (rule.anyCapability !== undefined && !rule.anyCapability.some((c) => capabilities.includes(c))) continue;
    if (rule.bulk === true && !bulk) continue;
    return { risk: rule.risk, rule: rule.id };
  }
  return { risk: 'medium', rule: 'FALLBACK' };
}
