// A finding: a machine-readable fact about a server or tool, turned into prose in one place (src/core/findings.ts).
import { z } from 'zod';

/** How much a finding matters to someone deciding whether to trust a tool. */
export const SeveritySchema = z.enum(['info', 'warning', 'error']);
export type Severity = z.infer<typeof SeveritySchema>;

export const FindingSchema = z.object({
  /** Permanent SCREAMING_SNAKE code, never renamed (e.g. ANNOTATION_CONTRADICTED, INPUT_SCHEMA_INVALID). */
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  /** How much it matters. */
  severity: SeveritySchema,
  /** The tool it is about, when it is about one tool. */
  tool: z.string().optional(),
  /** One sentence for people; may quote untrusted text, which must be rendered as text. */
  message: z.string(),
  /** Structured details (matched words, fields, offsets); values are JSON. */
  args: z.record(z.string(), z.unknown()).optional(),
});
export type Finding = z.infer<typeof FindingSchema>;
