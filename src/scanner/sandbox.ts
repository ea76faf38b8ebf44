// The bubblewrap launcher every install and every server process goes through, with process-group isolation as
// fallback.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess, StdioOptions } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  lstatSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, isAbsolute, join, resolve, sep } from 'node:path';

/** `auto`: bubblewrap when it works here, else process-group isolation (said once); `off`: `--no-sandbox`. */
export type SandboxMode = 'auto' | 'off';
export type Isolation = 'bwrap' | 'process-group';

/** A host path made visible inside the sandbox (at the same path unless `dest` says where). */
export interface Bind {
  path: string;
  /** Where it appears inside the sandbox (bubblewrap only; the fallback sees `path`). */
  dest?: string;
  /** Read-write; everything else is read-only. */
  writable?: boolean;
}

export interface SandboxSpec {
  command: string;
  args: string[];
  /** Working folder (must be one of the binds, or inside one, to exist in the sandbox). */
  cwd: string;
  /** The complete environment (already allow-listed); nothing of the scanner's own environment is added. */
  env: Record<string, string>;
  /** Host paths to show: the per-server home, tmp and working folder (writable), packages and commands (read-only). */
  binds?: Bind[];
  /** Share the host network (installs, or an entry that says why it needs it). Default: loopback of its own only. */
  network?: boolean;
  /** Overrides the process-wide mode (see setSandboxMode). */
  mode?: SandboxMode;
  /** The launch's private folder (created by the scanner for it alone): in the fallback, a process whose cwd is inside it is ours. */
  scratch?: string;
}

/** Env variable that marks every process of one launch, so descendants that left the group are found in the fallback. */
export const SESSION_MARKER = 'TOOLGATE_SCAN_SESSION';

let processMode: SandboxMode = process.env.TOOLGATE_SANDBOX === 'off' ? 'off' : 'auto';
let notice: ((message: string) => void) | undefined;
let noticeGiven = false;

/** Sets the mode for every launch that does not say otherwise (the CLI's `--no-sandbox`). */
export function setSandboxMode(mode: SandboxMode): void {
  processMode = mode;
}

/** Where the once-only fallback notice goes (stderr by default). */
export function onSandboxNotice(handler: (message: string) => void): void {
  notice = handler;
}

function sayOnce(message: string): void {
  if (noticeGiven) return;
  noticeGiven = true;
  if (notice) notice(message);
  else process.stderr.write(`scan: ${message}\n`);
}

let bwrapPath: string | null | undefined;

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here.
    }
  }
  return undefined;
}

/** The working bwrap binary, or null: found on PATH (or $TOOLGATE_BWRAP) and proven by one tiny sandboxed run. */
export function findBwrap(): string | null {
  if (bwrapPath !== undefined) return bwrapPath;
  const candidate = process.env.TOOLGATE_BWRAP ?? onPath('bwrap') ?? '/usr/bin/bwrap';
  bwrapPath = null;
  if (existsSync(candidate)) {
    const probe = spawnSync(
      candidate,
      [...systemArgs(), '--unshare-all', '--die-with-parent', '--new-session', 'true'],
      { stdio: 'ignore', timeout: 10_000 },
    );
    if (probe.status === 0) bwrapPath = candidate;
  }
  return bwrapPath;
}

/** How launches are isolated right now, saying once when bubblewrap is missing. */
export function currentIsolation(mode: SandboxMode = processMode): Isolation {
  if (mode === 'off') return 'process-group';
  if (findBwrap()) return 'bwrap';
  sayOnce(
    'bubblewrap (bwrap) is not available or does not work here, so installs and servers run with process-group isolation only: ' +
      'they can read your files, use the network, signal your processes (a server could stop the scanner itself) and leave ' +
      'daemons that escape both the group and the session marker. Install bubblewrap (Debian/Ubuntu: apt-get install bubblewrap) ' +
      'to sandbox them, or pass --no-sandbox to say this is intended.',
  );
  return 'process-group';
}

// The read-only system: /usr and its merged-usr links, plus only the /etc files programs need to run and resolve names.
const SYSTEM_DIRS = ['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32'];
const ETC_FILES = [
  'alternatives',
  'ca-certificates',
  'ca-certificates.conf',
  'gai.conf',
  'group',
  'host.conf',
  'hosts',
  'ld.so.cache',
  'ld.so.conf',
  'ld.so.conf.d',
  'localtime',
  'mime.types',
  'nsswitch.conf',
  'npmrc',
  'os-release',
  'passwd',
  'protocols',
  'resolv.conf',
  'services',
  'ssl',
  'timezone',
];

