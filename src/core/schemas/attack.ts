// Attack database schemas: patterns (technique classes) and cases (dated, sourced real events), one MDX file each under
// content/attacks/.
import { z } from 'zod';
import { CapabilitySchema, CategorySchema } from './verdict.ts';

/** Slug used as file name and URL segment: /attacks/<slug>/. Patterns and cases share one namespace. */
export const AttackSlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an attack slug is lower-case words joined by "-"');

/** The controls a gateway policy can apply; pin_tool_definitions is a client/registry control, not a per-call one. */
export const ControlSchema = z.enum([
  'deny',
  'require_approval',
  'rate_limit',
  'argument_validation',
  'read_only_mode',
  'pin_tool_definitions',
]);
export type Control = z.infer<typeof ControlSchema>;

/** OWASP ids: MCP01..MCP10 (OWASP MCP Top 10, beta) and LLM01..LLM10 (OWASP Top 10 for LLM Applications 2025). */
export const OwaspIdSchema = z.string().regex(/^(MCP|LLM)(0[1-9]|10)$/);

const url = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//.test(u), 'a source must be an http(s) URL');

/** Frontmatter of content/attacks/cases/<slug>.mdx; the MDX body says what happened, in our own words. */
export const AttackCaseSchema = z.object({
  /** Headline, our own words. */
  title: z.string().min(10),
  /** ISO date (YYYY-MM-DD) or month (YYYY-MM) when only the month is known. */
  date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
  /** What sort of case this is. */
  kind: z.enum(['vulnerability', 'incident', 'technique', 'malicious-package']),
  /** CVE ids, e.g. CVE-2025-53109. */
  cves: z.array(z.string().regex(/^CVE-\d{4}-\d{4,}$/)).default([]),
  /** Other advisory ids (GHSA-…, vendor bulletins). */
  advisories: z.array(z.string()).default([]),
  /** The product and versions affected. */
  affected: z.string(),
  /** One or two sentences for listings and meta descriptions, our own words. */
  summary: z.string().min(20),
  /** The tool access the attack abused, in the catalogue's vocabulary. */
  capabilities: z.array(CapabilitySchema).default([]),
  /** Tool categories abused. */
  categories: z.array(CategorySchema).default([]),
  /** Pattern slugs this case is an instance of (each must exist; the pattern must list this case back). */
  patterns: z.array(AttackSlugSchema).min(1),
  /** Controls that would have limited it, each with how. */
  controls: z.array(z.object({ control: ControlSchema, detail: z.string() })).default([]),
  /** Where a per-call proxy policy cannot help, said honestly. */
  proxyLimitations: z.string().optional(),
  /** Public sources read (http(s) URLs); at least one. */
  sources: z.array(url).min(1),
  /** Caveats about dates or disputed facts. */
  notes: z.string().optional(),
});
export type AttackCase = z.infer<typeof AttackCaseSchema>;

/** Frontmatter of content/attacks/patterns/<slug>.mdx; the MDX body explains the pattern, in our own words. */
export const AttackPatternSchema = z.object({
  /** Display name. */
  name: z.string(),
  /** One or two sentences for listings. */
  summary: z.string().min(20),
  /** How it works, step by step. */
  steps: z.array(z.string()).min(2),
  /** OWASP MCP Top 10 / LLM Top 10 ids. */
  owasp: z.array(OwaspIdSchema).default([]),
  /** Case slugs (each must exist and list this pattern back). */
  cases: z.array(AttackSlugSchema).min(1),
  /**
   * The one mapping from classifier output to this pattern (used for tool pages and "catalogue tools that give this
   * access"): a tool matches when it has any listed capability, or any listed category, or any listed finding code
   * prefix.
   */
  matches: z.object({
    /** Any of these capabilities is enough. */
    capabilities: z.array(CapabilitySchema).default([]),
    /** Any of these categories is enough. */
    categories: z.array(CategorySchema).default([]),
    /** Any finding whose code starts with one of these (e.g. POISON_) is enough. */
    findingPrefixes: z.array(z.string().regex(/^[A-Z][A-Z0-9_]*$/)).default([]),
    /** Narrower matches where access only matters in combination: each entry needs one of its capabilities AND one of its categories. */
    combinations: z
      .array(z.object({ capabilities: z.array(CapabilitySchema).min(1), categories: z.array(CategorySchema).min(1) }))
      .default([]),
  }),
  /** The starter policy that stops or limits it, in our policy.json format, with the calls it decides. */
  policy: z.object({
    /** What the snippet does, in one sentence. */
    explanation: z.string(),
    /** A complete policy.json document (validated by the policy schema in tests). */
    document: z.record(z.string(), z.unknown()),
    /** Calls and the decision the evaluator must give: proves the snippet does what the page says. */
    examples: z
      .array(
        z.object({
          /** Tool name called. */
          tool: z.string(),
          /** Call arguments. */
          arguments: z.record(z.string(), z.unknown()).default({}),
          /** How many identical calls are made in a row within one minute on one grant; the decision is the last call's (shows limits). */
          repeat: z.number().int().min(1).max(1000).default(1),
          /** The decision the evaluator must give. */
          decision: z.enum(['allow', 'deny']),
          /** Why, in one sentence. */
          why: z.string(),
        }),
      )
      .min(1),
  }),
  /** What a per-call policy cannot do against this pattern. */
  policyCannot: z.string(),
  /** Other mitigations beyond a gateway policy. */
  mitigations: z.array(z.string()).default([]),
});
export type AttackPattern = z.infer<typeof AttackPatternSchema>;
