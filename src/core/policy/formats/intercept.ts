// Exports a policy as Intercept YAML (the open-source proxy), translating each rule and listing what Intercept cannot
// express.
import { Document, isScalar, visit } from 'yaml';
import type { Condition, Policy, ToolRules } from '../../schemas/policy.ts';
import { limitMessage } from '../evaluate.ts';
import { compareStrings, getOwn, pointerSegment, safeQuote, setOwn } from '../util.ts';
import { fastYaml } from '../yaml-fast.ts';
import type { PolicyFormat } from './types.ts';

type Rule = Record<string, unknown>;
export type InterceptExport = {
  yaml: string;
  document: Record<string, unknown>;
  omitted: Array<{ rule: string; reason: string }>;
};

const NEGATE: Partial<Record<Condition['op'], Condition['op']>> = {
  eq: 'neq',
  neq: 'eq',
  in: 'not_in',
  not_in: 'in',
  lt: 'gte',
  lte: 'gt',
  gt: 'lte',
  gte: 'lt',
};

function cond(c: Condition): Rule {
  return { path: c.path, op: c.op, value: c.value };
}

/**
 * Intercept rules are allow-conditions and a missing argument fails them, so a deny_if item becomes the negated
 * condition only when an earlier require rule already guarantees the argument is present; otherwise the item is listed
 * as omitted.
 */
export function interceptExport(policy: Policy): InterceptExport {
  const omitted: InterceptExport['omitted'] = [];
  let numericNegated = false;
  const doc: Record<string, unknown> = { version: '1', default: policy.default };
  if (policy.hide?.length) doc.hide = [...policy.hide];
  const tools: Record<string, unknown> = {};
  for (const name of Object.keys(policy.tools ?? {}).sort(compareStrings)) {
    const r = getOwn(policy.tools, name) as ToolRules;
    const base = `/tools/${pointerSegment(name)}`;
    const rules: Rule[] = [];
    const present = new Set<string>();
    (r.require ?? []).forEach((req, i) => {
      rules.push({
        name: `require[${i}]`,
        action: 'evaluate',
        conditions: req.conditions.map(cond),
        ...(req.on_deny ? { on_deny: req.on_deny } : {}),
      });
      for (const c of req.conditions) if (c.op === 'exists' && c.value === true) present.add(c.path);
    });
    (r.deny_if ?? []).forEach((d, i) => {
      const ptr = `${base}/deny_if/${i}`;
      if (d.conditions.length === 0) {
        rules.push({ name: `deny_if[${i}]`, action: 'deny', on_deny: d.on_deny });
        return;
      }
      const c = d.conditions[0]!;
      if (d.conditions.length > 1)
        omitted.push({
          rule: ptr,
          reason: 'Intercept has no OR, so a deny rule with several conditions cannot be negated',
        });
      else if (c.op === 'exists')
        rules.push({
          name: `deny_if[${i}]`,
          action: 'evaluate',
          conditions: [{ path: c.path, op: 'exists', value: !c.value }],
          on_deny: d.on_deny,
        });
      else if (!NEGATE[c.op]) omitted.push({ rule: ptr, reason: `Intercept has no negated "${c.op}" operator` });
      else if (!present.has(c.path))
        omitted.push({
          rule: ptr,
          reason: `${c.path} is optional and Intercept denies a call whose argument is missing`,
        });
      else {
        if (['lt', 'lte', 'gt', 'gte'].includes(c.op)) numericNegated = true;
        rules.push({
          name: `deny_if[${i}]`,
          action: 'evaluate',
          conditions: [{ path: c.path, op: NEGATE[c.op], value: c.value }],
          on_deny: d.on_deny,
        });
      }
    });
    for (const l of r.limits ?? []) {
      const ptr = `${base}/limits/${pointerSegment(l.counter)}`;
      if (name.includes('.') || name === '*') {
        omitted.push({
          rule: ptr,
          reason:
            'Intercept splits counter paths on ".", so it cannot count calls to a tool whose name contains a dot (or is "*")',
        });
        continue;
      }
      rules.push({
        name: `limit ${l.counter}`,
        action: 'evaluate',
        conditions: [{ path: `state.${name}.${l.counter}`, op: 'lte', value: l.max }],
        state: { counter: l.counter, window: l.window },
        on_deny: limitMessage(l),
      });
    }
    setOwn(tools, name, { rules });
  }
  if (policy.all_tools?.limits?.length) {
    if (Object.hasOwn(tools, '*')) {
      for (const l of policy.all_tools.limits)
        omitted.push({
          rule: `/all_tools/limits/${pointerSegment(l.counter)}`,
          reason: 'a tool literally named "*" occupies Intercept\'s wildcard key',
        });
    } else {
      setOwn(tools, '*', {
        rules: policy.all_tools.limits.map((l) => ({
          name: `limit ${l.counter}`,
          action: 'evaluate',
          conditions: [{ path: `state._global.${l.counter}`, op: 'lte', value: l.max }],
          state: { counter: l.counter, window: l.window },
          on_deny: limitMessage(l),
        })),
      });
    }
  }
  if (Object.keys(tools).length) doc.tools = tools;
  const header = [
    '# Intercept policy (github.com/PolicyLayer/Intercept), exported by Toolgate from policy.json.',
    '# Run: intercept -c policy.yaml -- <your MCP server command>. Counters are per proxy process (policy.json counts per grant).',
    ...(numericNegated
      ? [
          '# Negated numeric checks also deny a value that is not a number, where policy.json would let it through to the server.',
        ]
      : []),
    ...(omitted.length ? ['# Rules policy.json has but Intercept cannot express (enforce them elsewhere):'] : []),
    ...omitted.map((o) => `#   ${safeQuote(o.rule, 120)}: ${o.reason}`),
  ];
  // fastYaml writes the same bytes for the common shape far faster; it declines anything it cannot reproduce exactly.
  const body = escapeNonPrintable(fastYaml(doc) ?? slowYaml(doc));
  return { yaml: header.join('\n') + '\n' + body, document: doc, omitted };
}