function systemArgs(): string[] {
  const args: string[] = [];
  for (const dir of SYSTEM_DIRS) {
    let stat;
    try {
      stat = lstatSync(dir);
    } catch {
      continue;
    }
    if (stat.isSymbolicLink()) args.push('--symlink', readlinkSync(dir), dir);
    else if (stat.isDirectory()) args.push('--ro-bind', dir, dir);
  }
  for (const name of ETC_FILES) args.push('--ro-bind-try', `/etc/${name}`, `/etc/${name}`);
  args.push('--proc', '/proc', '--dev', '/dev', '--tmpfs', '/tmp');
  return args;
}

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** The folder holding the scanner's own Node, which servers with a `node` shebang need (read-only). */
export function nodeBinds(): Bind[] {
  return [{ path: dirname(real(process.execPath)) }];
}

const SCRIPT_ROOT_MARKERS = ['package.json', 'node_modules', 'pyproject.toml', 'setup.py', 'go.mod', 'Cargo.toml'];

// A script needs its own project (modules beside it, or hoisted above it): the folder holding the outermost
// node_modules on its path, else the nearest folder that looks like a project; never home, the machine's temp folder
// or / itself (then only the file): a stray package.json in /tmp must not bind /tmp read-only over the sandbox's own.
function projectRoot(file: string): string {
  const home = real(homedir());
  const temps = new Set([real(tmpdir()), '/tmp']);
  const hoisted = file.indexOf(`${sep}node_modules${sep}`);
  if (hoisted > 0) {
    const root = file.slice(0, hoisted);
    if (root !== home && !temps.has(root) && !SYSTEM_DIRS.includes(root)) return root;
  }
  let dir = dirname(file);
  for (;;) {
    if (dir === '/' || dir === home || temps.has(dir) || SYSTEM_DIRS.includes(dir)) return file;
    if (SCRIPT_ROOT_MARKERS.some((marker) => existsSync(join(dir, marker)))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return file;
    dir = parent;
  }
}

// A native executable needs only itself (and the read-only system); a script needs its project.
function isNativeExecutable(path: string): boolean {
  try {
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(4);
      readSync(fd, head, 0, 4, 0);
      return (
        head.equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46])) ||
        head.readUInt32BE(0) === 0xcffaedfe ||
        head.readUInt32BE(0) === 0xcafebabe
      );
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

