// The audit engine: discover configs, scan every server through the scanner (sandboxed), classify, compare with the
// lock and catalogue.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LockFileSchema } from '../core/schemas/audit.ts';
import type { AuditReport, AuditServer, LockFile } from '../core/schemas/audit.ts';
import { SnapshotSchema } from '../core/schemas/snapshot.ts';
import type { Snapshot } from '../core/schemas/snapshot.ts';
import { runScan } from '../scanner/run.ts';
import { currentIsolation } from '../scanner/sandbox.ts';
import { snapshotPath } from '../scanner/store.ts';
import { targetFromConfigEntry } from '../scanner/targets.ts';
import type { ScanTarget } from '../scanner/targets.ts';
import type { HostPaths } from './clients/index.ts';
import { compareWithCatalogue, indexCatalogue, npmSpec } from './catalogue.ts';
import { discover } from './discover.ts';
import { expandEntry } from './expand.ts';
import type { Discovery } from './discover.ts';
import { buildLock, serialiseLock } from './lock.ts';
import { planServers } from './plan.ts';
import type { PlannedServer } from './plan.ts';
import { buildReport } from './report.ts';
import type { ScanOutcome } from './report.ts';

export class AuditInputError extends Error {}

export interface AuditOptions {
  host: HostPaths;
  /** The environment ${VAR} references in configs are expanded from (process.env in the CLI). */
  env?: Record<string, string | undefined>;
  /** --client: only these clients. */
  clients?: string[];
  /** --config: only these files. */
  files?: string[];
  /** --remote: contact remote servers. */
  remote: boolean;
  /** --offline: do not install the packages npx/uvx/pipx entries run (those servers are skipped). */
  offline?: boolean;
  /** npm registry (a mirror) for those installs. */
  npmRegistry?: string;
  /** PyPI index (simple API) for those installs. */
  pypiIndex?: string;
  failOn?: 'high' | 'critical';
  /** toolgate.lock path. */
  lockPath: string;
  /** Write the lock even when one exists (accept changes). */
  updateLock: boolean;
  /** Do not read or write a lock. */
  noLock: boolean;
  /** Where snapshots go (servers/, failures/); a temporary folder, removed afterwards, when absent. */
  outDir?: string;
  /** The public catalogue's snapshots folder, when available. */
  catalogueDir?: string;
  cacheDir: string;
  sharedDir: string;
  timeoutMs: number;
  concurrency: number;
  onProgress?: (message: string) => void;
}

export interface AuditResult {
  report: AuditReport;
  discovery: Discovery;
  planned: PlannedServer[];
  /** Snapshots of the servers scanned now, by id. */
  snapshots: Map<string, Snapshot>;
  /** What happened to the lock file. */
  lock: { path: string; action: 'created' | 'updated' | 'unchanged' | 'kept' | 'disabled' };
  /** Where the snapshots are (removed after the CLI is done when it was temporary). */
  outDir: string;
  temporaryOut: boolean;
}

