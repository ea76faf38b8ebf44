// The scan snapshot: one file per server under content/servers/<id>.json, written by the scanner, read by everything
// else.
import { z } from 'zod';
import { FindingSchema } from './finding.ts';

/** Snapshot and catalogue ids: lower-case slug, safe as a file name and a URL segment. */
/** A plain PyPI requirement with one version bound: a name, an operator, a version ("mcp<2"). */
export const REQUIREMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*(?:<|<=|==|!=|>=|~=)[0-9][0-9A-Za-z.*+!-]*$/;

export const ServerIdSchema = z
  .string()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/,
    'a server id is 1-80 characters of a-z, 0-9 and "-", not starting or ending with "-"',
  );
export type ServerId = z.infer<typeof ServerIdSchema>;

export const TransportSchema = z.enum(['stdio', 'streamable-http', 'sse']);
export type Transport = z.infer<typeof TransportSchema>;

/** Where the server came from: how to start or reach it again. Env holds names only, never values. */
export const ServerSourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('npm'),
    /** npm package name. */
    package: z.string(),
    /** Exact version that was installed and scanned. */
    version: z.string(),
    /** The package bin that was started. */
    bin: z.string(),
    /** Arguments it was started with (placeholders such as $SANDBOX kept as written). */
    args: z.array(z.string()),
    /** Names of the environment variables it was given (values are never recorded). */
    envNames: z.array(z.string()),
  }),
  z.object({
    kind: z.literal('pypi'),
    /** PyPI project name. */
    package: z.string(),
    /** Exact version that was installed and scanned. */
    version: z.string(),
    /** The console script that was started (absent when a module was run with `python -m`). */
    script: z.string().optional(),
    /** The module run with `python -m`, when there is no console script. */
    module: z.string().optional(),
    /** Arguments it was started with (placeholders such as $SANDBOX kept as written). */
    args: z.array(z.string()),
    /** Names of the environment variables it was given (values are never recorded). */
    envNames: z.array(z.string()),
    /** Bounds on dependencies it was installed with ("mcp<2"), when a later major of one breaks it. */
    constraints: z.array(z.string()).optional(),
  }),
  z.object({
    kind: z.literal('remote'),
    /** The server's public endpoint URL. */
    url: z.string(),
  }),
  z.object({
    kind: z.literal('command'),
    /** The command that was started (from a config file or --stdio). */
    command: z.string(),
    args: z.array(z.string()),
    envNames: z.array(z.string()),
  }),
]);
export type ServerSource = z.infer<typeof ServerSourceSchema>;

/**
 * One tool as the server sent it. Deliberately lenient (raw JSON objects), because servers publish tools the SDK's own
 * ToolSchema rejects; such problems become findings, never a dropped server.
 */
