// The catalogue of servers Toolgate scans for the public site: catalog/servers.json, validated here.
import { z } from 'zod';
import { REQUIREMENT, ServerIdSchema } from './snapshot.ts';

// Env names as a shell would accept them; values in the catalogue are dummies, never real credentials.
const EnvNameSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name is letters, digits and "_"');

/** An npm package to install at an exact version and start over stdio. */
export const CatalogNpmSchema = z.object({
  /** npm package name. */
  package: z.string().min(1),
  /** Exact version to install (no ranges, so scans are reproducible). */
  version: z.string().regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?$/, 'an exact version such as 1.2.3'),
  /** The bin (from node_modules/.bin) to start. */
  bin: z.string().min(1),
  /** Arguments; $SANDBOX and $HOME are replaced by per-server temporary folders. */
  args: z.array(z.string()).default([]),
  /** Environment the server demands before it starts: names with DUMMY values only. */
  env: z.record(EnvNameSchema, z.string()).default({}),
  /** Run the bin file with the scanner's own Node (>= 22) instead of its shebang. */
  runWithNode: z.boolean().optional(),
  /** Install with --ignore-scripts. Lifecycle scripts are off by default now; kept so older entries still read. */
  ignoreScripts: z.boolean().optional(),
  /** Why this package's lifecycle scripts must run at install (they still run sandboxed, with an allow-listed env). */
  installScripts: z.string().min(1).optional(),
});
export type CatalogNpm = z.infer<typeof CatalogNpmSchema>;

/** A PyPI package installed at an exact version into its own environment with uv, started over stdio. */
export const CatalogPypiSchema = z
  .object({
    /** PyPI project name. */
    package: z.string().min(1),
    /** Exact version to install (PEP 440, no ranges). */
    version: z.string().regex(/^[0-9][0-9A-Za-z.!+_-]*$/, 'an exact version such as 1.2.3'),
    /** The console script (from the environment's bin/) to start. */
    script: z.string().min(1).optional(),
    /** Or the module to run as `python -m <module>`. */
    module: z.string().min(1).optional(),
    /** Arguments; $SANDBOX and $HOME are replaced by per-server temporary folders. */
    args: z.array(z.string()).default([]),
    /** Environment the server demands before it starts: names with DUMMY values only. */
    env: z.record(EnvNameSchema, z.string()).default({}),
    /** Python minor version for the environment, e.g. "3.12" (chosen from the package's Requires-Python). */
    python: z
      .string()
      .regex(/^\d+\.\d+$/)
      .optional(),
    /** Resolve dependencies as of this date (YYYY-MM-DD, the package's release), so later majors of its deps do not break it. */
    excludeNewer: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    /**
     * Bounds on dependencies installed with it ("mcp<2"), when a later major of one breaks the server; found by
     * discovery from the server's own crash, never guessed.
     */
    constraints: z.array(z.string().regex(REQUIREMENT, 'a requirement like "mcp<2"')).optional(),
  })
  .refine((pypi) => Boolean(pypi.script) !== Boolean(pypi.module), {
    message: 'a PyPI entry needs exactly one of "script" or "module"',
  });
export type CatalogPypi = z.infer<typeof CatalogPypiSchema>;

/** A hosted server reached over HTTP. */
export const CatalogRemoteSchema = z.object({
  /** The server's public endpoint. */
  url: z.string().url(),
  /** Transport the endpoint speaks; streamable HTTP falls back to SSE when absent. */
  transport: z.enum(['streamable-http', 'sse']).optional(),
});

/** A recorded tools/list served by the in-repo replay server, for remotes unreachable from the scanning machine. */
export const CatalogReplaySchema = z.object({
  /** Path of the recorded tools/list JSON, relative to the shared folder (../shared by default). */
  fixture: z.string().min(1),
  /** Human text recorded as the snapshot's provenance. */
  provenance: z.string().min(1),
});

/** One server of the catalogue. */
export const CatalogEntrySchema = z
  .object({
    /** Snapshot id: content/servers/<id>.json. */
    id: ServerIdSchema,
    /** The id in ../shared/corpus when it differs (corpus ids with "_" or "." are not valid snapshot ids). */
    corpusId: z.string().optional(),
    /** Display name. */
    name: z.string().min(1),
    /** Homepage or repository URL. */
    homepage: z.string().url().optional(),
    /** Source repository URL, when different from the homepage. */
    repository: z.string().url().optional(),
    /** What it took to make the server start, where that is not obvious. */
    notes: z.string().optional(),
    /** Install and start from npm. */
    npm: CatalogNpmSchema.optional(),
    /** Install and start from PyPI. */
    pypi: CatalogPypiSchema.optional(),
    /** Reach over HTTP. */
    remote: CatalogRemoteSchema.optional(),
    /** Scan a local replay instead of the (unreachable) remote; requires remote. */
    replay: CatalogReplaySchema.optional(),
    /** Why the server needs the host network while it runs (sandboxed servers have none by default), e.g. a local redis. */
    network: z.string().min(1).optional(),
    /** Dummy files to create before start, keyed by a path starting with $SANDBOX/ or $HOME/ (no ".."). */
    files: z.record(z.string().regex(/^\$(SANDBOX|HOME)\/(?!.*(?:^|\/)\.\.(?:\/|$)).+$/), z.string()).optional(),
  })
  .superRefine((entry, ctx) => {
    if ([entry.npm, entry.pypi, entry.remote].filter(Boolean).length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: `catalogue entry "${entry.id}" needs exactly one of "npm", "pypi" or "remote"`,
      });
    }
    if (entry.replay && !entry.remote) {
      ctx.addIssue({
        code: 'custom',
        message: `catalogue entry "${entry.id}": "replay" only makes sense with "remote"`,
      });
    }
  });
export type CatalogEntry = z.infer<typeof CatalogEntrySchema>;

/** catalog/servers.json. */
export const CatalogSchema = z
  .object({
    /** Catalogue format version. */
    schemaVersion: z.literal(1),
    /** Every server, ids unique. */
    servers: z.array(CatalogEntrySchema),
  })
  .superRefine((catalog, ctx) => {
    const seen = new Set<string>();
    for (const entry of catalog.servers) {
      if (seen.has(entry.id)) ctx.addIssue({ code: 'custom', message: `duplicate catalogue id "${entry.id}"` });
      seen.add(entry.id);
    }
  });
export type Catalog = z.infer<typeof CatalogSchema>;
