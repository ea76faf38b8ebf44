// The open data files under /api/: the server list, per-server tool files and the labelled dataset (zod; JSON Schema
// exports).
import { z } from 'zod';
import { CapabilitySchema, CategorySchema, RiskSchema } from './verdict.ts';

const count = z.number().int().nonnegative();
const CategoryCountsSchema = z.object({ read: count, write: count, destructive: count });
const RiskCountsSchema = z.object({ low: count, medium: count, high: count, critical: count });

/** One server in /api/servers.json. */
export const ApiServerSchema = z.object({
  /** Toolgate id (URL segment). */
  id: z.string(),
  /** Display name (untrusted text from the server or its catalogue entry). */
  name: z.string(),
  /** The server page. */
  url: z.string().url(),
  /** Its tool file, /api/servers/<id>.json. */
  toolsUrl: z.string().url(),
  /** npm, pypi, remote or command. */
  source: z.enum(['npm', 'pypi', 'remote', 'command']),
  /** Package name (npm and PyPI). */
  package: z.string().optional(),
  /** The version scanned: package version, else what the server reports. */
  version: z.string(),
  /** stdio, streamable-http or sse. */
  transport: z.string(),
  /** When it was scanned (ISO). */
  scannedAt: z.string(),
  /** Number of tools. */
  tools: z.number().int().nonnegative(),
  /** Tools per category. */
  byCategory: CategoryCountsSchema,
  /** Tools per risk level. */
  byRisk: RiskCountsSchema,
  /** Highest risk of any tool. */
  maxRisk: RiskSchema,
});

/** /api/servers.json. */
export const ApiServersSchema = z.object({
  /** Format version of the file. */
  version: z.literal(1),
  /** Number of servers. */
  count: z.number().int().nonnegative(),
  /** Servers sorted by id. */
  servers: z.array(ApiServerSchema),
});

/** One tool with its verdict, in /api/servers/<id>.json. */
export const ApiToolSchema = z.object({
  /** Tool name exactly as sent (untrusted). */
  name: z.string(),
  /** The tool page. */
  url: z.string().url(),
  /** Description as sent ('' when none; untrusted). */
  description: z.string(),
  category: CategorySchema,
  risk: RiskSchema,
  capabilities: z.array(CapabilitySchema),
  /** 0..1. */
  confidence: z.number().min(0).max(1),
  /** sha256 of the tool's canonical definition. */
  hash: z.string(),
  /** Finding codes (explained at /how-verdicts-are-made/#CODE). */
  findings: z.array(z.string()),
});

/** /api/servers/<id>.json. */
export const ApiServerToolsSchema = z.object({
  version: z.literal(1),
  server: ApiServerSchema,
  tools: z.array(ApiToolSchema),
});

/** One line of /api/dataset.jsonl: a tool, what its server declared, and Toolgate's verdict with the evidence. */
export const DatasetRowSchema = z.object({
  server: z.string(),
  tool: z.string(),
  description: z.string(),
  /** The input schema as sent (any JSON). */
  inputSchema: z.unknown(),
  /** The annotations as sent (absent when none). */
  declared: z.record(z.string(), z.unknown()).optional(),
  /** The category the declared annotations imply under the spec defaults. */
  declaredCategory: CategorySchema,
  label: z.object({
    category: CategorySchema,
    risk: RiskSchema,
    capabilities: z.array(CapabilitySchema),
    confidence: z.number().min(0).max(1),
  }),
  /** The classifier rules that fired: code, conclusion, matched words, where. */
  evidence: z.array(
    z.object({ code: z.string(), effect: z.string(), matched: z.array(z.string()), source: z.string() }),
  ),
  findings: z.array(z.string()),
  hash: z.string(),
});
export type DatasetRow = z.infer<typeof DatasetRowSchema>;

/** The JSON Schemas published beside the files. */
export function openDataJsonSchemas(): Record<string, Record<string, unknown>> {
  const schema = (s: z.ZodType, id: string, title: string) => ({
    $id: id,
    title,
    ...(z.toJSONSchema(s, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>),
  });
  return {
    'servers.schema.json': schema(ApiServersSchema, 'servers.schema.json', 'Toolgate server list (/api/servers.json)'),
    'server.schema.json': schema(
      ApiServerToolsSchema,
      'server.schema.json',
      'Toolgate server tools (/api/servers/<id>.json)',
    ),
    'dataset.schema.json': schema(
      DatasetRowSchema,
      'dataset.schema.json',
      'One line of the Toolgate labelled dataset (/api/dataset.jsonl)',
    ),
  };
}
