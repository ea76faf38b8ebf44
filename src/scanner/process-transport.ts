// MCP stdio client transport that owns its child's whole process group: kills the tree, tolerates noise, bounds memory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { JSONRPCMessageSchema } from '@modelcontextprotocol/sdk/types.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { ServerFault, checkDepth } from './bounds.ts';
import { commandSandbox, spawnSandboxed } from './sandbox.ts';
import type { Bind, Isolation, Launched } from './sandbox.ts';

export interface ProcessTransportOptions {
  command: string;
  args: string[];
  /** The complete environment of the child (already allow-listed by the caller). */
  env: Record<string, string>;
  /** Working folder; without one the server gets a private, empty folder (never the scanner's own). */
  cwd?: string;
  /** What the sandbox shows; without it, exactly the command, its existing-path arguments and cwd (read-only). */
  sandbox?: { binds: Bind[]; network?: boolean; scratch?: string };
  /** Longest single stdout line accepted; a longer one ends the session (a hostile or broken server). */
  maxLineBytes?: number;
  /** Total stdout bytes accepted over the session. */
  maxTotalBytes?: number;
  /** How much of stderr to keep (the tail). */
  stderrBytes?: number;
  /** JSON nesting depth accepted in one line, checked before parsing. */
  maxDepth?: number;
  /** Told once when the server broke a bound (or sent what the client could not handle); the session is closing. */
  onFault?: (fault: ServerFault) => void;
}

