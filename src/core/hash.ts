// Canonical JSON (sorted keys, no undefined) and the per-tool content hash that lets a later scan tell what changed.
import { createHash } from 'node:crypto';

/** The fields of a tool that make up its identity for change detection. */
export interface HashableTool {
  /** Tool name as sent. */
  name: string;
  /** Display title, when sent. */
  title?: string;
  /** Description, when sent. */
  description?: string;
  /** Input JSON Schema as sent. */
  inputSchema?: unknown;
  /** Output JSON Schema as sent. */
  outputSchema?: unknown;
  /** Annotations as sent. */
  annotations?: unknown;
}

// Object keys sorted by UTF-16 code units (plain sort) so the result never depends on locale.
function normalise(value: unknown): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) return null;
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : normalise(item)));
  // A null-prototype object, so a "__proto__" key (legal in JSON, sent by hostile servers) stays an own property
  // instead of being dropped.
  const out: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(value).sort()) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined || typeof item === 'function') continue;
    out[key] = normalise(item);
  }
  return out;
}

/** JSON with object keys sorted at every depth and undefined members dropped; compact unless `indent` is given. */
export function canonicalJson(value: unknown, indent?: number): string {
  return JSON.stringify(normalise(value), null, indent);
}

/** sha256 (hex) over the canonical JSON of name, title, description, inputSchema, outputSchema and annotations. */
export function toolHash(tool: HashableTool): string {
  const subject = {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: tool.inputSchema,
    outputSchema: tool.outputSchema,
    annotations: tool.annotations,
  };
  return createHash('sha256').update(canonicalJson(subject), 'utf8').digest('hex');
}
