// The grammar of every value that becomes part of a file path: package names, exact versions, ids, bin names.
// Pure checks; src/scanner/paths.ts resolves the paths themselves and proves they stay inside their root.

/** npm package name: optional @scope/, URL-safe characters, no leading "." or "_", at most 214 characters. */
const NPM_NAME = /^(?:@[a-z0-9~-][a-z0-9._~-]*\/)?[a-z0-9~-][a-z0-9._~-]*$/i;

/** SemVer 2.0.0, exactly one version (no ranges, tags or "v" prefix). */
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*)?(?:\+[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*)?$/;

/** PyPI project name (PEP 508 / core metadata). */
const PYPI_NAME = /^(?:[A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$/i;

/** One exact public PyPI version (PEP 440): epoch, release, pre, post, dev; no local part, no specifiers. */
const PYPI_VERSION =
  /^(?:[1-9]\d*!)?(?:0|[1-9]\d*)(?:\.(?:0|[1-9]\d*))*(?:(?:a|b|rc)(?:0|[1-9]\d*))?(?:\.post(?:0|[1-9]\d*))?(?:\.dev(?:0|[1-9]\d*))?$/;

/** Snapshot id: a-z, 0-9 and "-", 1-80 characters, no leading or trailing "-" (same as ServerIdSchema). */
const SERVER_ID = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/;

/** A bin name from node_modules/.bin or a console script: one path segment, no leading ".". */
const BIN_NAME = /^[A-Za-z0-9_@+~-][A-Za-z0-9._@+~-]*$/;

export function isNpmName(name: string): boolean {
  return name.length <= 214 && NPM_NAME.test(name);
}

export function isExactSemver(version: string): boolean {
  return version.length <= 256 && SEMVER.test(version);
}

export function isPypiName(name: string): boolean {
  return name.length <= 214 && PYPI_NAME.test(name);
}

export function isPypiVersion(version: string): boolean {
  return version.length <= 128 && PYPI_VERSION.test(version);
}

export function isServerId(id: string): boolean {
  return SERVER_ID.test(id);
}

export function isBinName(name: string): boolean {
  return name.length <= 214 && BIN_NAME.test(name);
}

/** A path problem, as data: what was refused and why; the shells turn it into an error. */
export interface PathRefusal {
  what: string;
  value: string;
  expected: string;
}

const EXPECTED = {
  npmName: 'an npm package name (optional @scope/, then letters, digits, "-", ".", "_", "~"; no "/" or "..")',
  semver: 'one exact SemVer version such as 1.2.3 or 1.2.3-beta.1 (no ranges, tags or path characters)',
  pypiName: 'a PyPI project name (letters, digits, ".", "_", "-"; starting and ending with a letter or digit)',
  pypiVersion: 'one exact PEP 440 version such as 1.2.3, 2.0rc1 or 1.0.post1 (no specifiers or local part)',
  serverId: 'a server id (1-80 characters of a-z, 0-9 and "-", not starting or ending with "-")',
  bin: 'a bin name (one file name: letters, digits, ".", "_", "-", "@", "+", "~"; not starting with ".")',
} as const;

function check(ok: boolean, what: string, value: string, expected: string): PathRefusal | undefined {
  return ok ? undefined : { what, value, expected };
}

/** Checks an npm package and exact version; undefined when both are fine. */
export function checkNpmPackage(name: string, version: string): PathRefusal | undefined {
  return (
    check(isNpmName(name), 'npm package name', name, EXPECTED.npmName) ??
    check(isExactSemver(version), `version of ${name}`, version, EXPECTED.semver)
  );
}

/** Checks a PyPI project and exact version; undefined when both are fine. */
export function checkPypiPackage(name: string, version: string): PathRefusal | undefined {
  return (
    check(isPypiName(name), 'PyPI project name', name, EXPECTED.pypiName) ??
    check(isPypiVersion(version), `version of ${name}`, version, EXPECTED.pypiVersion)
  );
}

export function checkServerId(id: string): PathRefusal | undefined {
  return check(isServerId(id), 'server id', id, EXPECTED.serverId);
}

export function checkBinName(name: string): PathRefusal | undefined {
  return check(isBinName(name), 'bin name', name, EXPECTED.bin);
}

/** One line: what was refused and what is expected instead (values are quoted as JSON, so control characters stay visible). */
export function describeRefusal(refusal: PathRefusal): string {
  return `refusing ${refusal.what} ${JSON.stringify(refusal.value.slice(0, 200))}: expected ${refusal.expected}`;
}

/** The cache folder name of an npm package at a version (both already checked): @scope/name@1.2.3 → scope__name@1.2.3. */
export function npmFolderName(name: string, version: string): string {
  return `${name.replace(/^@/, '').replace(/[^A-Za-z0-9._-]+/g, '__')}@${version}`;
}

/** The cache folder name of a PyPI project at a version (both already checked), normalised per PEP 503. */
export function pypiFolderName(name: string, version: string): string {
  return `${name.toLowerCase().replace(/[-_.]+/g, '-')}@${version}`;
}
