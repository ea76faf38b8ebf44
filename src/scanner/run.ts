// Runs a batch of scan targets with bounded concurrency and stores each outcome (snapshot or failure record).
import type { Finding } from '../core/schemas/finding.ts';
import { buildSnapshot, storeFailure, storeSnapshot } from './store.ts';
import type { WriteResult } from './store.ts';
import { scanServer } from './scan-server.ts';
import type { ScanData, ScanLimits } from './scan-server.ts';
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

const REDACTED = '[redacted]';

/** Replaces every secret value in a string; short values are left alone because they cannot be told from ordinary words. */
export function redact(text: string, secrets: string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  return out;
}

// Applies a string rewrite to every string (keys included) of the scan data; counts the strings it changed.
function rewriteStrings(data: ScanData, rewrite: (text: string) => string): { data: ScanData; hits: number } {
  let hits = 0;
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const cleaned = rewrite(value);
      if (cleaned !== value) hits++;
      return cleaned;
    }
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) out[walk(key) as string] = walk(item);
      return out;
    }
    return value;
  };
  return { data: walk(data) as ScanData, hits };
}

// Temporary folders differ per machine; their placeholders keep snapshots identical wherever the scan ran.
function restorePlaceholders(data: ScanData, placeholders: Array<[string, string]>): ScanData {
  if (placeholders.length === 0) return data;
  return rewriteStrings(data, (text) => placeholders.reduce((out, [path, placeholder]) => out.split(path).join(placeholder), text)).data;
}

// A server can echo its env into tool text; scrub it everywhere and say so, rather than publish the secret.
function redactData(data: ScanData, secrets: string[]): ScanData {
  const usable = secrets.filter((secret) => secret.length >= 4);
  if (usable.length === 0) return data;
  const { data: cleaned, hits } = rewriteStrings(data, (text) => redact(text, usable));
  if (hits > 0) {
    const finding: Finding = {
      code: 'ENV_VALUE_ECHOED',
      severity: 'error',
      message: `The server echoed a value of its environment into what it published (${hits} places); the value was redacted.`,
      args: { places: hits },
    };
    cleaned.findings = [...cleaned.findings, finding];
  }
  return cleaned;
}

async function scanOne(target: ScanTarget, options: RunOptions): Promise<ServerResult> {
  const started = Date.now();
  const finish = async (code: string, message: string, stderr: string): Promise<ServerResult> => {
    const cleanMessage = redact(message, target.secrets).slice(0, 2000);
    const cleanStderr = redact(stderr, target.secrets).trim();
    const write = await storeFailure(options.outDir, {
      id: target.id,
      name: target.name,
      source: target.source,
      code,
      message: cleanMessage,
      ...(cleanStderr ? { stderr: cleanStderr } : {}),
      failedAt: new Date().toISOString(),
    });
    const lastLine = cleanStderr.split('\n').map((line) => line.trim()).filter(Boolean).at(-1)?.slice(0, 300);
    return { id: target.id, status: 'failed', write, error: { code, message: cleanMessage }, ...(lastLine ? { lastStderrLine: lastLine } : {}), durationMs: Date.now() - started };
  };
  let prepared;
  try {
    prepared = await target.prepare(options);
  } catch (error) {
    return finish('PREPARE_FAILED', `could not prepare the server: ${(error as Error).message}`, '');
  }
  try {
    const outcome = await scanServer(prepared.launch, options.limits);
    if (!outcome.ok) return await finish(outcome.error.code, outcome.error.message, outcome.stderr);
    const data = redactData(restorePlaceholders(outcome.data, prepared.placeholders ?? []), target.secrets);
    const snapshot = buildSnapshot(target, data, new Date().toISOString());
    const write = await storeSnapshot(options.outDir, snapshot);
    return { id: target.id, status: 'ok', write, transport: data.transport, tools: data.tools.length, findings: data.findings.length, durationMs: Date.now() - started };
  } finally {
    await prepared.cleanup().catch(() => undefined);
  }
}

// A failure of the scanner itself on one server (a snapshot that does not validate, a write that failed) is still recorded.
async function internalFailure(target: ScanTarget, options: RunOptions, error: unknown): Promise<ServerResult> {
  const message = redact(`the scanner could not finish this server: ${(error as Error)?.message ?? String(error)}`, target.secrets).slice(0, 2000);
  let write: WriteResult = 'unchanged';
  try {
    write = await storeFailure(options.outDir, { id: target.id, name: target.name, source: target.source, code: 'INTERNAL_ERROR', message, failedAt: new Date().toISOString() });
  } catch {
    // The out folder itself is unusable; the result below still reports the failure.
  }
  return { id: target.id, status: 'failed', write, error: { code: 'INTERNAL_ERROR', message }, durationMs: 0 };
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
