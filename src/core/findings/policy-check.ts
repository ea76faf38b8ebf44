// Every error code of `policy check` (src/core/policy/check.ts); each error also carries its own path, message and
// hint.
import type { FindingInfo } from './types.ts';

const POLICY_ERRORS = {
  POLICY_NOT_OBJECT: ['Not a JSON object', 'A policy document is one JSON object with version, default and tools.'],
  POLICY_UNKNOWN_KEY: [
    'Unknown key',
    'The key is not part of the policy.json format at this place; gateways reject or ignore it.',
  ],
  POLICY_VERSION_INVALID: ['Wrong version', 'version must be the string "1", the only version PolicyLayer recognises.'],
  POLICY_DEFAULT_INVALID: [
    'Wrong default',
    'default must be "allow" or "deny": what happens to tools not listed under tools.',
  ],
  POLICY_HIDE_NOT_LIST: ['hide is not a list', 'hide lists the names of tools the agent must not even see.'],
  POLICY_HIDE_ENTRY_INVALID: ['Empty hide entry', 'Every hide entry must be a tool name.'],
  POLICY_HIDE_DUPLICATE: ['Tool hidden twice', 'A tool name appears twice in hide.'],
  POLICY_LIMITS_NOT_LIST: ['limits is not a list', 'limits is a list of rate-limit objects.'],
  POLICY_LIMIT_NOT_OBJECT: ['Limit is not an object', 'A limit is an object with counter, window, max and scope.'],
  POLICY_COUNTER_INVALID: ['Bad counter name', 'A limit counter must be a name of 1 to 128 characters.'],
  POLICY_COUNTER_DUPLICATE: [
    'Counter used twice',
    'Two limits share a counter name; whether a gateway shares the count is undocumented.',
  ],
  POLICY_WINDOW_INVALID: ['Bad window', 'window names a calendar window: "minute", "hour" or "day".'],
  POLICY_WINDOW_NOT_ATTESTED: [
    'Window not attested (--strict)',
    'The "day" window appears in no published PolicyLayer example.',
  ],
  POLICY_MAX_INVALID: ['Bad max', 'max is a whole number of calls, 1 or more.'],
  POLICY_SCOPE_INVALID: ['Bad scope', '"grant" (one counter per client token) is the only documented scope.'],
  POLICY_ALL_TOOLS_NOT_OBJECT: [
    'all_tools is not an object',
    'all_tools holds limits that apply to every tool together.',
  ],
  POLICY_CONDITION_NOT_OBJECT: ['Condition is not an object', 'A condition is an object with path, op and value.'],
  POLICY_CONDITION_PATH_INVALID: ['Bad condition path', 'A condition path is "args." followed by an argument name.'],
  POLICY_OPERATOR_UNKNOWN: ['Unknown operator', "The condition operator is not one of the format's operators."],
  POLICY_CONDITION_VALUE_MISSING: ['Condition without value', 'Every condition compares with a value.'],
  POLICY_CONDITION_VALUE_INVALID: [
    'Value does not fit the operator',
    'The value has the wrong type for the operator (a list for in, a number for lt, …).',
  ],
  POLICY_REGEX_NOT_PORTABLE: [
    'Regex not portable to RE2',
    'Gateways compile patterns with RE2 (Go), which lacks look-around, back-references and some repeats.',
  ],
  POLICY_REGEX_BACKTRACKS: [
    'Regex with nested repeats',
    'A repeated group holds a repeat of its own (like (a+)+); backtracking engines (JavaScript, PCRE, Python) take exponential time on such a pattern. RE2 gateways and the reference evaluator do not, but the policy may meet another engine.',
  ],
  POLICY_RULES_NOT_LIST: ['Rules are not a list', 'require and deny_if are lists of rule objects.'],
  POLICY_REQUIRE_NOT_ATTESTED: [
    'require not attested (--strict)',
    'require rules appear in no published PolicyLayer example.',
  ],
  POLICY_RULE_NOT_OBJECT: ['Rule is not an object', 'A rule is an object with conditions and on_deny.'],
  POLICY_CONDITIONS_NOT_LIST: ['conditions is not a list', 'conditions is a list of condition objects.'],
  POLICY_REQUIRE_EMPTY: ['require rule with no conditions', 'A require rule without conditions requires nothing.'],
  POLICY_CONDITIONS_NOT_ATTESTED: [
    'Argument conditions not attested (--strict)',
    'deny_if with argument conditions appears in no published PolicyLayer example.',
  ],
  POLICY_ON_DENY_INVALID: ['Bad on_deny message', 'on_deny is the non-empty message a refused call returns.'],
  POLICY_TOOLS_NOT_OBJECT: ['tools is not an object', 'tools is an object keyed by tool name.'],
  POLICY_TOOL_HIDDEN_AND_RULED: [
    'Hidden tool with rules',
    'A hidden tool is always denied, so rules for it never apply.',
  ],
  POLICY_TOOL_RULES_NOT_OBJECT: ['Tool rules are not an object', "A tool's rules are an object ({} allows it)."],
} as const satisfies Record<string, readonly [string, string]>;

/** Permanent codes of `policy check` errors. */
export type PolicyErrorCode = keyof typeof POLICY_ERRORS;

export const POLICY_CHECK_FINDINGS: readonly FindingInfo[] = Object.entries(POLICY_ERRORS).map(
  ([code, [title, explanation]]) => ({
    code,
    source: 'policy-check' as const,
    title,
    explanation,
  }),
);