function statOf(path: string): 'file' | 'dir' | undefined {
  try {
    const stat = statSync(path);
    return stat.isDirectory() ? 'dir' : stat.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

function lookup(command: string, path: string | undefined): string | undefined {
  if (command.includes('/')) return statOf(resolve(command)) === 'file' ? resolve(command) : undefined;
  for (const dir of [...(path ?? '').split(delimiter), ...(process.env.PATH ?? '').split(delimiter)]) {
    if (!dir || !isAbsolute(dir)) continue;
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      if (statOf(candidate) === 'file') return candidate;
    } catch {
      // Not here.
    }
  }
  return undefined;
}

function visible(path: string): boolean {
  return SYSTEM_DIRS.some((dir) => path === dir || path.startsWith(dir + '/'));
}

/**
 * What a command a person configured (`--stdio`, `--config`) may see, read-only: the command (through symlinks), its
 * arguments that are existing paths (a script with its project folder) and its cwd. The command and relative path
 * arguments are rewritten to absolute real paths, since the sandbox has no view of the scanner's folder.
 */
export function commandSandbox(
  command: string,
  args: string[],
  cwd: string | undefined,
  childPath: string | undefined,
): { command: string; args: string[]; binds: Bind[] } {
  const binds: Bind[] = [...nodeBinds()];
  const base = cwd ?? process.cwd();
  let resolvedCommand = command;
  const found = lookup(command, childPath);
  if (found) {
    resolvedCommand = real(found);
    if (!visible(resolvedCommand))
      binds.push({ path: isNativeExecutable(resolvedCommand) ? resolvedCommand : projectRoot(resolvedCommand) });
  }
  const resolvedArgs = args.map((arg) => {
    if (arg.length === 0 || arg.startsWith('-') || arg.includes('\0')) return arg;
    const absolute = resolve(base, arg);
    const kind = statOf(absolute);
    if (!kind) return arg;
    const target = real(absolute);
    if (!visible(target))
      binds.push({ path: kind === 'file' && !isNativeExecutable(target) ? projectRoot(target) : target });
    return isAbsolute(arg) ? arg : target;
  });
  if (cwd !== undefined && statOf(cwd) === 'dir') binds.push({ path: real(cwd), dest: cwd });
  // Absolute arguments keep their spelling: bind the spelled path too when it differs from the real one.
  for (const arg of args) {
    if (!isAbsolute(arg)) continue;
    const kind = statOf(arg);
    if (kind && real(arg) !== arg && !visible(arg)) binds.push({ path: real(arg), dest: arg });
  }
  return { command: resolvedCommand, args: resolvedArgs, binds };
}

let offlineEtc: string | undefined;

// Without a network, host names resolve from /etc/hosts only: a lookup fails at once with ENOTFOUND ("no such host"),
// as on a machine without internet, instead of EAI_AGAIN after asking a resolver the sandbox cannot reach.
function offlineNsswitch(): string {
  if (offlineEtc) return join(offlineEtc, 'nsswitch.conf');
  offlineEtc = mkdtempSync(join(tmpdir(), 'toolgate-sandbox-etc-'));
  const dir = offlineEtc;
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  let text = 'hosts: files\n';
  try {
    text = readFileSync('/etc/nsswitch.conf', 'utf8').replace(/^hosts:.*$/m, 'hosts: files');
    if (!/^hosts:/m.test(text)) text += 'hosts: files\n';
  } catch {
    // No nsswitch.conf here: the minimal one will do.
  }
  writeFileSync(join(dir, 'nsswitch.conf'), text);
  return join(dir, 'nsswitch.conf');
}

/** The bwrap argument list for a spec (exported for tests and for reading). */
export function bwrapArgs(spec: SandboxSpec): string[] {
  const args = [...systemArgs()];
  if (!spec.network) args.push('--ro-bind', offlineNsswitch(), '/etc/nsswitch.conf');
  // Longest paths last, so a writable folder inside a read-only one stays writable.
  const binds = [...(spec.binds ?? [])]
    .filter((bind) => isAbsolute(bind.path) && (bind.dest === undefined || isAbsolute(bind.dest)))
    .map((bind) => ({ ...bind, dest: bind.dest ?? bind.path }))
    .sort(
      (a, b) =>
        a.dest.length - b.dest.length ||
        a.dest.localeCompare(b.dest) ||
        Number(Boolean(a.writable)) - Number(Boolean(b.writable)),
    );
  const seen = new Set<string>();
  for (const bind of binds) {
    const key = `${bind.path}|${bind.dest}|${bind.writable ? 1 : 0}`;
    if (seen.has(key)) continue;
    seen.add(key);
    args.push(bind.writable ? '--bind' : '--ro-bind', bind.path, bind.dest);
  }
  // The root itself (bwrap's tmpfs holding the mount points) becomes read-only too; /tmp and the writable binds stay
  // so.
  args.push('--remount-ro', '/');
  args.push('--chdir', spec.cwd);
  args.push('--unshare-all');
  if (spec.network) args.push('--share-net');
  // Dies with the scanner; a new session keeps it from the scanner's terminal (bwrap leaves no capabilities by
  // default).
  args.push('--die-with-parent', '--new-session', '--clearenv');
  for (const [name, value] of Object.entries(spec.env).sort(([a], [b]) => a.localeCompare(b)))
    args.push('--setenv', name, value);
  args.push('--', spec.command, ...spec.args);
  return args;
}

export interface Wrapped {
  command: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
  isolation: Isolation;
  /** Marks every process of this launch (in its environment). */
  token: string;
}

/** Turns a spec into what to spawn: bwrap around the command, or the bare command in the fallback. */
export function wrap(spec: SandboxSpec): Wrapped {
  const token = randomUUID();
  const env = { ...spec.env, [SESSION_MARKER]: token };
  const isolation = currentIsolation(spec.mode ?? processMode);
  if (isolation === 'bwrap') {
    // bwrap itself runs with an empty environment; the server's is passed with --setenv after --clearenv.
    return { command: findBwrap()!, args: bwrapArgs({ ...spec, env }), env: {}, cwd: spec.cwd, isolation, token };
  }
  return { command: spec.command, args: spec.args, env, cwd: spec.cwd, isolation, token };
}

// Every live launch, so that an interrupted scanner still kills what it started.
const live = new Map<number, { token: string; scratch: string | undefined; isolation: Isolation }>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const [pgid, { token, scratch, isolation }] of live) killLaunch(pgid, token, scratch, isolation);
  });
}

function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

