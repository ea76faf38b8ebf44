// The real engines behind the formats, driven the way each gateway drives them: the Cedar engine (cedar-wasm) with
// ToolHive's and Docker's request shapes, a CEL engine (@bufbuild/cel) with agentgateway's rule combination, and the
// reference evaluator for the PolicyLayer files. Each returns a decider for one rendered file.
import {
  policySetTextToParts,
  policyToJson,
  preparsePolicySet,
  statefulIsAuthorized,
  type CedarValueJson,
  type EntityJson,
} from '@cedar-policy/cedar-wasm/nodejs';
import { celEnv, parse as parseCel, plan } from '@bufbuild/cel';
import { parse as parseYaml } from 'yaml';
import { createState, evaluate, type PolicyCall, type TestVector } from '../../src/core/policy/index.ts';
import type { FormatLoss } from '../../src/core/policy/index.ts';
import { pointerSegment } from '../../src/core/policy/util.ts';

/** "approval": allowed only after a person confirms (Docker's @requireApproval); it counts as a deny. */
export type EngineDecision = 'allow' | 'deny' | 'approval';
export type Decider = (call: Required<PolicyCall>) => EngineDecision;

let nextSet = 0;

// ToolHive's preprocessArguments and convertToCedarValue: JSON numbers arrive as Go float64 and become Cedar decimals
// (dropped when out of the decimal range); strings and booleans stay; anything else is only noted as
// arg_<name>_present.
function toolhiveArgs(args: Record<string, unknown>): Record<string, CedarValueJson> {
  const out: Record<string, CedarValueJson> = {};
  for (const [k, v] of Object.entries(args)) {
    if (typeof v === 'string' || typeof v === 'boolean') out[`arg_${k}`] = v;
    else if (typeof v === 'number') {
      if (Number.isFinite(v) && Math.abs(v) < 922337203685477)
        out[`arg_${k}`] = { __extn: { fn: 'decimal', arg: v.toFixed(4) } };
    } else out[`arg_${k}_present`] = true;
  }
  return out;
}

/** ToolHive: principal Client::<sub>, Action::"call_tool", resource Tool::<name> (child of MCP::<server>); any error denies. */
export function toolhiveDecider(text: string, server: string): Decider {
  const config = JSON.parse(text) as { cedar: { policies: string[] } };
  const id = `toolhive-${nextSet++}`;
  const staticPolicies = Object.fromEntries(config.cedar.policies.map((p, i) => [`policy${i}`, p]));
  const parsed = preparsePolicySet(id, { staticPolicies });
  if (parsed.type !== 'success') throw new Error(`ToolHive policies do not parse: ${JSON.stringify(parsed.errors)}`);
  return (call) => {
    const args = toolhiveArgs(call.arguments);
    const resource = { type: 'Tool', id: call.tool };
    const entities: EntityJson[] = [
      { uid: { type: 'Client', id: 'agent' }, attrs: {}, parents: [] },
      {
        uid: resource,
        attrs: { ...args, name: call.tool, operation: 'call', feature: 'tool' },
        parents: [{ type: 'MCP', id: server }],
      },
    ];
    const answer = statefulIsAuthorized({
      principal: { type: 'Client', id: 'agent' },
      action: { type: 'Action', id: 'call_tool' },
      resource,
      context: args,
      preparsedPolicySetId: id,
      entities,
    });
    if (answer.type !== 'success') throw new Error(`Cedar failed: ${JSON.stringify(answer.errors)}`);
    return answer.response.decision === 'allow' && answer.response.diagnostics.errors.length === 0 ? 'allow' : 'deny';
  };
}

/** Docker: action MCP::Action::"invokeTool", resource an MCP::Tool under MCP::Server::<server> with spec-default hints. */
export function dockerDecider(text: string, server: string): Decider {
  const parts = policySetTextToParts(text);
  if (parts.type !== 'success') throw new Error(`Docker policy does not parse: ${JSON.stringify(parts.errors)}`);
  const staticPolicies: Record<string, string> = {};
  const approval = new Set<string>();
  parts.policies.forEach((p, i) => {
    staticPolicies[`policy${i}`] = p;
    if (!p.includes('@requireApproval')) return;
    const json = policyToJson(p);
    if (json.type !== 'success') throw new Error(`policyToJson failed: ${JSON.stringify(json.errors)}`);
    if (json.json.annotations && Object.hasOwn(json.json.annotations, 'requireApproval')) approval.add(`policy${i}`);
  });
  const id = `docker-${nextSet++}`;
  const parsed = preparsePolicySet(id, { staticPolicies });
  if (parsed.type !== 'success') throw new Error(`Docker policies do not parse: ${JSON.stringify(parsed.errors)}`);
  return (call) => {
    const resource = { type: 'MCP::Tool', id: `${server}/${call.tool}` };
    const entities: EntityJson[] = [
      { uid: { type: 'MCP::Server', id: server }, attrs: {}, parents: [] },
      {
        uid: resource,
        attrs: { name: call.tool, readOnly: false, destructive: true, idempotent: false, openWorld: true },
        parents: [{ type: 'MCP::Server', id: server }],
      },
    ];
    const answer = statefulIsAuthorized({
      principal: { type: 'MCP::User', id: 'agent' },
      action: { type: 'MCP::Action', id: 'invokeTool' },
      resource,
      context: { request_time: call.at },
      preparsedPolicySetId: id,
      entities,
    });
    if (answer.type !== 'success') throw new Error(`Cedar failed: ${JSON.stringify(answer.errors)}`);
    if (answer.response.decision !== 'allow') return 'deny';
    return answer.response.diagnostics.reason.some((p) => approval.has(p)) ? 'approval' : 'allow';
  };
}

