// The audit's report (`npm run audit -- --format json`) and its lock file (toolgate.lock): zod schemas, the one source
// of both types and JSON Schemas.
import { z } from 'zod';
import { FindingSchema } from './finding.ts';
import { CapabilitySchema, CategorySchema, RiskSchema } from './verdict.ts';

/** Risk levels double as the audit's levels: what `--fail-on` compares against. */
export const LevelSchema = RiskSchema;
export type Level = z.infer<typeof LevelSchema>;

/** One place the audit looked for a config file. */
export const AuditConfigFileSchema = z.object({
  /** Client id (claude-code, cursor, vscode, ...). */
  client: z.string(),
  /** Absolute path of the file or block folder. */
  path: z.string(),
  /** user, project or managed (administrator) settings. */
  scope: z.enum(['user', 'project', 'managed']),
  /** parsed: read; missing: not there; invalid: not the client's format; unreadable: permissions, size or a folder. */
  status: z.enum(['parsed', 'missing', 'invalid', 'unreadable']),
  /** Server entries found in it. */
  servers: z.number().int(),
  /** Why it was skipped, or a note. */
  message: z.string().optional(),
});

/** Where a server is configured: one entry of one client's file. */
export const AuditUseSchema = z.object({
  client: z.string(),
  /** The config file. */
  file: z.string(),
  /** The server's name in that file. */
  name: z.string(),
  scope: z.enum(['user', 'project', 'managed']),
  /** The section of the file, e.g. "project /home/me/app" in ~/.claude.json. */
  section: z.string().optional(),
});

/** A line-level diff of one field: lines prefixed "+ ", "- " or "  ". */
export const FieldDiffSchema = z.object({
  /** description, title, inputSchema, outputSchema or annotations. */
  field: z.string(),
  /** Unified-style lines; untrusted text, shown with control characters made visible. */
  lines: z.array(z.string()),
});

/** A pinned tool whose content hash changed since the lock was written. */
export const ToolChangeSchema = z.object({
  /** Tool name. */
  name: z.string(),
  /** Hash in toolgate.lock. */
  before: z.string(),
  /** Hash now. */
  after: z.string(),
  /** What changed, field by field. */
  diff: z.array(FieldDiffSchema),
  /** Poisoning indicators that fire on the new text. */
  poisoning: z.array(FindingSchema),
});

/** How this server compares with toolgate.lock. */
export const PinSchema = z.object({
  /** new: not in the lock; unchanged; changed: tools added, removed or changed; unchecked: the scan failed. */
  status: z.enum(['new', 'unchanged', 'changed', 'unchecked']),
  /** Tools not in the lock. */
  added: z.array(z.string()),
  /** Locked tools the server no longer lists. */
  removed: z.array(z.string()),
  /** Locked tools whose content changed. */
  changed: z.array(ToolChangeSchema),
  /** The server's instructions (sent to the model at initialize) changed since they were pinned. */
  instructions: z.object({ lines: z.array(z.string()), poisoning: z.array(FindingSchema) }).optional(),
});

/** How this machine's tools compare with the public catalogue's snapshot of the same package@version. */
export const CatalogueComparisonSchema = z.object({
  /** Catalogue server id. */
  id: z.string(),
  /** package@version both ran. */
  package: z.string(),
  /** Tools identical to the catalogue's. */
  same: z.number().int(),
  /** Tools with the same name but different content. */
  differ: z.array(z.string()),
  /** Tools only this machine's server lists. */
  onlyHere: z.array(z.string()),
  /** Tools only the catalogue saw. */
  onlyCatalogue: z.array(z.string()),
});

/** One tool of a scanned server, classified. */
export const AuditToolSchema = z.object({
  /** Tool name as sent (untrusted). */
  name: z.string(),
  /** read, write or destructive. */
  category: CategorySchema,
  /** low, medium, high or critical. */
  risk: RiskSchema,
  /** What it can touch. */
  capabilities: z.array(CapabilitySchema),
  /** The classifier's confidence, 0..1. */
  confidence: z.number(),
  /** sha256 content hash (name, title, description, schemas, annotations). */
  hash: z.string(),
  /** Classifier findings (annotations, poisoning indicators). */
  findings: z.array(FindingSchema),
});

