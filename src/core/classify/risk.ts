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
  /** Modifiers of which at least one must be present (execution:arbitrary, execution:read-only, execution:page, …). */
  anyModifier?: string[];
  /** Modifiers that must all be present (guard:explicit). */
  allModifiers?: string[];
}

/** Ordered: the first matching rule sets the risk. */
export const RISK_RULES: readonly RiskRule[] = [
  {
    id: 'RUNS_IMAGE',
    when: 'Runs or deploys a container image the caller names: arbitrary code inside the cluster or cloud, with its network and service account.',
    risk: 'critical',
    anyModifier: ['execution:container'],
  },
  {
    id: 'SANDBOXED_CODE',
    when: "Runs code or commands it is given in a sandbox its description says is isolated from the machine or hosted elsewhere (a micro-VM, a model's own sandbox): anything within the sandbox and what it can reach, not this machine.",
    risk: 'high',
    anyModifier: ['execution:sandbox'],
  },
  {
    id: 'STORED_CODE',
    when: 'Keeps code or commands it is given for later (a command template, a schedule, a serverless function, build settings): nothing runs in this call, but what it keeps runs later with whatever it can reach.',
    risk: 'high',
    anyModifier: ['execution:stored'],
  },
  {
    id: 'ARBITRARY_CODE',
    when: 'Runs arbitrary code, shell commands, scripts or queries on the machine or database it reaches: it can do anything that can, destroying included.',
    risk: 'critical',
    anyCapability: ['code-execution'],
  },
  {
    id: 'RUNS_NAMED',
    when: "Runs something the server already holds that the caller names (one of its own tools, a stored script, a planned migration) with the caller's arguments: it can do whatever that does, deleting included, though no code the caller wrote runs.",
    risk: 'high',
    anyModifier: ['execution:named'],
  },
  {
    id: 'BULK_DESTRUCTION',
    when: 'Destroys infrastructure, databases or files in bulk (all, batch, recursive).',
    risk: 'critical',
    categories: ['destructive'],
    anyCapability: ['infrastructure', 'database', 'filesystem'],
    bulk: true,
  },
  {
    id: 'DESTRUCTIVE',
    when: 'Deletes, overwrites, revokes, cancels or terminates something.',
    risk: 'high',
    categories: ['destructive'],
  },
  {
    id: 'PAGE_SCRIPT',
    when: 'Runs scripts inside a browser page: it acts with whatever session that page is logged in to (not on the machine itself).',
    risk: 'high',
    anyModifier: ['execution:page'],
  },
  {
    id: 'KEEPS_MONEY_RECORDS',
    when: "Changes money records kept for bookkeeping or a budget (a budget app's transaction, an expense claim, a ledger row) without moving money: private financial data, no payment.",
    risk: 'medium',
    categories: ['write'],
    anyCapability: ['financial'],
    anyModifier: ['money-bookkeeping'],
  },
  {
    id: 'MOVES_MONEY',
    when: 'A change involving money: payments, refunds, invoices, prices.',
    risk: 'high',
    categories: ['write'],
    anyCapability: ['financial'],
  },
  {
    id: 'MESSAGES_PEOPLE',
    when: 'Sends messages, mail or notifications to people.',
    risk: 'high',
    categories: ['write'],
    anyCapability: ['messaging'],
    anyModifier: ['sends'],
  },
  {
    id: 'PUBLISHES',
    when: 'Publishes a page, a document, a site or an entry for anyone to see (not a message on a queue).',
    risk: 'high',
    categories: ['write'],
    anyModifier: ['publishes'],
  },
  {
    id: 'SHARES',
    when: 'Shares something with other people, other organisations, anyone with a link or the public: it changes who can see or edit it.',
    risk: 'high',
    categories: ['write'],
    anyModifier: ['shares'],
  },
  {
    id: 'CHANGES_ACCESS',
    when: 'Grants, revokes or changes a role, a permission, an ACL or a membership, or suspends or re-enables a user: it changes who can see or do what.',
    risk: 'high',
    categories: ['write'],
    anyModifier: ['changes-access'],
  },
  {
    id: 'CHANGES_SECRETS',
    when: 'Creates or changes secrets, keys, tokens or passwords.',
    risk: 'high',
    categories: ['write'],
    anyCapability: ['credentials'],
  },
  {
    id: 'WRITE',
    when: 'Any other change: creates, updates, triggers or moves something.',
    risk: 'medium',
    categories: ['write'],
  },
  {
    id: 'QUERY_READ_ONLY_EXPLICIT',
    when: 'Runs free-form queries the server explicitly calls read-only (a read-only query, transaction or connection; other statements rejected): reads anything the connection can see.',
    risk: 'medium',
    categories: ['read'],
    anyModifier: ['execution:read-only'],
    allModifiers: ['guard:explicit'],
  },
  {
    id: 'QUERY_READ_ONLY_IMPLIED',
    when: 'Runs free-form queries whose description only implies reads ("perform SELECT operations") without calling them read-only or saying what stops a change: a read by intent, with a weak guard.',
    risk: 'high',
    categories: ['read'],
    anyModifier: ['execution:read-only'],
  },
  {
    id: 'READS_SECRETS',
    when: 'Reads secrets, keys, tokens or environment variables.',
    risk: 'medium',
    categories: ['read'],
    anyCapability: ['credentials'],
  },
  {
    id: 'READS_OUTSIDE',
    when: 'Reads arbitrary URLs, files, browser sessions, mailboxes or personal data.',
    risk: 'medium',
    categories: ['read'],
    anyCapability: ['network-egress', 'filesystem', 'browser', 'messaging', 'personal-data'],
  },
  {
    id: 'READS_MONEY_RECORDS',
    when: "Reads a party's own money records: invoices, billing, payments, transactions, balances, what is owed (not public prices or market data).",
    risk: 'medium',
    categories: ['read'],
    anyCapability: ['financial'],
    anyModifier: ['money-records'],
  },
  {
    id: 'READ',
    when: 'Any other read: looks up, computes or renders, with no sensitive reach.',
    risk: 'low',
    categories: ['read'],
  },
];

/** Applies RISK_RULES; returns the risk and the id of the rule that set it. */
export function deriveRisk(
  category: Category,
  capabilities: readonly Capability[],
  bulk: boolean,
  modifiers: readonly string[] = [],
): { risk: Risk; rule: string } {
  for (const rule of RISK_RULES) {
    if (rule.anyModifier !== undefined && !rule.anyModifier.some((m) => modifiers.includes(m))) continue;
    if (rule.allModifiers !== undefined && !rule.allModifiers.every((m) => modifiers.includes(m))) continue;
    if (rule.categories !== undefined && !rule.categories.includes(category)) continue;
    if (rule.anyCapability !== undefined && !rule.anyCapability.some((c) => capabilities.includes(c))) continue;
    if (rule.bulk === true && !bulk) continue;
    return { risk: rule.risk, rule: rule.id };
  }
  return { risk: 'medium', rule: 'FALLBACK' };
}
