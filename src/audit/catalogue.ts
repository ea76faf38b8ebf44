// Compares this machine's tools with the public catalogue's snapshot of the same npm package@version.
import { basename } from 'node:path';
import type { AuditServer } from '../core/schemas/audit.ts';
import type { Snapshot } from '../core/schemas/snapshot.ts';

const RUNNERS = new Set(['npx', 'npx.cmd', 'bunx', 'pnpx']);
// An exact version only: a range or a tag ("latest") does not say which catalogue snapshot applies.
const SPEC = /^((?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*)@(\d+\.\d+\.\d+(?:-[\w.]+)?)$/i;

/** The npm package@version a stdio launch runs (`npx -y pkg@1.2.3 …`), when it names an exact version. */
export function npmSpec(launch: AuditServer['launch']): { package: string; version: string } | undefined {
  if (launch.kind !== 'stdio') return undefined;
  const runner = basename(launch.command.replaceAll('\\', '/')).toLowerCase();
  let args = launch.args;
  if (runner === 'pnpm' && args[0] === 'dlx') args = args.slice(1);
  else if (!RUNNERS.has(runner)) return undefined;
  const spec = args.find((arg) => !arg.startsWith('-'));
  const match = spec ? SPEC.exec(spec) : null;
  return match ? { package: match[1]!, version: match[2]! } : undefined;
}

/** Catalogue snapshots of npm and PyPI packages by "package@version". */
export function indexCatalogue(snapshots: Snapshot[]): Map<string, Snapshot> {
  const out = new Map<string, Snapshot>();
  for (const snapshot of snapshots) {
    if (snapshot.source.kind === 'npm' || snapshot.source.kind === 'pypi')
      out.set(`${snapshot.source.package}@${snapshot.source.version}`, snapshot);
  }
  return out;
}

/** Same, differing, and one-sided tools between this machine's snapshot and the catalogue's. */
export function compareWithCatalogue(
  mine: Snapshot,
  theirs: Snapshot,
  spec: string,
): NonNullable<AuditServer['catalogue']> {
  const other = new Map(theirs.tools.map((tool) => [tool.name, tool.hash]));
  const names = new Set(mine.tools.map((tool) => tool.name));
  const sorted = (list: string[]) => list.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let same = 0;
  const differ: string[] = [];
  const onlyHere: string[] = [];
  for (const tool of mine.tools) {
    const hash = other.get(tool.name);
    if (hash === undefined) onlyHere.push(tool.name);
    else if (hash === tool.hash) same++;
    else differ.push(tool.name);
  }
  const onlyCatalogue = theirs.tools.map((tool) => tool.name).filter((name) => !names.has(name));
  return {
    id: theirs.id,
    package: spec,
    same,
    differ: sorted(differ),
    onlyHere: sorted(onlyHere),
    onlyCatalogue: sorted(onlyCatalogue),
  };
}
