// Package runners in config files (npx, bunx, pnpm dlx, yarn dlx, uvx, pipx run, python -m) read as the package they
// run, so the scanner installs that package (pinned, sandboxed) instead of letting the runner fetch whatever is newest.

/** A package a config entry's command runs. `version` is exact, or undefined when the entry does not pin one. */
export interface PackageCommand {
  registry: 'npm' | 'pypi';
  package: string;
  version?: string;
  /** PyPI: the console script to start (defaults to one the package declares); npm: the bin. */
  bin?: string;
  /** PyPI: run as `python -m <module>`. */
  module?: string;
  /** Arguments for the server itself. */
  args: string[];
}

const EXACT_SEMVER = /^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?$/;
const PEP440 = /^[0-9][0-9A-Za-z.!+_-]*$/;

function base(command: string): string {
  return command
    .split(/[\\/]/)
    .at(-1)!
    .replace(/\.(?:cmd|exe)$/i, '');
}

/** Splits "name@1.2.3" / "@scope/name@1.2.3" / "name" into name and exact version (tags and ranges count as unpinned). */
export function splitNpmSpec(spec: string): { name: string; version?: string } {
  const at = spec.lastIndexOf('@');
  if (at <= 0) return { name: spec };
  const name = spec.slice(0, at);
  const version = spec.slice(at + 1);
  return EXACT_SEMVER.test(version) ? { name, version } : { name };
}

/** Splits "name==1.2", "name@1.2", "name[extra]==1.2" or "name" into name and exact version. */
export function splitPypiSpec(spec: string): { name: string; version?: string } {
  const match = /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?(?:(?:==|@)([^\s;,]+))?$/.exec(spec.trim());
  if (!match) return { name: spec };
  const version = match[2];
  return version && PEP440.test(version) ? { name: match[1]!, version } : { name: match[1]! };
}

// Runner options that take a value, so the value is not mistaken for the package.
const NPX_VALUE_FLAGS = new Set(['-p', '--package', '-c', '--call', '--registry', '--cache', '--userconfig']);
const UVX_VALUE_FLAGS = new Set([
  '--from',
  '--with',
  '--python',
  '-p',
  '--index',
  '--index-url',
  '--extra-index-url',
  '--default-index',
  '--with-requirements',
  '--constraint',
  '-c',
  '--exclude-newer',
  '--directory',
  '--cache-dir',
  '--config-file',
]);
const PIPX_VALUE_FLAGS = new Set(['--spec', '--python', '--pip-args', '--index-url']);

/** The package a command runs, or undefined when it is not a known package runner (or names a local path). */
export function packageCommand(command: string, args: readonly string[]): PackageCommand | undefined {
  const name = base(command);
  let rest = [...args];
  if ((name === 'pnpm' || name === 'yarn') && rest[0] === 'dlx') {
    rest = rest.slice(1);
    return npmRunner(rest);
  }
  if (name === 'npx' || name === 'bunx') return npmRunner(rest);
  if (name === 'npm' && (rest[0] === 'exec' || rest[0] === 'x')) return npmRunner(rest.slice(1));
  if (name === 'uvx' || (name === 'uv' && rest[0] === 'tool' && rest[1] === 'run'))
    return uvxRunner(name === 'uv' ? rest.slice(2) : rest);
  if (name === 'pipx' && rest[0] === 'run') return pipxRunner(rest.slice(1));
  if (/^python(?:3(?:\.\d+)?)?$/.test(name) && rest[0] === '-m' && rest[1]) {
    const module = rest[1];
    if (!/^[A-Za-z_][\w.]*$/.test(module)) return undefined;
    // The distribution is guessed from the top-level module, the usual convention (mcp_server_fetch →
    // mcp-server-fetch).
    return { registry: 'pypi', package: module.split('.')[0]!.replace(/_/g, '-'), module, args: rest.slice(2) };
  }
  return undefined;
}

function isLocal(spec: string): boolean {
  return (
    /^(?:\.{0,2}\/|~|file:|git[+:]|https?:|[A-Za-z]:\\)/.test(spec) || spec.endsWith('.tgz') || spec.endsWith('.whl')
  );
}

function npmRunner(args: string[]): PackageCommand | undefined {
  let pkg: string | undefined;
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      i++;
      break;
    }
    if (arg.startsWith('--package=')) pkg = arg.slice('--package='.length);
    else if (NPX_VALUE_FLAGS.has(arg)) {
      if (arg === '-p' || arg === '--package') pkg = args[i + 1];
      i++;
    } else if (!arg.startsWith('-')) break;
  }
  const first = args[i];
  if (!first && !pkg) return undefined;
  const spec = pkg ?? first!;
  if (isLocal(spec)) return undefined;
  const { name, version } = splitNpmSpec(spec);
  // With --package, the word after the options is the bin to run; otherwise the package's own bin.
  const bin = pkg && first ? splitNpmSpec(first).name : undefined;
  return {
    registry: 'npm',
    package: name,
    ...(version ? { version } : {}),
    ...(bin ? { bin } : {}),
    args: args.slice(first === undefined ? args.length : i + 1),
  };
}

function uvxRunner(args: string[]): PackageCommand | undefined {
  let from: string | undefined;
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith('--from=')) from = arg.slice('--from='.length);
    else if (UVX_VALUE_FLAGS.has(arg)) {
      if (arg === '--from') from = args[i + 1];
      i++;
    } else if (!arg.startsWith('-')) break;
  }
  const first = args[i];
  if (!first) return undefined;
  const spec = from ?? first;
  if (isLocal(spec)) return undefined;
  const { name, version } = splitPypiSpec(spec);
  const bin = splitPypiSpec(first).name;
  return { registry: 'pypi', package: name, ...(version ? { version } : {}), bin, args: args.slice(i + 1) };
}

function pipxRunner(args: string[]): PackageCommand | undefined {
  let spec: string | undefined;
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith('--spec=')) spec = arg.slice('--spec='.length);
    else if (PIPX_VALUE_FLAGS.has(arg)) {
      if (arg === '--spec') spec = args[i + 1];
      i++;
    } else if (!arg.startsWith('-')) break;
  }
  const first = args[i];
  if (!first) return undefined;
  const source = spec ?? first;
  if (isLocal(source)) return undefined;
  const { name, version } = splitPypiSpec(source);
  return {
    registry: 'pypi',
    package: name,
    ...(version ? { version } : {}),
    bin: splitPypiSpec(first).name,
    args: args.slice(i + 1),
  };
}