/** One configured server: how it is launched, whether it was scanned, its tools and their verdicts. */
export const AuditServerSchema = z.object({
  /** Id unique within this audit (slug of the config name; a client suffix when two clients use one name differently). */
  id: z.string(),
  /** The name in the config. */
  name: z.string(),
  /** Every client entry that launches this same server. */
  uses: z.array(AuditUseSchema),
  /** stdio: a command on this machine; remote: a URL. Env holds names only, never values. */
  launch: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('stdio'),
      command: z.string(),
      args: z.array(z.string()),
      envNames: z.array(z.string()),
      cwd: z.string().optional(),
    }),
    z.object({ kind: z.literal('remote'), url: z.string(), transport: z.string().optional() }),
    z.object({ kind: z.literal('none') }),
  ]),
  /** scanned; failed (see error); skipped (see reason). */
  status: z.enum(['scanned', 'failed', 'skipped']),
  /** Why it was not scanned. */
  reason: z.string().optional(),
  /** The scan's failure code and message. */
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  /** serverInfo from initialize. */
  serverInfo: z.object({ name: z.string(), version: z.string() }).optional(),
  /** The package an npx/uvx/pipx entry runs, as the scanner installed it (pinned, sandboxed) from its registry. */
  package: z.object({ registry: z.enum(['npm', 'pypi']), name: z.string(), version: z.string() }).optional(),
  /** Tool counts by category. */
  counts: z.object({
    tools: z.number().int(),
    read: z.number().int(),
    write: z.number().int(),
    destructive: z.number().int(),
  }),
  /** The riskiest tool's risk. */
  highestRisk: RiskSchema.optional(),
  /** Every tool, in the server's order. */
  tools: z.array(AuditToolSchema),
  /** Scan findings about the server (schemas, pagination, stdout noise, ...). */
  findings: z.array(FindingSchema),
  /** Comparison with toolgate.lock. */
  pin: PinSchema.optional(),
  /** Comparison with the public catalogue. */
  catalogue: CatalogueComparisonSchema.optional(),
});
export type AuditServer = z.infer<typeof AuditServerSchema>;

/** One issue of the audit, the unit of SARIF results, markdown lists and --fail-on. */
export const AuditIssueSchema = z.object({
  /** Permanent SCREAMING_SNAKE code (a classifier, scanner or audit finding code). */
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  /** low, medium, high or critical: compared with --fail-on. */
  level: LevelSchema,
  /** Server id. */
  server: z.string().optional(),
  /** Tool name, when about one tool. */
  tool: z.string().optional(),
  /** The config file it points at (SARIF location). */
  file: z.string().optional(),
  /** One sentence. */
  message: z.string(),
});
export type AuditIssue = z.infer<typeof AuditIssueSchema>;

export const AuditReportSchema = z.object({
  /** Report format version. */
  schemaVersion: z.literal(1),
  /** Whether remote servers were contacted (--remote). */
  remote: z.boolean(),
  /** How the servers ran: in the bubblewrap sandbox, or with process-group isolation only (no bubblewrap, or --no-sandbox). */
  isolation: z.enum(['bwrap', 'process-group']).optional(),
  /** Every place the audit looked, found or not. */
  configs: z.array(AuditConfigFileSchema),
  /** Every configured server. */
  servers: z.array(AuditServerSchema),
  /** Every issue, riskiest first. */
  issues: z.array(AuditIssueSchema),
  summary: z.object({
    servers: z.number().int(),
    scanned: z.number().int(),
    failed: z.number().int(),
    skipped: z.number().int(),
    tools: z.number().int(),
    read: z.number().int(),
    write: z.number().int(),
    destructive: z.number().int(),
    highestRisk: RiskSchema.optional(),
    /** Pinned tools that changed since toolgate.lock. */
    changedTools: z.number().int(),
  }),
  /** The --fail-on level, when given. */
  failOn: z.enum(['high', 'critical']).optional(),
  /** True when --fail-on was given and an issue reached it (exit code 1). */
  failed: z.boolean(),
});
export type AuditReport = z.infer<typeof AuditReportSchema>;

/** One tool as pinned: its hash and the content it was computed from (so a later audit can show what changed). */
export const LockedToolSchema = z.object({
  name: z.string(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  title: z.string().optional(),
  description: z.string().optional(),
  inputSchema: z.unknown().optional(),
  outputSchema: z.unknown().optional(),
  annotations: z.unknown().optional(),
});
export type LockedTool = z.infer<typeof LockedToolSchema>;

/** toolgate.lock: every scanned server's tools, by content hash. Sorted, no timestamps: unchanged tools leave it byte-identical. */
export const LockFileSchema = z.object({
  /** Lock format version. */
  lockfileVersion: z.literal(1),
  servers: z.array(
    z.object({
      /** Audit server id. */
      id: z.string(),
      /** serverInfo as last pinned. */
      serverInfo: z.object({ name: z.string(), version: z.string() }),
      /** The instructions the server sent at initialize, as last pinned (absent when it sent none). */
      instructions: z.string().optional(),
      /** Tools sorted by name. */
      tools: z.array(LockedToolSchema),
    }),
  ),
});
export type LockFile = z.infer<typeof LockFileSchema>;

/** JSON Schema (draft 2020-12) of the audit's JSON report, published as schemas/audit-report-v1.json. */
export function auditReportJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(AuditReportSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://toolgate.dev/schemas/audit-report-v1.json',
    title: 'Toolgate audit report',
    description: 'The output of `toolgate audit --format json`.',
  };
}
