// Discovery outcomes: one file per candidate package under content/outcomes/<id>.json, what happened when we tried to
// start it.
import { z } from 'zod';
import { REQUIREMENT, ServerIdSchema } from './snapshot.ts';

/**
 * Permanent outcome codes (never renamed):
 * - OK: the server started and answered tools/list (it has a snapshot in content/servers/<id>.json).
 * - NEEDS_CREDENTIALS: it would not start or list tools without real credentials (fake values were tried).
 * - NEEDS_SERVICE: it needs a database, daemon or network service we do not run (or network access at start).
 * - NOT_A_SERVER: a library, SDK, plugin, CLI or client: no entry point, or it printed usage and exited.
 * - INSTALL_FAILED: the pinned version could not be installed (resolution, build or platform error).
 * - TIMEOUT: it started but gave no complete answer before the deadline.
 * - CRASHED: it exited with an error unrelated to configuration (import error, syntax error, native module).
 * - PROTOCOL_ERROR: it stayed up but did not speak MCP over stdio correctly (initialize or tools/list failed).
 */
export const OUTCOME_CODES = [
  'OK',
  'NEEDS_CREDENTIALS',
  'NEEDS_SERVICE',
  'NOT_A_SERVER',
  'INSTALL_FAILED',
  'TIMEOUT',
  'CRASHED',
  'PROTOCOL_ERROR',
] as const;

/** One of OUTCOME_CODES. */
export const OutcomeCodeSchema = z.enum(OUTCOME_CODES);
export type OutcomeCode = z.infer<typeof OutcomeCodeSchema>;

/** The package registries discovery installs from. */
export const PackageRegistrySchema = z.enum(['npm', 'pypi']);
export type PackageRegistry = z.infer<typeof PackageRegistrySchema>;

const EnvNameSchema = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/);

/** How the server was (or would be) started: the recipe an OK outcome turns into a catalogue entry. */
export const OutcomeLaunchSchema = z.object({
  /** npm: the package bin; PyPI: the console script. Absent for a PyPI module run as `python -m <module>`. */
  bin: z.string().min(1).optional(),
  /** PyPI: the module run as `python -m <module>` when the package has no console script. */
  module: z.string().min(1).optional(),
  /** Arguments ($SANDBOX and $HOME stand for the per-server working folder and empty home). */
  args: z.array(z.string()),
  /** Environment names with the obviously fake values they were given (never real credentials). */
  env: z.record(EnvNameSchema, z.string()),
  /** Placeholder files created before start (path starting $SANDBOX/ or $HOME/ → content). */
  files: z.record(z.string(), z.string()).optional(),
  /** npm: the bin is a JavaScript file started with the scanner's Node; false for a native executable. */
  runWithNode: z.boolean().optional(),
  /** PyPI: the Python minor version the environment was made with, e.g. "3.12". */
  python: z
    .string()
    .regex(/^\d+\.\d+$/)
    .optional(),
  /** PyPI: dependencies were resolved as of this date (the package's own release), YYYY-MM-DD. */
  excludeNewer: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  /** PyPI: bounds on dependencies installed with it ("mcp<2"), learned from a crash a later major caused. */
  constraints: z.array(z.string().regex(REQUIREMENT)).optional(),
});
export type OutcomeLaunch = z.infer<typeof OutcomeLaunchSchema>;

/** One start attempt: what was tried and how it ended. */
export const OutcomeAttemptSchema = z.object({
  /** Arguments of this attempt. */
  args: z.array(z.string()),
  /** Environment names set (fake values) in this attempt, sorted. */
  envNames: z.array(z.string()),
  /** Placeholder files created for this attempt (paths), sorted. */
  files: z.array(z.string()),
  /** The scanner's result: OK or a scan failure code (PROCESS_EXITED, TIMEOUT, INITIALIZE_FAILED, ...). */
  result: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
});
export type OutcomeAttempt = z.infer<typeof OutcomeAttemptSchema>;

/** Where the MCP Registry listed this package, when it came from there. */
export const OutcomeRegistryEntrySchema = z.object({
  /** The registry's server name (reverse-DNS, e.g. io.github.owner/repo). */
  name: z.string(),
  /** The server version the registry lists as latest. */
  version: z.string().optional(),
  /** The registry's publishedAt for that version (ISO time). */
  publishedAt: z.string().optional(),
  /** The registry's updatedAt for that version (ISO time). */
  updatedAt: z.string().optional(),
});
export type OutcomeRegistryEntry = z.infer<typeof OutcomeRegistryEntrySchema>;

/** What happened to one candidate package: content/outcomes/<id>.json. */
export const OutcomeSchema = z.object({
  /** Outcome format version. */
  schemaVersion: z.literal(1),
  /** The server id: the file name, and the snapshot id (content/servers/<id>.json) when code is OK. */
  id: ServerIdSchema,
  /** Display name (the package name unless the server names itself). */
  name: z.string().min(1),
  /** The package registry. */
  registry: PackageRegistrySchema,
  /** Package name as published. */
  package: z.string().min(1),
  /** The exact version that was tried. */
  version: z.string().min(1),
  /** Where the candidate came from: a candidate list (file name) or the MCP Registry. */
  origin: z.string().min(1),
  /** The package's one-line summary from the index, when it has one (untrusted text). */
  summary: z.string().optional(),
  /** Homepage from the package metadata (https only). */
  homepage: z.string().url().optional(),
  /** Source repository from the package metadata (https only). */
  repository: z.string().url().optional(),
  /** The MCP Registry entry, when the candidate came from the registry. */
  registryEntry: OutcomeRegistryEntrySchema.optional(),
  /** The permanent outcome code. */
  code: OutcomeCodeSchema,
  /** A finer permanent SCREAMING_SNAKE reason, e.g. NO_ENTRY_POINT, USAGE_EXIT, OTHER_PLATFORM, MISSING_ENV, IMPORT_ERROR. */
  detail: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  /** What happened, for people (and package authors): one or two sentences. */
  message: z.string(),
  /** The last meaningful stderr line of the last attempt, bounded, secrets and machine paths redacted (untrusted text). */
  stderr: z.string().optional(),
  /** Every environment variable name tried across attempts (fake values only), sorted. */
  envNamesTried: z.array(z.string()),
  /** The start attempts in order (empty when install failed or there was nothing to start). */
  attempts: z.array(OutcomeAttemptSchema),
  /** The recipe of the successful start (OK) or of the last attempt. */
  launch: OutcomeLaunchSchema.optional(),
  /** Number of tools listed (OK only). */
  tools: z.number().int().nonnegative().optional(),
  /** ISO time of the try that last changed this file's content (an unchanged retry keeps it). */
  triedAt: z.string(),
});
export type Outcome = z.infer<typeof OutcomeSchema>;