/** agentgateway: every rule is CEL over mcp.tool; a deny that matches denies, then all requires, then any allow. */
export function agentgatewayDecider(text: string, server: string): Decider {
  const doc = parseYaml(text) as {
    mcpAuthorization: { rules: Array<string | Record<'allow' | 'deny' | 'require', string>> };
  };
  const env = celEnv();
  const compiled = doc.mcpAuthorization.rules.map((r) => {
    const [mode, expr] = typeof r === 'string' ? ['allow', r] : (Object.entries(r)[0] as [string, string]);
    return { mode, run: plan(env, parseCel(expr)) };
  });
  const hasAllow = compiled.some((r) => r.mode === 'allow');
  return (call) => {
    const mcp = new Map([
      [
        'tool',
        new Map<string, unknown>([
          ['name', call.tool],
          ['target', server],
          ['arguments', new Map(Object.entries(call.arguments))],
        ]),
      ],
    ]);
    // eval_bool: only a boolean true matches; an evaluation error never matches.
    const holds = (r: (typeof compiled)[number]) => r.run({ mcp } as never) === true;
    if (compiled.some((r) => r.mode === 'deny' && holds(r))) return 'deny';
    if (!compiled.filter((r) => r.mode === 'require').every(holds)) return 'deny';
    if (compiled.some((r) => r.mode === 'allow' && holds(r))) return 'allow';
    return hasAllow ? 'deny' : 'allow';
  };
}

/** The reference evaluator over the rendered policy.json (its counters carried across calls, as a gateway would). */
export function referenceDecider(text: string): Decider {
  const policy = JSON.parse(text);
  const state = createState();
  return (call) => evaluate(policy, call, state).decision;
}

/** Cedar and CEL decisions depend on the call only (no counters): identical calls are decided once. */
function memo(make: (text: string, server: string) => Decider): (text: string, server: string) => Decider {
  return (text, server) => {
    const decide = make(text, server);
    const seen = new Map<string, EngineDecision>();
    return (call) => {
      const key = `${call.tool}\u0000${JSON.stringify(call.arguments)}`;
      let d = seen.get(key);
      if (d === undefined) seen.set(key, (d = decide(call)));
      return d;
    };
  };
}

/** The engine for a format id, when one runs here. */
export const ENGINES: Record<string, (text: string, server: string) => Decider> = {
  policylayer: referenceDecider,
  'policylayer-hardened': referenceDecider,
  toolhive: memo(toolhiveDecider),
  docker: memo(dockerDecider),
  agentgateway: memo(agentgatewayDecider),
};

export type VectorComparison = {
  agreed: number;
  explained: number;
  disagreements: Array<{ tool: string; expected: string; got: string; rule: string }>;
};

/**
 * Runs every vector through the decider. A decision differs from the reference only where a documented loss explains
 * it: the loss names the vector's deciding rule, or the whole tool. With a stateful engine (counters), a call a lost
 * rule let through also uses quota, so a later limit denial of the same tool (same grant) is explained by that loss
 * too.
 */
export function compareVectors(
  decide: Decider,
  vectors: readonly TestVector[],
  losses: readonly FormatLoss[],
): VectorComparison {
  const lost = new Set(losses.map((l) => l.rule));
  const leaked = new Set<string>();
  const out: VectorComparison = { agreed: 0, explained: 0, disagreements: [] };
  for (const v of vectors) {
    const raw = decide(v.call);
    const got = raw === 'approval' ? 'deny' : raw;
    const key = `${v.call.grant}\u0000${v.call.tool}`;
    if (got === v.expect.decision) out.agreed++;
    else if (lost.has(v.expect.rule) || lost.has(`/tools/${pointerSegment(v.call.tool)}`)) {
      out.explained++;
      if (got === 'allow') leaked.add(key);
    } else if (got === 'deny' && leaked.has(key)) out.explained++;
    else
      out.disagreements.push({
        tool: v.call.tool,
        expected: `${v.expect.decision} ${v.expect.rule}`,
        got: raw,
        rule: v.expect.rule,
      });
  }
  return out;
}
