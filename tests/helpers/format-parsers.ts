// Parses a policy file of any registered format with the real parser for its file type (JSON, YAML, TOML via smol-toml,
// Cedar via the Cedar engine's own parser), and checks it against the target's documented shape; throws on any problem.
import { checkParsePolicySet, policySetTextToParts } from '@cedar-policy/cedar-wasm/nodejs';
import { parse as parseCel } from '@bufbuild/cel';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { checkPolicy, type PolicyFormat } from '../../src/core/policy/index.ts';

/** Cedar source → its policies' texts; throws with the engine's messages when it does not parse. */
export function parseCedar(text: string): string[] {
  const checked = checkParsePolicySet({ staticPolicies: text });
  if (checked.type !== 'success') throw new Error(`Cedar does not parse: ${JSON.stringify(checked.errors)}`);
  const parts = policySetTextToParts(text);
  if (parts.type !== 'success') throw new Error(`Cedar does not split: ${JSON.stringify(parts.errors)}`);
  return parts.policies;
}

/** The parsed document (JSON, YAML, TOML value or Cedar policy texts); throws when the text does not parse. */
export function parseFormatText(format: Pick<PolicyFormat, 'fileName'>, text: string): unknown {
  const ext = format.fileName.slice(format.fileName.lastIndexOf('.') + 1);
  switch (ext) {
    case 'json':
      return JSON.parse(text);
    case 'yaml':
      return parseYaml(text, { strict: true, uniqueKeys: true });
    case 'toml':
      return parseToml(text);
    case 'cedar':
      return parseCedar(text);
    default:
      throw new Error(`No parser for .${ext} files; add one to tests/helpers/format-parsers.ts.`);
  }
}

const names = z.array(z.string());
const celRule = z.union([
  z.string(),
  z.strictObject({ allow: z.string() }),
  z.strictObject({ deny: z.string() }),
  z.strictObject({ require: z.string() }),
]);
const approval = z.enum(['auto', 'prompt', 'approve']);

/**
 * Each target's documented shape, as far as these files use it: ToolHive docs/authz.md (cedarv1 config), agentgateway
 * authorization.rs (RuleSerde), Claude Code settings permissions, Codex mcp_types.rs (RawMcpServerConfig,
 * deny_unknown_fields).
 */
export const FORMAT_SCHEMAS: Record<string, (doc: unknown) => void> = {
  policylayer: (doc) => expectOk(checkPolicy(doc, { strict: true })),
  'policylayer-hardened': (doc) => expectOk(checkPolicy(doc)),
  intercept: (doc) =>
    void z
      .object({
        version: z.literal('1'),
        default: z.enum(['allow', 'deny']),
        hide: names.optional(),
        tools: z
          .record(
            z.string(),
            z.strictObject({ rules: z.array(z.object({ name: z.string(), action: z.enum(['evaluate', 'deny']) })) }),
          )
          .optional(),
      })
      .strict()
      .parse(doc),
  toolhive: (doc) => {
    const c = z
      .strictObject({
        version: z.literal('1.0'),
        type: z.literal('cedarv1'),
        cedar: z.strictObject({ policies: names, entities_json: z.string() }),
      })
      .parse(doc);
    // Parsed together, the strings must give exactly one statement each (a string holding two would give more).
    if (parseCedar(c.cedar.policies.join('\n')).length !== c.cedar.policies.length)
      throw new Error('Every ToolHive policy string must hold exactly one Cedar statement.');
    JSON.parse(c.cedar.entities_json);
  },
  docker: (doc) => {
    for (const p of doc as string[])
      if (!/action == MCP::Action::"(register|invokeTool)"/.test(p))
        throw new Error(`Not an MCP-namespace policy: ${p}`);
  },
  agentgateway: (doc) => {
    const d = z.strictObject({ mcpAuthorization: z.strictObject({ rules: z.array(celRule) }) }).parse(doc);
    for (const r of d.mcpAuthorization.rules) parseCel(typeof r === 'string' ? r : Object.values(r)[0]!);
  },
  'claude-code': (doc) => {
    const rule = z.string().regex(/^mcp__[A-Za-z0-9_-]+(?:__[A-Za-z0-9_-]+)?$/);
    z.strictObject({
      permissions: z.strictObject({ allow: z.array(rule), ask: z.array(rule), deny: z.array(rule) }),
    }).parse(doc);
  },
  codex: (doc) => {
    const server = z.strictObject({
      enabled_tools: names.optional(),
      disabled_tools: names.optional(),
      default_tools_approval_mode: approval.optional(),
      tools: z.record(z.string(), z.strictObject({ approval_mode: approval.optional() })).optional(),
    });
    const d = z.strictObject({ mcp_servers: z.record(z.string().regex(/^[a-zA-Z0-9_-]+$/), server) }).parse(doc);
    if (Object.keys(d.mcp_servers).length !== 1) throw new Error('A Codex fragment configures exactly one server.');
  },
  // Gemini CLI docs/reference/policy-engine.md ("TOML rule schema") and packages/core/src/policy/toml-loader.ts
  // (PolicyRuleSchema: toolName required and non-empty, priority an integer 0-999).
  'gemini-cli': (doc) => {
    const rule = z.strictObject({
      mcpName: z.string(),
      toolName: z.string().min(1),
      decision: z.enum(['allow', 'deny', 'ask_user']),
      priority: z.number().int().min(0).max(999),
      denyMessage: z.string().optional(),
    });
    z.strictObject({ rule: z.array(rule) }).parse(doc);
  },
};

function expectOk(r: { ok: boolean; errors: unknown[] }): void {
  if (!r.ok) throw new Error(`policy check failed: ${JSON.stringify(r.errors)}`);
}

/** Parses and schema-checks one rendered file; returns the parsed document. */
export function checkFormatText(format: Pick<PolicyFormat, 'id' | 'fileName'>, text: string): unknown {
  const doc = parseFormatText(format, text);
  const schema = FORMAT_SCHEMAS[format.id];
  if (!schema)
    throw new Error(
      `No documented schema for format ${format.id}; add one to FORMAT_SCHEMAS in tests/helpers/format-parsers.ts.`,
    );
  schema(doc);
  return doc;
}
