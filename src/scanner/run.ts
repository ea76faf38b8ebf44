// Runs a batch of scan targets with bounded concurrency and stores each outcome (snapshot or failure record).
import { Redactor, ambientSecrets } from '../core/redact.ts';
import type { Finding } from '../core/schemas/finding.ts';
import { buildSnapshot, storeFailure, storeSnapshot } from './store.ts';
import type { SnapshotMeta, WriteResult } from './store.ts';
import { DEFAULT_LIMITS, scanServer } from './scan-server.ts';
import type { Launch, ScanLimits } from './scan-server.ts';
import { currentIsolation } from './sandbox.ts';
import type { PrepareContext, ScanTarget } from './targets.ts';

export interface RunOptions extends PrepareContext {
  outDir: string;
  concurrency: number;
  limits: Partial<ScanLimits>;
  onStart?: (target: ScanTarget, done: number, total: number) => void;
  onDone?: (result: ServerResult, done: number, total: number) => void;
}

export interface ServerResult {
  id: string;
  status: 'ok' | 'failed';
  /** What happened to the file in content/ (servers/ on success, failures/ on failure). */
  write: WriteResult;
  transport?: string;
  tools?: number;
  findings?: number;
  error?: { code: string; message: string };
  /** The server's last stderr line on failure (bounded, env values redacted): usually the reason it gave up. */
  lastStderrLine?: string;
  durationMs: number;
}