function inside(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

// Fallback only (Linux): processes that left the group (setsid daemons) keep the env marker, or at least the private
// cwd.
function killStragglers(token: string, scratch: string | undefined): void {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return;
  }
  const needle = `${SESSION_MARKER}=${token}\0`;
  const privateRoot = scratch === undefined ? undefined : real(scratch);
  const guardCwd = privateRoot !== undefined && privateRoot.length > 1 && !inside(real(process.cwd()), privateRoot);
  for (const pid of pids) {
    if (Number(pid) === process.pid) continue;
    let match = false;
    try {
      match = readFileSync(`/proc/${pid}/environ`, 'latin1').includes(needle);
    } catch {
      // Gone, or not ours to read.
    }
    if (!match && guardCwd) {
      try {
        match = inside(readlinkSync(`/proc/${pid}/cwd`), privateRoot!);
      } catch {
        // Gone.
      }
    }
    if (match) {
      try {
        process.kill(Number(pid), 'SIGKILL');
      } catch {
        // Gone.
      }
    }
  }
}

/** SIGKILLs a launch: its group (bwrap's PID namespace dies with it) and, in the fallback, every straggler. */
export function killLaunch(
  pgid: number,
  token: string,
  scratch: string | undefined,
  isolation: Isolation = 'process-group',
): void {
  killGroup(pgid, 'SIGKILL');
  // Under bubblewrap the PID namespace dies with its init; only the fallback needs the (slower) walk over /proc.
  if (isolation !== 'bwrap') killStragglers(token, scratch);
}

export interface Launched {
  child: ChildProcess;
  isolation: Isolation;
  /** SIGTERM (politely) or SIGKILL the whole launch. */
  signal(signal: 'SIGTERM' | 'SIGKILL'): void;
  /** Forget the launch once it is dead. */
  release(): void;
}

/** Starts a sandboxed process in a process group of its own; the caller owns its stdio. */
export function spawnSandboxed(spec: SandboxSpec, stdio: StdioOptions = ['pipe', 'pipe', 'pipe']): Launched {
  installExitHook();
  const wrapped = wrap(spec);
  if (wrapped.isolation === 'bwrap' && !lookup(spec.command, spec.env.PATH)) {
    // bwrap would start and then fail to exec; say it the way spawn does, so the scan reports SPAWN_FAILED.
    throw Object.assign(new Error(`spawn ${spec.command} ENOENT`), { code: 'ENOENT' });
  }
  const child = spawn(wrapped.command, wrapped.args, {
    env: wrapped.env,
    cwd: wrapped.isolation === 'bwrap' ? '/' : wrapped.cwd,
    stdio,
    // A group of its own, so a kill reaches wrappers and grandchildren too.
    detached: true,
    shell: false,
    windowsHide: true,
  });
  const track = () => {
    if (child.pid) live.set(child.pid, { token: wrapped.token, scratch: spec.scratch, isolation: wrapped.isolation });
  };
  child.once('spawn', track);
  return {
    child,
    isolation: wrapped.isolation,
    signal(signal) {
      if (!child.pid) return;
      if (signal === 'SIGKILL') killLaunch(child.pid, wrapped.token, spec.scratch, wrapped.isolation);
      else killGroup(child.pid, signal);
    },
    release() {
      if (child.pid) {
        killLaunch(child.pid, wrapped.token, spec.scratch, wrapped.isolation);
        live.delete(child.pid);
      }
    },
  };
}

export interface RunSpec extends SandboxSpec {
  /** Epoch milliseconds by which the run must have ended; it is killed then. */
  deadline?: number;
  /** How much of stdout+stderr to keep (the tail). */
  outputBytes?: number;
}

export interface RunResult {
  code: number | null;
  signal: string | null;
  /** The tail of stdout and stderr, interleaved. */
  output: string;
  timedOut: boolean;
  isolation: Isolation;
}

/** Runs a command to completion in the sandbox (installs): stdin closed, output tail kept, killed at the deadline. */
export function runSandboxed(spec: RunSpec): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const launched = spawnSandboxed(spec, ['ignore', 'pipe', 'pipe']);
    const { child } = launched;
    const limit = spec.outputBytes ?? 16_384;
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-limit);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let timedOut = false;
    const remaining = spec.deadline === undefined ? undefined : spec.deadline - Date.now();
    const timer =
      remaining === undefined
        ? undefined
        : setTimeout(
            () => {
              timedOut = true;
              launched.signal('SIGKILL');
            },
            Math.max(0, remaining),
          );
    child.once('error', (error) => {
      if (timer) clearTimeout(timer);
      launched.release();
      reject(error);
    });
    child.once('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      // The command is done: whatever it started (daemons of install scripts) goes with it.
      launched.release();
      resolve({ code, signal, output, timedOut, isolation: launched.isolation });
    });
  });
}
