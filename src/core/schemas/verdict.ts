// The classifier's verdict for one tool: category, risk, capabilities, evidence, declared annotations and findings.
import { z } from 'zod';
import { FindingSchema } from './finding.ts';

/** read: no effect outside the call; write: creates/changes/sends/triggers; destructive: deletes, overwrites, revokes, terminates or runs arbitrary code. */
export const CategorySchema = z.enum(['read', 'write', 'destructive']);
export type Category = z.infer<typeof CategorySchema>;

export const RiskSchema = z.enum(['low', 'medium', 'high', 'critical']);
export type Risk = z.infer<typeof RiskSchema>;

/** What a tool can touch. Defined once here; labels and descriptions live in src/core/classify/capabilities.ts. */
export const CapabilitySchema = z.enum([
  'filesystem',
  'code-execution',
  'network-egress',
  'messaging',
  'financial',
  'credentials',
  'database',
  'infrastructure',
  'browser',
  'personal-data',
]);
export type Capability = z.infer<typeof CapabilitySchema>;

export const EvidenceSchema = z.object({
  /** Rule code (SCREAMING_SNAKE), permanent. */
  code: z.string(),
  /** What the rule concluded, e.g. "destructive", "capability:filesystem". */
  effect: z.string(),
  /** The words or fields that triggered it (untrusted text, render escaped). */
  matched: z.array(z.string()),
  /** Where it looked: name, description, inputSchema, annotations. */
  source: z.enum(['name', 'description', 'inputSchema', 'annotations', 'combined']),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const ResolvedAnnotationsSchema = z.object({
  readOnlyHint: z.boolean(),
  destructiveHint: z.boolean(),
  idempotentHint: z.boolean(),
  openWorldHint: z.boolean(),
});

export const DeclaredSchema = z.object({
  /** Annotations exactly as the server sent them (absent when none). */
  annotations: z.record(z.string(), z.unknown()).optional(),
  /** Spec-default resolution: readOnlyHint false, destructiveHint true, idempotentHint false, openWorldHint true when absent. */
  resolved: ResolvedAnnotationsSchema,
  /** The category the annotations alone imply. */
  category: CategorySchema,
});

export const VerdictSchema = z.object({
  name: z.string(),
  category: CategorySchema,
  risk: RiskSchema,
  /** Sorted, unique. */
  capabilities: z.array(CapabilitySchema),
  /** 0..1. */
  confidence: z.number().min(0).max(1),
  evidence: z.array(EvidenceSchema),
  declared: DeclaredSchema,
  /** ANNOTATION_CONTRADICTED, ANNOTATION_MISSING, poisoning indicators (POISON_*), ... */
  findings: z.array(FindingSchema),
});
export type Verdict = z.infer<typeof VerdictSchema>;