export const SnapshotToolSchema = z
  .object({
    /** The tool name exactly as sent (untrusted: may hold any characters). */
    name: z.string(),
    /** Optional display title. */
    title: z.string().optional(),
    /** Description as sent (untrusted). */
    description: z.string().optional(),
    /** JSON Schema of the arguments, as sent. */
    inputSchema: z.unknown().optional(),
    /** JSON Schema of the structured result, as sent. */
    outputSchema: z.unknown().optional(),
    /** Behaviour hints as sent (readOnlyHint, destructiveHint, idempotentHint, openWorldHint, title); untrusted. */
    annotations: z.record(z.string(), z.unknown()).optional(),
    /** sha256 (hex) over the canonical JSON of name, title, description, inputSchema, outputSchema and annotations. */
    hash: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .passthrough();
export type SnapshotTool = z.infer<typeof SnapshotToolSchema>;

/** One argument of a prompt, as sent (untrusted text). */
export const SnapshotPromptArgumentSchema = z.object({
  /** Argument name. */
  name: z.string(),
  /** Display title, when sent. */
  title: z.string().optional(),
  /** Description, when sent. */
  description: z.string().optional(),
  /** Whether the server marks it required. */
  required: z.boolean().optional(),
});

/** One prompt from prompts/list: only its text fields are kept (name, title, description, arguments). */
export const SnapshotPromptSchema = z.object({
  /** Prompt name exactly as sent. */
  name: z.string(),
  /** Display title, when sent. */
  title: z.string().optional(),
  /** Description, when sent. */
  description: z.string().optional(),
  /** Arguments the prompt takes, when sent. */
  arguments: z.array(SnapshotPromptArgumentSchema).optional(),
});
export type SnapshotPrompt = z.infer<typeof SnapshotPromptSchema>;

/** One resource from resources/list: uri and its text fields (name, title, description, mimeType). */
export const SnapshotResourceSchema = z.object({
  /** Resource URI as sent. */
  uri: z.string(),
  /** Name, when sent. */
  name: z.string().optional(),
  /** Display title, when sent. */
  title: z.string().optional(),
  /** Description, when sent. */
  description: z.string().optional(),
  /** MIME type, when sent. */
  mimeType: z.string().optional(),
});
export type SnapshotResource = z.infer<typeof SnapshotResourceSchema>;

/** One resource template from resources/templates/list: its URI template and text fields. */
export const SnapshotResourceTemplateSchema = z.object({
  /** RFC 6570 URI template as sent. */
  uriTemplate: z.string(),
  /** Name, when sent. */
  name: z.string().optional(),
  /** Display title, when sent. */
  title: z.string().optional(),
  /** Description, when sent. */
  description: z.string().optional(),
  /** MIME type, when sent. */
  mimeType: z.string().optional(),
});
export type SnapshotResourceTemplate = z.infer<typeof SnapshotResourceTemplateSchema>;

export const SnapshotSchema = z.object({
  /** Snapshot format version. */
  schemaVersion: z.literal(1),
  /** The server id; equals the file name without .json. */
  id: ServerIdSchema,
  /** Display name (from the catalogue or config; falls back to serverInfo.name). */
  name: z.string(),
  /** Homepage or repository URL, when known. */
  homepage: z.string().optional(),
  /** How the server was started or reached. */
  source: ServerSourceSchema,
  /** The transport the scan actually used. */
  transport: TransportSchema,
  /** Free text on where the data really came from, e.g. a replay of a recorded tools/list. */
  provenance: z.string().optional(),
  /** ISO time of the scan that last changed this file's content (unchanged scans keep it). */
  scannedAt: z.string(),
  /** serverInfo from initialize. */
  serverInfo: z.object({ name: z.string(), version: z.string(), title: z.string().optional() }).passthrough(),
  /** Negotiated protocol version. */
  protocolVersion: z.string(),
  /** Server capabilities from initialize. */
  capabilities: z.record(z.string(), z.unknown()),
  /** Server instructions from initialize (untrusted text). */
  instructions: z.string().optional(),
  /** Counts: tools always; resources and prompts when the server advertises them; resource templates when it lists any. */
  counts: z.object({
    tools: z.number().int(),
    resources: z.number().int().optional(),
    prompts: z.number().int().optional(),
    resourceTemplates: z.number().int().optional(),
  }),
  /** Every tool, in the order the server listed them (all pages). */
  tools: z.array(SnapshotToolSchema),
  /** Every prompt, in listing order (all pages, bounded); absent when the server lists none. */
  prompts: z.array(SnapshotPromptSchema).optional(),
  /** Every resource, in listing order (all pages, bounded); absent when the server lists none. */
  resources: z.array(SnapshotResourceSchema).optional(),
  /** Every resource template, in listing order (all pages, bounded); absent when the server lists none. */
  resourceTemplates: z.array(SnapshotResourceTemplateSchema).optional(),
  /** Problems seen during the scan (invalid schemas, duplicate names, page cap reached, ...). */
  findings: z.array(FindingSchema),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

/** A failed scan, recorded in content/failures/<id>.json beside (never instead of) the last good snapshot. */
export const ScanFailureSchema = z.object({
  /** Failure record format version. */
  schemaVersion: z.literal(1),
  /** The server id. */
  id: ServerIdSchema,
  /** Display name. */
  name: z.string(),
  /** How the server was started or reached. */
  source: ServerSourceSchema,
  /** Permanent SCREAMING_SNAKE failure code (TIMEOUT, PROCESS_EXITED, INITIALIZE_FAILED, ...). */
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  /** What happened, for people (env values redacted). */
  message: z.string(),
  /** The last lines the server wrote to stderr, bounded, env values redacted. */
  stderr: z.string().optional(),
  /** ISO time of the scan that last changed this record. */
  failedAt: z.string(),
  /** scannedAt of the snapshot kept in content/servers, when there is one. */
  lastGoodScannedAt: z.string().optional(),
});
export type ScanFailure = z.infer<typeof ScanFailureSchema>;
