// Starter policy defaults as data: which state each kind of tool starts in, and which argument rules are derived. Shown
// on the site.
import type { Capability, Category, Risk } from '../schemas/verdict.ts';

export type StarterState = 'allowed' | 'limited' | 'denied' | 'hidden';

export type StarterRule = {
  /** Permanent id. */
  id: string;
  /** Human text of the condition, for the site. */
  when: string;
  /** Matches when every listed field matches (an absent field matches anything). */
  match: { category?: Category[]; risk?: Risk[]; capability?: Capability[] };
  state: StarterState;
  /** Why this default, for the site. */
  why: string;
};

export type ArgumentRuleInfo = { id: string; label: string; description: string };

export const APPROVAL_MESSAGE = 'Requires human approval.';

/** Path guards for string arguments that name files: each a portable (RE2 and JavaScript) pattern, a sample it catches, and the message. */
export const PATH_GUARDS = [
  {
    id: 'dotdot',
    pattern: '(^|[/\\\\])\\.\\.([/\\\\]|$)',
    sample: '../outside/secret.txt',
    verb: 'contain a ".." segment',
    state: 'contains a ".." segment',
  },
  {
    id: 'ssh',
    pattern: '(^|[/\\\\])\\.[sS][sS][hH]([/\\\\]|$)',
    sample: '~/.ssh/id_ed25519',
    verb: 'point into a .ssh directory',
    state: 'points into a .ssh directory',
  },
  {
    id: 'etc',
    pattern: '^[/\\\\]+[eE][tT][cC]([/\\\\]|$)',
    sample: '/etc/passwd',
    verb: 'point into /etc',
    state: 'points into /etc',
  },
  {
    id: 'dotenv',
    pattern: '(^|[/\\\\])\\.[eE][nN][vV]($|[./\\\\])',
    sample: 'app/.env',
    verb: 'name a .env file',
    state: 'names a .env file',
  },
] as const;

export const POLICY_DEFAULTS = {
  /** Every server policy is an allow-list: tools not named are denied. */
  default: 'deny' as const,
  /** Rate limit for write tools and high-risk reads; the reference page for a write tool uses 30 per minute per grant. */
  writeLimit: { window: 'minute' as const, max: 30, scope: 'grant' as const },
  /** Message on unconditional denials, PolicyLayer's own wording. */
  approvalMessage: APPROVAL_MESSAGE,
  /** First match wins; the last rule matches every tool. */
  rules: [
    {
      id: 'critical-hidden',
      when: 'risk is critical',
      match: { risk: ['critical'] },
      state: 'hidden',
      why: 'A critical tool should not even be offered to the agent; enable it by hand after review.',
    },
    {
      id: 'destructive-approval',
      when: 'category is destructive',
      match: { category: ['destructive'] },
      state: 'denied',
      why: 'Deletes, overwrites and arbitrary execution need a human: the tool stays visible, every call is refused with "Requires human approval."',
    },
    {
      id: 'financial-approval',
      when: 'capability is financial and the tool changes something',
      match: { category: ['write'], capability: ['financial'] },
      state: 'denied',
      why: 'Moving money needs a human: every call is refused with "Requires human approval."',
    },
    {
      id: 'write-rate-limit',
      when: 'category is write',
      match: { category: ['write'] },
      state: 'limited',
      why: 'Writes are allowed at 30 calls per minute per grant, so a runaway loop stays small.',
    },
    {
      id: 'risky-read-rate-limit',
      when: 'category is read and risk is high',
      match: { category: ['read'], risk: ['high'] },
      state: 'limited',
      why: 'A read that can reach anything (a free-form query whose read-only guard is only implied, a script run in a logged-in page) is allowed at 30 calls per minute per grant like a write: if the guard fails, a runaway loop stays small. Allow it freely after reading the guard.',
    },
    {
      id: 'read-allow',
      when: 'category is read',
      match: {},
      state: 'allowed',
      why: 'Reads are allowed; argument rules still apply outside --strict.',
    },
  ] satisfies StarterRule[],
  /** Argument rules derived from the input schema; emitted only without --strict (their hosted syntax is inferred). */
  argumentRules: [
    {
      id: 'required-present',
      label: 'Required arguments present',
      description: 'Every argument the schema marks required must be present and not null.',
    },
    {
      id: 'enum-only',
      label: 'Enum values only',
      description: 'An argument with an enum may only take one of the listed values.',
    },
    {
      id: 'numeric-bounds',
      label: 'Numeric bounds',
      description: 'minimum, maximum, exclusiveMinimum and exclusiveMaximum are enforced.',
    },
    {
      id: 'string-length',
      label: 'String length caps',
      description: 'maxLength up to 999 characters is enforced (RE2 repeats stop at 1000).',
    },
    {
      id: 'dangerous-flags',
      label: 'Dangerous flags',
      description: 'force: true and recursive: true are denied on destructive tools.',
    },
    {
      id: 'path-guards',
      label: 'Path guards',
      description: 'File path arguments may not contain "..", point into .ssh or /etc, or name a .env file.',
    },
  ] satisfies ArgumentRuleInfo[],
} as const;

/** The first starter rule that matches a verdict. */
export function starterRuleFor(v: { category: Category; risk: Risk; capabilities: Capability[] }): StarterRule {
  for (const rule of POLICY_DEFAULTS.rules as readonly StarterRule[]) {
    const m = rule.match;
    if (m.category && !m.category.includes(v.category)) continue;
    if (m.risk && !m.risk.includes(v.risk)) continue;
    if (m.capability && !m.capability.some((c) => v.capabilities.includes(c))) continue;
    return rule;
  }
  throw new Error('POLICY_DEFAULTS.rules must end with a rule that matches every tool');
}