// Characters YAML does not allow raw (C1 controls, lone surrogates, U+FFFE/FFFF, a BOM inside the text) and the line
// separators Go's yaml.v3, which Intercept uses, reads as line breaks (NEL, U+2028, U+2029): a tool name holding one
// made the file unparseable there. Every string is double-quoted, where a \u escape means the same character to every
// parser.
const NON_PRINTABLE =
  /[\u0080-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const NON_PRINTABLE_ONE = new RegExp(NON_PRINTABLE.source);

function escapeNonPrintable(yaml: string): string {
  return yaml.replace(NON_PRINTABLE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// The yaml package writes plain keys where it can; a key holding a character escapeNonPrintable rewrites must be
// quoted.
function slowYaml(doc: Record<string, unknown>): string {
  const options = {
    lineWidth: 0,
    minContentWidth: 0,
    defaultKeyType: 'PLAIN',
    defaultStringType: 'QUOTE_DOUBLE',
  } as const;
  const document = new Document(doc);
  visit(document, {
    Pair(_, pair) {
      if (isScalar(pair.key) && typeof pair.key.value === 'string' && NON_PRINTABLE_ONE.test(pair.key.value))
        pair.key.type = 'QUOTE_DOUBLE';
    },
  });
  return document.toString(options);
}

export function toIntercept(policy: Policy): string {
  return interceptExport(policy).yaml;
}

export const intercept: PolicyFormat = {
  id: 'intercept',
  label: 'Intercept proxy (YAML)',
  fileName: 'policy.intercept.yaml',
  mediaType: 'text/yaml',
  howToUse:
    'Run the open-source Intercept proxy in front of the server: intercept -c policy.intercept.yaml -- <your MCP server command>.',
  cannotExpress: [
    'A deny rule on an optional argument (Intercept denies a call whose argument is missing), and OR of several conditions.',
    'Limits on a tool whose name contains a dot. Counters are per proxy process, not per grant.',
  ],
  render(policy) {
    const e = interceptExport(policy);
    return { text: e.yaml, losses: e.omitted.map((o) => ({ rule: o.rule, reason: o.reason })) };
  },
};