// Applies a string rewrite to every string (keys included) of a JSON value.
export function rewriteStrings<T>(value: T, rewrite: (text: string) => string): T {
  const walk = (item: unknown): unknown => {
    if (typeof item === 'string') return rewrite(item);
    if (Array.isArray(item)) return item.map(walk);
    if (item && typeof item === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(item))
        Object.defineProperty(out, rewrite(key), {
          value: walk(child),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      return out;
    }
    return item;
  };
  return walk(value) as T;
}

/** Paths of this machine that must not reach content: written as their placeholders instead. */
function machinePaths(env: Record<string, string | undefined>): Array<[string, string]> {
  const paths: Array<[string, string]> = [];
  if (env.PATH) paths.push([env.PATH, '$PATH']);
  if (env.HOME) paths.push([env.HOME, '$HOME']);
  return paths;
}

// Everything a target's output passes through: its secrets (and the scanner's own credential-named env values) in any
// simple transformation, URL credentials, and machine paths.
export function redactorFor(
  target: ScanTarget,
  launchEnv: Record<string, string> | undefined,
  placeholders: Array<[string, string]>,
): Redactor {
  const paths = [
    ...placeholders,
    ...machinePaths(launchEnv ?? {}),
    ...machinePaths(process.env),
    [process.cwd(), '$CWD'] as [string, string],
  ];
  return new Redactor([...target.secrets, ...ambientSecrets(process.env)], paths);
}

// The source is what the person configured (command paths included); only secrets and URL credentials are removed.
function cleanMeta(target: ScanTarget, redactor: Redactor): SnapshotMeta {
  const secretsOnly = (text: string) => redactor.clean(text, { paths: false });
  return {
    id: target.id,
    name: secretsOnly(target.name),
    ...(target.homepage ? { homepage: secretsOnly(target.homepage) } : {}),
    source: rewriteStrings(target.source, secretsOnly),
    ...(target.provenance ? { provenance: target.provenance } : {}),
  };
}

async function recordFailure(
  target: ScanTarget,
  options: RunOptions,
  redactor: Redactor,
  code: string,
  message: string,
  stderr: string,
  started: number,
): Promise<ServerResult> {
  const cleanMessage = redactor.clean(message).slice(0, 2000);
  const cleanStderr = redactor.clean(stderr).trim();
  const meta = cleanMeta(target, redactor);
  let write: WriteResult = 'unchanged';
  try {
    write = await storeFailure(options.outDir, {
      id: meta.id,
      name: meta.name,
      source: meta.source,
      code,
      message: cleanMessage,
      ...(cleanStderr ? { stderr: cleanStderr } : {}),
      failedAt: new Date().toISOString(),
    });
  } catch {
    // The out folder itself is unusable; the result still reports the failure.
  }
  const lastLine = cleanStderr
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .at(-1)
    ?.slice(0, 300);
  return {
    id: target.id,
    status: 'failed',
    write,
    error: { code, message: cleanMessage },
    ...(lastLine ? { lastStderrLine: lastLine } : {}),
    durationMs: Date.now() - started,
  };
}

// A command a person configured may need more than the sandbox shows it: say so, and name the flag that relaxes it.
function sandboxHint(target: ScanTarget, launch: Launch, code: string): string {
  if (launch.kind !== 'stdio' || target.source.kind !== 'command' || currentIsolation() !== 'bwrap') return '';
  if (!['SPAWN_FAILED', 'PROCESS_EXITED', 'INITIALIZE_FAILED', 'TIMEOUT'].includes(code)) return '';
  return ' (it ran in the bubblewrap sandbox: no network, and only its command, its path arguments and its cwd visible, read-only; if it needs more, rerun with --no-sandbox)';
}

async function scanOne(target: ScanTarget, options: RunOptions): Promise<ServerResult> {
  const started = Date.now();
  // One deadline per server: install, start, initialize and listing all come out of the same --timeout.
  const timeoutMs = options.limits.timeoutMs ?? DEFAULT_LIMITS.timeoutMs;
  const deadline = started + timeoutMs;
  let prepared;
  try {
    prepared = await target.prepare({ ...options, deadline });
  } catch (error) {
    const code = (error as { code?: unknown }).code === 'TIMEOUT' ? 'TIMEOUT' : 'PREPARE_FAILED';
    const message =
      code === 'TIMEOUT' ? (error as Error).message : `could not prepare the server: ${(error as Error).message}`;
    return recordFailure(target, options, redactorFor(target, undefined, []), code, message, '', started);
  }
  try {
    const launchEnv = prepared.launch.kind === 'stdio' ? prepared.launch.env : undefined;
    const redactor = redactorFor(target, launchEnv, prepared.placeholders ?? []);
    const remaining = deadline - Date.now();
    if (remaining <= 0)
      return await recordFailure(
        target,
        options,
        redactor,
        'TIMEOUT',
        `preparing the server used up the whole --timeout of ${Math.round(timeoutMs / 100) / 10} s`,
        '',
        started,
      );
    const outcome = await scanServer(prepared.launch, { ...options.limits, timeoutMs: remaining });
    if (!outcome.ok)
      return await recordFailure(
        target,
        options,
        redactor,
        outcome.error.code,
        outcome.error.message + sandboxHint(target, prepared.launch, outcome.error.code),
        outcome.stderr,
        started,
      );
    const before = redactor.hits;
    const data = rewriteStrings(outcome.data, (text) => redactor.clean(text));
    const hits = redactor.hits - before;
    if (hits > 0) {
      const finding: Finding = {
        code: 'ENV_VALUE_ECHOED',
        severity: 'error',
        message: `The server echoed a secret it was given (an env value, header or URL credential) into what it published (${hits} places); the value was redacted.`,
        args: { places: hits },
      };
      data.findings = [...data.findings, finding];
    }
    const snapshot = buildSnapshot(cleanMeta(target, redactor), data, new Date().toISOString());
    const write = await storeSnapshot(options.outDir, snapshot);
    return {
      id: target.id,
      status: 'ok',
      write,
      transport: data.transport,
      tools: data.tools.length,
      findings: data.findings.length,
      durationMs: Date.now() - started,
    };
  } finally {
    await prepared.cleanup().catch(() => undefined);
  }
}

// A failure of the scanner itself on one server (a snapshot that does not validate, a write that failed) is still
// recorded.
function internalFailure(target: ScanTarget, options: RunOptions, error: unknown): Promise<ServerResult> {
  return recordFailure(
    target,
    options,
    redactorFor(target, undefined, []),
    'INTERNAL_ERROR',
    `the scanner could not finish this server: ${(error as Error)?.message ?? String(error)}`,
    '',
    Date.now(),
  );
}

/** Scans every target, at most `concurrency` at a time; results come back in target order. */
export async function runScan(targets: ScanTarget[], options: RunOptions): Promise<ServerResult[]> {
  const results: ServerResult[] = new Array(targets.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < targets.length) {
      const index = next++;
      const target = targets[index]!;
      options.onStart?.(target, done, targets.length);
      try {
        results[index] = await scanOne(target, options);
      } catch (error) {
        results[index] = await internalFailure(target, options, error);
      }
      done++;
      options.onDone?.(results[index]!, done, targets.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, targets.length)) }, worker));
  return results;
}
