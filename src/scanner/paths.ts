// Resolves a path under a root and proves it stays there (also through symlinks) before anything is created or removed.
import { realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { describeRefusal } from '../core/paths.ts';
import type { PathRefusal } from '../core/paths.ts';

/** A value that would have put a path outside its root, or a grammar refusal; the message says what and what to do. */
export class PathError extends Error {}

/** Throws a PathError for a grammar refusal from src/core/paths.ts. */
export function refuse(refusal: PathRefusal | undefined, hint = ''): void {
  if (refusal) throw new PathError(describeRefusal(refusal) + (hint ? `. ${hint}` : '.'));
}

function within(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith('..' + sep));
}

// The real path of the deepest part that exists, plus the rest as given: a symlink planted anywhere on the way counts.
function realEnough(path: string): string {
  let head = path;
  const tail: string[] = [];
  for (;;) {
    try {
      return resolve(realpathSync(head), ...tail.reverse());
    } catch {
      const parent = dirname(head);
      if (parent === head) return path;
      tail.push(head.slice(parent.length).replace(/^[/\\]+/, ''));
      head = parent;
    }
  }
}

/**
 * `root/parts…`, resolved; throws unless it lies inside root, lexically and through every symlinked folder on the way
 * (the last part itself may be a symlink: removing one removes the link, and npm's bin links point elsewhere by
 * design).
 */
export function resolveInside(root: string, ...parts: string[]): string {
  const base = resolve(root);
  for (const part of parts) {
    if (part.length === 0 || part.includes('\0'))
      throw new PathError(`refusing path part ${JSON.stringify(part)} under ${base}: empty or holding a NUL byte.`);
  }
  const path = resolve(base, ...parts);
  const realBase = realEnough(base);
  if (!within(path, base) || (path !== base && !within(realEnough(dirname(path)), realBase))) {
    throw new PathError(
      `refusing ${JSON.stringify(parts.join('/').slice(0, 200))}: it resolves to ${path}, outside ${base}. A value in the input tried to leave its folder; fix or remove that entry.`,
    );
  }
  return path;
}

/** Like resolveInside, and also refuses the root itself (for folders that get removed). */
export function resolveStrictlyInside(root: string, ...parts: string[]): string {
  const path = resolveInside(root, ...parts);
  if (path === resolve(root))
    throw new PathError(`refusing ${JSON.stringify(parts.join('/'))}: it is ${path} itself, not a folder inside it.`);
  return path;
}

/** --out and --cache: real folders of their own, neither inside the other, and never /, your home or the checkout itself. */
export function checkOutputFolders(outDir: string, cacheDir: string, repoRoot: string): void {
  for (const [flag, dir] of [
    ['--out', outDir],
    ['--cache', cacheDir],
  ] as const) {
    if (dir.includes('\0')) throw new PathError(`${flag} holds a NUL byte; give a plain folder path.`);
  }
  const out = realEnough(resolve(outDir));
  const cache = realEnough(resolve(cacheDir));
  const forbidden = new Map([
    ['/', 'the file system root'],
    [realEnough(homedir()), 'your home folder'],
  ]);
  for (const [flag, dir] of [
    ['--out', out],
    ['--cache', cache],
  ] as const) {
    const why = forbidden.get(dir);
    if (why)
      throw new PathError(
        `${flag} ${dir} is ${why}; give a folder of its own (defaults: content and .cache/packages).`,
      );
  }
  if (within(cache, out) || within(out, cache)) {
    throw new PathError(
      `--out ${out} and --cache ${cache} overlap; the package cache removes and reinstalls folders, so keep it apart from the content folder.`,
    );
  }
  if (within(realEnough(repoRoot), cache))
    throw new PathError(
      `--cache ${cache} holds the checkout itself; give a folder of its own (default .cache/packages).`,
    );
}
