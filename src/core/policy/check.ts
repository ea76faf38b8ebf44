// biome-ignore-all format: its word lists and tables read best packed, several items a line
// policy check: every error in a policy document at once, each with its JSON path, what is wrong, and how to fix it.
import { OperatorSchema } from '../schemas/policy.ts';
import { hasNestedQuantifier, regexProblem } from './regex.ts';
import type { PolicyErrorCode } from '../findings/policy-check.ts';
import { compareStrings, getOwn, isPlainObject, jsonPath, safeQuote } from './util.ts';

/** One problem in a policy: a permanent code (its explanation is in src/core/findings/policy-check.ts), where, what, how to fix. */
export type PolicyError = { code: PolicyErrorCode; path: string; message: string; hint: string };
export type CheckResult = { ok: boolean; errors: PolicyError[] };
export type CheckOptions = { /** Also reject constructs not attested for the hosted format (require, non-empty conditions, window "day"). */ strict?: boolean };

type Seg = Array<string | number>;

const INTERCEPT_KEYS = new Set(['rules', 'rate_limit', 'action', 'state', 'name', 'description', 'increment', 'increment_from']);
const OPS: readonly string[] = OperatorSchema.options;
const OP_ALIASES: Record<string, string> = { '==': 'eq', '!=': 'neq', '<': 'lt', '<=': 'lte', '>': 'gt', '>=': 'gte', matches: 'regex', starts_with: 'regex with a leading ^', not_exists: 'exists with value false', equals: 'eq', ne: 'neq' };

function describe(v: unknown): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `the string ${safeQuote(v, 60)}`;
  if (typeof v === 'number' || typeof v === 'boolean') return `the ${typeof v} ${String(v)}`;
  return `an ${typeof v}`;
}