async function readLock(path: string): Promise<{ lock?: LockFile; text?: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new AuditInputError(`cannot read the lock file ${path}: ${(error as Error).message}.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new AuditInputError(
      `the lock file ${path} is not valid JSON (${(error as Error).message}); restore it from version control or delete it to pin again.`,
    );
  }
  const parsed = LockFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AuditInputError(
      `the lock file ${path} is not a toolgate.lock (${issue.path.join('.') || '(root)'}: ${issue.message}); restore it or delete it to pin again.`,
    );
  }
  return { lock: parsed.data, text };
}

async function loadCatalogue(dir: string | undefined): Promise<Map<string, Snapshot>> {
  if (!dir || !existsSync(dir)) return new Map();
  const snapshots: Snapshot[] = [];
  for (const name of (await readdir(dir)).sort()) {
    if (!name.endsWith('.json')) continue;
    try {
      const parsed = SnapshotSchema.safeParse(JSON.parse(await readFile(join(dir, name), 'utf8')));
      if (parsed.success) snapshots.push(parsed.data);
    } catch {
      // A broken catalogue file only means no comparison for that package.
    }
  }
  return indexCatalogue(snapshots);
}

/** Runs the whole audit; never throws for a server's failure (that is a report entry), only for unusable input. */
export async function runAudit(options: AuditOptions): Promise<AuditResult> {
  const discovery = await discover(options.host, { clients: options.clients, files: options.files });
  const planned = planServers(discovery.servers, {
    remote: options.remote,
    home: options.host.home,
    project: options.host.project,
    offline: options.offline === true,
  });
  const toScan = planned.filter((plan) => !plan.skip);
  const targets: ScanTarget[] = toScan.map((plan) => {
    const { entry, secrets } = expandEntry(plan.entry!, {
      home: options.host.home,
      project: options.host.project,
      env: options.env ?? {},
    });
    const target = targetFromConfigEntry(plan.id, plan.name, entry, plan.file);
    // Values taken from the environment are secrets like env values: redacted wherever they show up (snapshot source
    // included).
    target.secrets.push(...secrets);
    return target;
  });
  const temporaryOut = options.outDir === undefined;
  const outDir = options.outDir ?? (await mkdtemp(join(tmpdir(), 'toolgate-audit-')));
  await mkdir(outDir, { recursive: true });
  const outcomes = new Map<string, ScanOutcome>();
  const snapshots = new Map<string, Snapshot>();
  if (targets.length > 0) {
    const results = await runScan(targets, {
      outDir,
      cacheDir: options.cacheDir,
      sharedDir: options.sharedDir,
      ...(options.npmRegistry ? { npmRegistry: options.npmRegistry } : {}),
      ...(options.pypiIndex ? { pypiIndex: options.pypiIndex } : {}),
      concurrency: options.concurrency,
      limits: { timeoutMs: options.timeoutMs },
      onDone: (result, done, total) =>
        options.onProgress?.(
          `${done}/${total} ${result.id}: ${result.status === 'ok' ? `${result.tools} tools` : result.error?.code}`,
        ),
    });
    for (const result of results) {
      if (result.status !== 'ok') {
        outcomes.set(result.id, {
          status: 'failed',
          error: result.error ?? { code: 'INTERNAL_ERROR', message: 'unknown failure' },
        });
        continue;
      }
      const snapshot = SnapshotSchema.parse(JSON.parse(await readFile(snapshotPath(outDir, result.id), 'utf8')));
      snapshots.set(result.id, snapshot);
      outcomes.set(result.id, { status: 'ok', snapshot });
    }
  }
  const { lock, text: lockText } = options.noLock ? {} : await readLock(options.lockPath);
  const catalogueIndex = await loadCatalogue(options.catalogueDir);
  const catalogue = new Map<string, NonNullable<AuditServer['catalogue']>>();
  for (const plan of toScan) {
    const mine = snapshots.get(plan.id);
    if (!mine) continue;
    // The package the scanner installed (npx/uvx entries), else an exact npx spec in the command line.
    const spec =
      mine.source.kind === 'npm' || mine.source.kind === 'pypi'
        ? { package: mine.source.package, version: mine.source.version }
        : npmSpec(plan.launch);
    if (!spec) continue;
    const key = `${spec.package}@${spec.version}`;
    const theirs = catalogueIndex.get(key);
    if (theirs) catalogue.set(plan.id, compareWithCatalogue(mine, theirs, key));
  }
  const isolation = targets.length > 0 ? currentIsolation() : undefined;
  const report = buildReport({
    configs: discovery.files,
    planned,
    outcomes,
    lock,
    catalogue,
    remote: options.remote,
    failOn: options.failOn,
    acceptPins: options.updateLock,
    fullAudit: !options.files?.length && !options.clients?.length,
  });
  let action: AuditResult['lock']['action'] = 'disabled';
  if (!options.noLock) {
    if (lock && !options.updateLock) action = 'kept';
    else {
      const text = serialiseLock(
        buildLock(
          snapshots,
          lock,
          options.files?.length || options.clients?.length ? undefined : new Set(planned.map((plan) => plan.id)),
        ),
      );
      if (text === lockText) action = 'unchanged';
      else {
        const tmp = `${options.lockPath}.${process.pid}.tmp`;
        await writeFile(tmp, text, 'utf8');
        await rename(tmp, options.lockPath);
        action = lock ? 'updated' : 'created';
      }
    }
  }
  if (isolation) report.isolation = isolation;
  return { report, discovery, planned, snapshots, lock: { path: options.lockPath, action }, outDir, temporaryOut };
}

/** Removes a temporary snapshot folder. */
export async function cleanupAudit(result: AuditResult): Promise<void> {
  if (result.temporaryOut) await rm(result.outDir, { recursive: true, force: true });
}