export class ProcessStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: <T extends JSONRPCMessage>(message: T) => void;

  /** Non-empty stdout lines that were not JSON-RPC (banners, log lines); counted, never recorded. */
  noiseLines = 0;
  /** Set when a bound (bytes, depth) ended the session. */
  limitError: ServerFault | undefined;
  /** The child's exit code or signal once it has exited. */
  exit: { code: number | null; signal: string | null } | undefined;

  private readonly options: ProcessTransportOptions;
  private child: ChildProcess | undefined;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private totalBytes = 0;
  private stderrChunks: Buffer[] = [];
  private noise: string[] = [];
  private noiseKept = 0;
  private stderrKept = 0;
  private closed = false;
  private finished = false;
  private exited: Promise<void> | undefined;
  private protocolVersion: string | undefined;
  private launched: Launched | undefined;
  private scratch: string | undefined;

  constructor(options: ProcessTransportOptions) {
    this.options = options;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** How the server was isolated (bubblewrap, or process groups where bwrap is missing or --no-sandbox). */
  get isolation(): Isolation | undefined {
    return this.launched?.isolation;
  }

  /** The negotiated protocol version, set by the SDK client after initialize. */
  get negotiatedProtocolVersion(): string | undefined {
    return this.protocolVersion;
  }

  setProtocolVersion(version: string): void {
    this.protocolVersion = version;
  }

  /** The last non-protocol stdout lines (usage text, banners), bounded like stderr: discovery learns from them. */
  noiseTail(): string {
    return this.noise.join('\n');
  }

  private keepNoise(text: string): void {
    const limit = this.options.stderrBytes ?? 16_384;
    const line = text.slice(0, limit);
    this.noise.push(line);
    this.noiseKept += line.length;
    while (this.noiseKept > limit && this.noise.length > 1) this.noiseKept -= this.noise.shift()!.length;
  }

  /** The last bytes the server wrote to stderr, as text. */
  stderrTail(): string {
    return Buffer.concat(this.stderrChunks).toString('utf8');
  }

  start(): Promise<void> {
    if (this.child) throw new Error('ProcessStdioTransport already started');
    return new Promise((resolve, reject) => {
      let cwd = this.options.cwd;
      let sandbox = this.options.sandbox;
      let command = this.options.command;
      let args = this.options.args;
      if (!sandbox) {
        const derived = commandSandbox(command, args, cwd, this.options.env.PATH);
        ({ command, args } = derived);
        sandbox = { binds: derived.binds };
      }
      if (cwd === undefined) {
        // Never the scanner's folder: a server must not see or plant files in the project.
        this.scratch = mkdtempSync(join(tmpdir(), 'toolgate-server-'));
        cwd = this.scratch;
        sandbox = {
          ...sandbox,
          binds: [...sandbox.binds, { path: this.scratch, writable: true }],
          scratch: this.scratch,
        };
      }
      let launched: Launched;
      try {
        launched = spawnSandboxed({
          command,
          args,
          cwd,
          env: this.options.env,
          binds: sandbox.binds,
          network: sandbox.network,
          scratch: sandbox.scratch,
        });
      } catch (error) {
        this.removeScratch();
        reject(error);
        return;
      }
      this.launched = launched;
      const child = launched.child;
      this.child = child;
      this.exited = new Promise((done) => child.once('close', () => done()));
      child.once('error', (error) => {
        reject(error);
        this.onerror?.(error);
      });
      child.once('spawn', () => resolve());
      child.once('exit', (code, signal) => {
        this.exit = { code, signal };
      });
      child.once('close', () => {
        // The leader is gone; its descendants may not be.
        launched.release();
        this.removeScratch();
        this.finish();
      });
      child.stdin?.on('error', (error) => this.onerror?.(error));
      child.stdout?.on('data', (chunk: Buffer) => this.onStdout(chunk));
      child.stderr?.on('data', (chunk: Buffer) => this.onStderr(chunk));
    });
  }

  private removeScratch(): void {
    if (!this.scratch) return;
    rmSync(this.scratch, { recursive: true, force: true });
    this.scratch = undefined;
  }

  private onStderr(chunk: Buffer): void {
    const limit = this.options.stderrBytes ?? 16_384;
    this.stderrChunks.push(chunk);
    this.stderrKept += chunk.length;
    while (this.stderrKept > limit && this.stderrChunks.length > 1) {
      this.stderrKept -= this.stderrChunks.shift()!.length;
    }
    if (this.stderrKept > limit) {
      const only = this.stderrChunks[0]!;
      this.stderrChunks = [only.subarray(only.length - limit)];
      this.stderrKept = limit;
    }
  }

  private onStdout(chunk: Buffer): void {
    if (this.closed) return;
    const maxLine = this.options.maxLineBytes ?? 32 * 1024 * 1024;
    const maxTotal = this.options.maxTotalBytes ?? 128 * 1024 * 1024;
    this.totalBytes += chunk.length;
    if (this.totalBytes > maxTotal) {
      this.fail(
        new ServerFault(
          'OVERSIZE',
          `the server wrote more than ${maxTotal} bytes to stdout; stopped reading to protect memory`,
        ),
      );
      return;
    }
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(0x0a, start);
      if (newline === -1) break;
      const piece = chunk.subarray(start, newline);
      const line = this.pending.length ? Buffer.concat([...this.pending, piece]) : piece;
      this.pending = [];
      this.pendingBytes = 0;
      this.handleLine(line);
      if (this.closed) return;
      start = newline + 1;
    }
    if (start < chunk.length) {
      const rest = chunk.subarray(start);
      this.pending.push(rest);
      this.pendingBytes += rest.length;
      if (this.pendingBytes > maxLine) {
        this.fail(
          new ServerFault(
            'OVERSIZE',
            `the server wrote a stdout line longer than ${maxLine} bytes; stopped reading to protect memory`,
          ),
        );
      }
    }
  }

  // Whatever a line holds, it ends at most this session: a fault is recorded for this server, never thrown to the event
  // loop.
  private handleLine(raw: Buffer): void {
    try {
      checkDepth(raw, this.options.maxDepth ?? 10_000);
      this.dispatchLine(raw);
    } catch (error) {
      this.fail(
        error instanceof ServerFault
          ? error
          : new ServerFault(
              'MESSAGE_REJECTED',
              `a message from the server could not be handled: ${(error as Error)?.message ?? String(error)}`,
            ),
      );
    }
  }

  private dispatchLine(raw: Buffer): void {
    const text = raw.toString('utf8').replace(/\r$/, '').trim();
    if (!text) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      this.noiseLines++;
      this.keepNoise(text);
      return;
    }
    const message = JSONRPCMessageSchema.safeParse(parsed);
    if (!message.success) {
      this.noiseLines++;
      this.keepNoise(text);
      return;
    }
    this.onmessage?.(message.data as JSONRPCMessage);
  }

  private fail(error: ServerFault): void {
    if (this.limitError) return;
    this.limitError = error;
    this.options.onFault?.(error);
    this.onerror?.(error);
    void this.close();
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.closed = true;
    this.child = undefined;
    this.onclose?.();
  }

  async send(message: JSONRPCMessage): Promise<void> {
    const stdin = this.child?.stdin;
    if (!stdin || this.closed) throw new Error('Not connected: the server process has exited');
    const json = JSON.stringify(message) + '\n';
    if (!stdin.write(json)) await new Promise<void>((resolve) => stdin.once('drain', resolve));
  }

  /** Ends the session: SIGTERM to the whole group, SIGKILL after a grace period, then waits for the exit. */
  async close(graceMs = 1000): Promise<void> {
    const child = this.child;
    const launched = this.launched;
    this.closed = true;
    if (!child || !child.pid || !launched) {
      this.removeScratch();
      this.finish();
      return;
    }
    try {
      child.stdin?.end();
    } catch {
      // The pipe may already be broken.
    }
    if (this.exit === undefined) launched.signal('SIGTERM');
    const timer = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
    await Promise.race([this.exited, timer(graceMs)]);
    launched.signal('SIGKILL');
    await Promise.race([this.exited, timer(1000)]);
    launched.release();
    child.stdout?.destroy();
    child.stderr?.destroy();
    this.removeScratch();
    this.finish();
  }
}