export function checkPolicy(json: unknown, options: CheckOptions = {}): CheckResult {
  const errors: PolicyError[] = [];
  const err = (code: PolicyErrorCode, seg: Seg, message: string, hint: string) => errors.push({ code, path: jsonPath(seg), message, hint });
  const strict = options.strict ?? false;

  const unknownKeys = (obj: Record<string, unknown>, seg: Seg, allowed: string[], where: string) => {
    for (const k of Object.keys(obj).sort(compareStrings)) {
      if (allowed.includes(k)) continue;
      const near = allowed.find((a) => a.toLowerCase().replace(/[-_]/g, '') === k.toLowerCase().replace(/[-_]/g, ''));
      const hint = near
        ? `Rename it to "${near}" (keys are lower-case, with underscores).`
        : INTERCEPT_KEYS.has(k)
          ? `"${k}" belongs to Intercept's YAML format, not to policy.json; allowed here: ${allowed.join(', ')}. Use \`policy generate --format intercept\` for Intercept.`
          : `Remove it; ${where} may only hold: ${allowed.join(', ')}.`;
      err('POLICY_UNKNOWN_KEY', [...seg, k], `Unknown key ${safeQuote(k, 60)} in ${where}.`, hint);
    }
  };

  if (!isPlainObject(json)) {
    err('POLICY_NOT_OBJECT', [], `A policy must be a JSON object, but this is ${describe(json)}.`, 'Start from {"version": "1", "default": "deny", "tools": {}}.');
    return { ok: false, errors };
  }
  unknownKeys(json, [], ['version', 'default', 'hide', 'all_tools', 'tools'], 'the top level');

  const version = getOwn(json, 'version');
  if (version !== '1') {
    err('POLICY_VERSION_INVALID', ['version'], version === 1 ? 'version is the number 1, but must be the string "1".' : `version must be the string "1", but is ${describe(version)}.`, 'Write "version": "1" (with quotes); "1" is the only version PolicyLayer recognises.');
  }
  const def = getOwn(json, 'default');
  if (def !== 'allow' && def !== 'deny') {
    err('POLICY_DEFAULT_INVALID', ['default'], `default must be "allow" or "deny", but is ${describe(def)}.`, 'Use "deny" (tools not listed under "tools" are blocked) unless you really want every unlisted tool allowed.');
  }

  const hide = getOwn(json, 'hide');
  const hidden = new Set<string>();
  if (hide !== undefined) {
    if (!Array.isArray(hide)) err('POLICY_HIDE_NOT_LIST', ['hide'], `hide must be a list of tool names, but is ${describe(hide)}.`, 'Write "hide": ["tool_name"], or remove the key.');
    else
      hide.forEach((h, i) => {
        if (typeof h !== 'string' || h.trim() === '') err('POLICY_HIDE_ENTRY_INVALID', ['hide', i], `hide entries must be non-empty tool names, but this one is ${describe(h)}.`, 'Remove the entry or write the exact tool name.');
        else if (hidden.has(h)) err('POLICY_HIDE_DUPLICATE', ['hide', i], `Tool ${safeQuote(h, 60)} is hidden twice.`, 'Remove the duplicate entry.');
        else hidden.add(h);
      });
  }

  const counters = new Map<string, string>();
  const checkLimits = (limits: unknown, seg: Seg) => {
    if (!Array.isArray(limits)) {
      err('POLICY_LIMITS_NOT_LIST', seg, `limits must be a list of limit objects, but is ${describe(limits)}.`, 'Write "limits": [{"counter": "name", "window": "minute", "max": 30, "scope": "grant"}].');
      return;
    }
    limits.forEach((l, i) => {
      const s = [...seg, i];
      if (!isPlainObject(l)) {
        err('POLICY_LIMIT_NOT_OBJECT', s, `A limit must be an object, but this one is ${describe(l)}.`, 'Write {"counter": "name", "window": "minute", "max": 30, "scope": "grant"}.');
        return;
      }
      unknownKeys(l, s, ['counter', 'window', 'max', 'scope'], 'a limit');
      const c = getOwn(l, 'counter');
      if (typeof c !== 'string' || c === '' || c.length > 128) err('POLICY_COUNTER_INVALID', [...s, 'counter'], `counter must be a name of 1 to 128 characters, but is ${describe(c)}.`, 'Name the counter after the tool and window, e.g. "create_issue_rate".');
      else if (counters.has(c)) err('POLICY_COUNTER_DUPLICATE', [...s, 'counter'], `Counter ${safeQuote(c, 60)} is already used at ${counters.get(c)}.`, 'Give every limit its own counter name; whether PolicyLayer shares a counter between two limits is undocumented.');
      else counters.set(c, jsonPath(s));
      const w = getOwn(l, 'window');
      if (w !== 'minute' && w !== 'hour' && w !== 'day') {
        err('POLICY_WINDOW_INVALID', [...s, 'window'], `window must be "minute", "hour" or "day", but is ${describe(w)}.`, typeof w === 'number' ? 'window is the name of a calendar window, not a number of seconds: use "minute" for 60.' : 'Use "minute" or "hour" (both attested for PolicyLayer), or "day".');
      } else if (w === 'day' && strict) {
        err('POLICY_WINDOW_NOT_ATTESTED', [...s, 'window'], 'window "day" is not attested for PolicyLayer\'s hosted format (--strict).', 'Use "hour" with a proportionally smaller max, or drop --strict if your gateway accepts "day".');
      }
      const m = getOwn(l, 'max');
      if (typeof m !== 'number' || !Number.isInteger(m) || m < 1) err('POLICY_MAX_INVALID', [...s, 'max'], `max must be a whole number of calls, 1 or more, but is ${describe(m)}.`, 'To block the tool entirely use "deny_if": [{"conditions": [], "on_deny": "…"}] instead of max 0.');
      const sc = getOwn(l, 'scope');
      if (sc !== 'grant') err('POLICY_SCOPE_INVALID', [...s, 'scope'], `scope must be "grant", but is ${describe(sc)}.`, '"grant" (one counter per client token) is the only scope PolicyLayer documents.');
    });
  };

  const allTools = getOwn(json, 'all_tools');
  if (allTools !== undefined) {
    if (!isPlainObject(allTools)) err('POLICY_ALL_TOOLS_NOT_OBJECT', ['all_tools'], `all_tools must be an object, but is ${describe(allTools)}.`, 'Write "all_tools": {"limits": [...]}.');
    else {
      unknownKeys(allTools, ['all_tools'], ['limits'], 'all_tools (only limits are documented there; put require and deny_if under tools)');
      const l = getOwn(allTools, 'limits');
      if (l !== undefined) checkLimits(l, ['all_tools', 'limits']);
    }
  }

  const checkCondition = (c: unknown, seg: Seg) => {
    if (!isPlainObject(c)) {
      err('POLICY_CONDITION_NOT_OBJECT', seg, `A condition must be an object, but this one is ${describe(c)}.`, 'Write {"path": "args.name", "op": "eq", "value": "x"}.');
      return;
    }
    unknownKeys(c, seg, ['path', 'op', 'value'], 'a condition');
    const p = getOwn(c, 'path');
    if (typeof p !== 'string' || !/^args\.[^.]+(?:\.[^.]+)*$/.test(p)) {
      const hint = typeof p === 'string' && p.startsWith('state.') ? 'state.* paths are Intercept-only; in policy.json use "limits" for counters.' : typeof p === 'string' && p !== '' && !p.startsWith('args.') ? `Prefix the argument name: "args.${p.replace(/^\.+/, '')}".` : 'Write "args.<argument name>", e.g. "args.path".';
      err('POLICY_CONDITION_PATH_INVALID', [...seg, 'path'], `path must be "args." followed by an argument name, but is ${describe(p)}.`, hint);
    }
    const op = getOwn(c, 'op');
    const v = getOwn(c, 'value');
    if (typeof op !== 'string' || !OPS.includes(op)) {
      const alias = typeof op === 'string' ? OP_ALIASES[op] : undefined;
      err('POLICY_OPERATOR_UNKNOWN', [...seg, 'op'], typeof op === 'string' ? `Unknown operator ${safeQuote(op, 40)}.` : `op must be an operator name, but is ${describe(op)}.`, alias ? `Use ${alias} instead.` : `Use one of: ${OPS.join(', ')}.`);
      return;
    }
    if (!Object.hasOwn(c, 'value')) {
      err('POLICY_CONDITION_VALUE_MISSING', [...seg, 'value'], `Condition with operator "${op}" has no value.`, op === 'exists' ? 'Add "value": true (argument must be present) or false.' : 'Add the value to compare with.');
      return;
    }
    const scalar = (x: unknown) => typeof x === 'string' || typeof x === 'boolean' || (typeof x === 'number' && Number.isFinite(x));
    if ((op === 'in' || op === 'not_in') && !(Array.isArray(v) && v.every(scalar))) err('POLICY_CONDITION_VALUE_INVALID', [...seg, 'value'], `Operator "${op}" needs a list of strings, numbers or booleans, but the value is ${describe(v)}.`, `Write "value": [${scalar(v) ? JSON.stringify(v) : '"a", "b"'}].`);
    if (['lt', 'lte', 'gt', 'gte'].includes(op) && !(typeof v === 'number' && Number.isFinite(v))) err('POLICY_CONDITION_VALUE_INVALID', [...seg, 'value'], `Operator "${op}" needs a number, but the value is ${describe(v)}.`, typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? `Remove the quotes: "value": ${Number(v)}.` : 'Write the bound as a JSON number.');
    if (op === 'exists' && typeof v !== 'boolean') err('POLICY_CONDITION_VALUE_INVALID', [...seg, 'value'], `Operator "exists" needs true or false, but the value is ${describe(v)}.`, 'Write "value": true (the argument must be present) or false.');
    if ((op === 'eq' || op === 'neq' || op === 'contains') && !scalar(v)) err('POLICY_CONDITION_VALUE_INVALID', [...seg, 'value'], `Operator "${op}" needs a string, number or boolean, but the value is ${describe(v)}.`, op === 'eq' ? 'To compare with several values use "in" with a list.' : 'Write a single value.');
    if (op === 'regex') {
      if (typeof v !== 'string') err('POLICY_CONDITION_VALUE_INVALID', [...seg, 'value'], `Operator "regex" needs a pattern string, but the value is ${describe(v)}.`, 'Write the pattern as a JSON string, e.g. "^[a-z]+$".');
      else {
        const problem = regexProblem(v);
        if (problem) err('POLICY_REGEX_NOT_PORTABLE', [...seg, 'value'], `The regex ${safeQuote(v, 80)} is not portable to RE2: ${problem}.`, 'Gateways compile patterns with RE2 (Go); rewrite it without that construct.');
        else if (hasNestedQuantifier(v)) err('POLICY_REGEX_BACKTRACKS', [...seg, 'value'], `The regex ${safeQuote(v, 80)} repeats a group that itself holds a repeat (like (a+)+); a backtracking engine takes exponential time on it.`, 'Repeat the inner part once, e.g. write (a+)+ as a+ and (\\w+\\s?)* as [\\w\\s]*.');
      }
    }
  };

  const checkRuleList = (list: unknown, seg: Seg, kind: 'require' | 'deny_if') => {
    if (!Array.isArray(list)) {
      err('POLICY_RULES_NOT_LIST', seg, `${kind} must be a list of rule objects, but is ${describe(list)}.`, `Write "${kind}": [{"conditions": [...], "on_deny": "message"}].`);
      return;
    }
    if (kind === 'require' && strict && list.length) err('POLICY_REQUIRE_NOT_ATTESTED', seg, 'require is not attested for PolicyLayer\'s hosted format (--strict).', 'Drop the argument rules, or drop --strict after checking them in the dashboard\'s Raw JSON editor.');
    list.forEach((r, i) => {
      const s = [...seg, i];
      if (!isPlainObject(r)) {
        err('POLICY_RULE_NOT_OBJECT', s, `A ${kind} rule must be an object, but this one is ${describe(r)}.`, `Write {"conditions": [...], "on_deny": "message"}.`);
        return;
      }
      unknownKeys(r, s, ['conditions', 'on_deny'], `a ${kind} rule`);
      const conds = getOwn(r, 'conditions');
      if (!Array.isArray(conds)) err('POLICY_CONDITIONS_NOT_LIST', [...s, 'conditions'], `conditions must be a list, but is ${describe(conds)}.`, kind === 'deny_if' ? 'Use "conditions": [] to deny every call.' : 'List the conditions that must hold.');
      else {
        if (kind === 'require' && conds.length === 0) err('POLICY_REQUIRE_EMPTY', [...s, 'conditions'], 'A require rule with no conditions requires nothing.', 'Add a condition, or remove the rule.');
        if (kind === 'deny_if' && strict && conds.length) err('POLICY_CONDITIONS_NOT_ATTESTED', [...s, 'conditions'], 'Argument conditions are not attested for PolicyLayer\'s hosted format (--strict).', 'Use "conditions": [] (deny every call), or drop --strict.');
        conds.forEach((c, j) => checkCondition(c, [...s, 'conditions', j]));
      }
      const msg = getOwn(r, 'on_deny');
      if (kind === 'deny_if' ? typeof msg !== 'string' || msg.trim() === '' : msg !== undefined && (typeof msg !== 'string' || msg.trim() === '')) {
        err('POLICY_ON_DENY_INVALID', [...s, 'on_deny'], `on_deny must be a non-empty message, but is ${describe(msg)}.`, 'Say why the call is refused, e.g. "Requires human approval."');
      }
    });
  };

  const tools = getOwn(json, 'tools');
  if (tools !== undefined) {
    if (!isPlainObject(tools)) err('POLICY_TOOLS_NOT_OBJECT', ['tools'], `tools must be an object keyed by tool name, but is ${describe(tools)}.`, 'Write "tools": {"tool_name": {}} — an object, not a list.');
    else
      for (const name of Object.keys(tools).sort(compareStrings)) {
        const t = getOwn(tools, name);
        const seg: Seg = ['tools', name];
        if (hidden.has(name)) err('POLICY_TOOL_HIDDEN_AND_RULED', seg, `Tool ${safeQuote(name, 60)} is both hidden and given rules.`, 'A hidden tool is always denied, so its rules would never apply: remove it from "hide" or from "tools".');
        if (!isPlainObject(t)) {
          err('POLICY_TOOL_RULES_NOT_OBJECT', seg, `The rules for a tool must be an object, but are ${describe(t)}.`, t === true || t === 'allow' ? 'Write {} to allow the tool.' : 'Write {} to allow it, or {"deny_if": [{"conditions": [], "on_deny": "…"}]} to deny it.');
          continue;
        }
        unknownKeys(t, seg, ['require', 'deny_if', 'limits'], 'a tool\'s rules');
        const req = getOwn(t, 'require');
        if (req !== undefined) checkRuleList(req, [...seg, 'require'], 'require');
        const deny = getOwn(t, 'deny_if');
        if (deny !== undefined) checkRuleList(deny, [...seg, 'deny_if'], 'deny_if');
        const lim = getOwn(t, 'limits');
        if (lim !== undefined) checkLimits(lim, [...seg, 'limits']);
      }
  }
  return { ok: errors.length === 0, errors };
}
