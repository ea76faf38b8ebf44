// Declared annotations: what the server sent, their spec-default resolution, and the category they alone imply.
import type { Category } from '../schemas/verdict.ts';

/** Spec defaults when a hint is absent (MCP 2025-06-18 ToolAnnotations). */
export const ANNOTATION_DEFAULTS = {
  readOnlyHint: false,
  destructiveHint: true,
  idempotentHint: false,
  openWorldHint: true,
} as const;

const HINTS = ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'] as const;

/** The four hints resolved, which of them were given explicitly (as booleans), and the implied category. */
export interface DeclaredHints {
  /** Annotations as sent, when any. */
  annotations?: Record<string, unknown>;
  /** Hint values after spec defaults. */
  resolved: { readOnlyHint: boolean; destructiveHint: boolean; idempotentHint: boolean; openWorldHint: boolean };
  /** Category implied by the resolved hints. */
  category: Category;
  /** Hints that were sent as booleans. */
  explicit: { readOnlyHint?: boolean; destructiveHint?: boolean; idempotentHint?: boolean; openWorldHint?: boolean };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Resolves annotations; non-boolean hint values count as absent. */
export function resolveDeclared(annotations: unknown): DeclaredHints {
  const sent = isRecord(annotations) ? annotations : undefined;
  const explicit: DeclaredHints['explicit'] = {};
  for (const hint of HINTS) {
    const v = sent?.[hint];
    if (typeof v === 'boolean') explicit[hint] = v;
  }
  const resolved = {
    readOnlyHint: explicit.readOnlyHint ?? ANNOTATION_DEFAULTS.readOnlyHint,
    destructiveHint: explicit.destructiveHint ?? ANNOTATION_DEFAULTS.destructiveHint,
    idempotentHint: explicit.idempotentHint ?? ANNOTATION_DEFAULTS.idempotentHint,
    openWorldHint: explicit.openWorldHint ?? ANNOTATION_DEFAULTS.openWorldHint,
  };
  const category: Category = resolved.readOnlyHint ? 'read' : resolved.destructiveHint ? 'destructive' : 'write';
  return { ...(sent !== undefined ? { annotations: sent } : {}), resolved, category, explicit };
}
