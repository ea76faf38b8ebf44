// The policy.json document users download: PolicyLayer's hosted gateway format, as far as it is public (see docs/policy
// format notes).
import { z } from 'zod';

/**
 * Provenance of each construct (source: shared/reference/policylayer-format.md):
 * ATTESTED  = seen verbatim in PolicyLayer's docs or published examples;
 * INFERRED  = modelled on the open-source Intercept proxy and PolicyLayer's log pointers, not seen in a hosted JSON example.
 * `toolgate policy generate --strict` emits attested constructs only.
 */

/** Intercept's condition operators (INFERRED for the hosted format: only `gt` is attested there). */
export const OperatorSchema = z.enum([
  'eq',
  'neq',
  'in',
  'not_in',
  'lt',
  'lte',
  'gt',
  'gte',
  'regex',
  'contains',
  'exists',
]);
export type Operator = z.infer<typeof OperatorSchema>;

/** Argument path: `args.` then one or more non-empty segments; each dot walks one level into a nested object (INFERRED). */
export const ArgPathSchema = z
  .string()
  .regex(/^args\.[^.]+(?:\.[^.]+)*$/, 'a condition path is "args." followed by an argument name');

const conditionBase = {
  /** Which argument the condition reads, e.g. "args.amount" (INFERRED). */
  path: ArgPathSchema,
};

/**
 * One predicate over an argument (INFERRED for the hosted format; exactly Intercept's condition).
 * A missing argument makes every operator except `exists` false.
 */
export const ConditionSchema = z.discriminatedUnion('op', [
  z.strictObject({
    ...conditionBase,
    /** Equality (numbers numerically, everything else by text form). */ op: z.enum(['eq', 'neq']),
    /** Value compared with. */ value: z.union([z.string(), z.number(), z.boolean()]),
  }),
  z.strictObject({
    ...conditionBase,
    /** Membership in a list. */ op: z.enum(['in', 'not_in']),
    /** The list of values. */ value: z.array(z.union([z.string(), z.number(), z.boolean()])),
  }),
  z.strictObject({
    ...conditionBase,
    /** Numeric comparison; a non-number argument makes it false. */ op: z.enum(['lt', 'lte', 'gt', 'gte']),
    /** The bound. */ value: z.number(),
  }),
  z.strictObject({
    ...conditionBase,
    /** Unanchored RE2 match on a string argument. */ op: z.literal('regex'),
    /** RE2 pattern (no look-around, no back-references, repeats at most 1000). */ value: z.string(),
  }),
  z.strictObject({
    ...conditionBase,
    /** Substring of a string, or element of a list. */ op: z.literal('contains'),
    /** What must be contained. */ value: z.union([z.string(), z.number(), z.boolean()]),
  }),
  z.strictObject({
    ...conditionBase,
    /** Presence test: true when the argument is present and not null. */ op: z.literal('exists'),
    /** Expected presence. */ value: z.boolean(),
  }),
]);
export type Condition = z.infer<typeof ConditionSchema>;

/** A counter-based quota (ATTESTED: all four keys appear in every PolicyLayer example). */
export const LimitSchema = z.strictObject({
  /** Counter name, unique within the policy; the last segment of the decision-rule pointer (ATTESTED). */
  counter: z.string().min(1).max(128),
  /** Fixed, calendar-aligned UTC window. "minute" and "hour" are ATTESTED; "day" is INFERRED (valid in Intercept). */
  window: z.enum(['minute', 'hour', 'day']),
  /** Calls allowed per window (ATTESTED). */
  max: z.number().int().positive(),
  /** Counted per grant (per client token); the only value ever published (ATTESTED). */
  scope: z.literal('grant'),
});
export type Limit = z.infer<typeof LimitSchema>;

/** Deny the call when every condition matches; `conditions: []` denies unconditionally (ATTESTED with [], INFERRED with conditions). */
export const DenyRuleSchema = z.strictObject({
  /** ANDed predicates; an empty list always matches (ATTESTED shape: `[]`). */
  conditions: z.array(ConditionSchema),
  /** Message the agent receives when the call is denied (ATTESTED). */
  on_deny: z.string().min(1),
});
export type DenyRule = z.infer<typeof DenyRuleSchema>;

/** Allow the call only when every condition holds (INFERRED: the element shape of `require` is not published). */
export const RequireRuleSchema = z.strictObject({
  /** ANDed predicates that must all hold (INFERRED). */
  conditions: z.array(ConditionSchema).min(1),
  /** Message the agent receives when a condition fails (INFERRED). */
  on_deny: z.string().min(1).optional(),
});
export type RequireRule = z.infer<typeof RequireRuleSchema>;

/** Rules for one tool; `{}` allows the tool under `default: "deny"` (ATTESTED). */
export const ToolRulesSchema = z.strictObject({
  /** Conditions that must hold, checked first (field ATTESTED, element shape INFERRED). */
  require: z.array(RequireRuleSchema).optional(),
  /** Rules that deny, checked after `require` in order (ATTESTED). */
  deny_if: z.array(DenyRuleSchema).optional(),
  /** Per-tool quotas, reserved after every predicate passed (ATTESTED). */
  limits: z.array(LimitSchema).optional(),
});
export type ToolRules = z.infer<typeof ToolRulesSchema>;

/** A whole policy document (ATTESTED top-level keys). */
export const PolicySchema = z.strictObject({
  /** Format version; only the string "1" is recognised (ATTESTED). */
  version: z.literal('1'),
  /** What happens to tools not listed under `tools`: "deny" is the allow-list mode (ATTESTED). */
  default: z.enum(['allow', 'deny']),
  /** Tools removed from tools/list and denied; "*" hides every tool (ATTESTED). */
  hide: z.array(z.string().min(1)).optional(),
  /** Rules for every call; only `limits` is documented here (ATTESTED). */
  all_tools: z
    .strictObject({ /** Quotas counted across every tool call (ATTESTED). */ limits: z.array(LimitSchema).optional() })
    .optional(),
  /** Per-tool rules keyed by the exact MCP tool name (ATTESTED). */
  tools: z.record(z.string(), ToolRulesSchema).optional(),
});
export type Policy = z.infer<typeof PolicySchema>;
