// Lets each tool page write its policy files (one per registered format) while the build renders it, so the documents the
// page already generated are not generated again (and the catalogue not classified again) in a post-build pass.
// The sink lives on globalThis because astro.config.mjs and the bundled page chunks load separate copies of this module.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';

/** One file beside a tool page. */
export interface PolicyFileText {
  /** Its name, e.g. "policy.json" (a plain file name, from the format registry). */
  fileName: string;
  /** Its text. */
  text: string;
}

interface Sink {
  root: string;
  /** Tool pages the build will render (set by the route's getStaticPaths). */
  expected?: number;
  /** Folders whose files were written. */
  written: Set<string>;
  pending: Set<Promise<void>>;
  errors: unknown[];
}

const KEY = Symbol.for('toolgate.policyFileSink');
/** Writes in flight before a page waits for one to finish: keeps I/O overlapped with rendering but memory bounded. */
const MAX_PENDING = 128;

function sink(): Sink | undefined {
  return (globalThis as Record<symbol, Sink | undefined>)[KEY];
}

/** Called when `astro build` starts: from now on tool pages write their policy files into outDir. Not opened in dev. */
export function openPolicyFileSink(outDir: string): void {
  (globalThis as Record<symbol, Sink | undefined>)[KEY] = { root: resolve(outDir), written: new Set(), pending: new Set(), errors: [] };
}

/** Records how many tool pages the build will render, so the closing hook can tell whether every page wrote its files. */
export function expectPolicyFiles(count: number): void {
  const s = sink();
  if (s) s.expected = count;
}

/** The folder of a tool's page and files, refusing anything that would leave the output folder. */
export function toolFolder(root: string, serverId: string, slug: string): string {
  const dir = resolve(root, 'servers', serverId, slug);
  // Slugs and ids are validated to be single safe segments; this guards the invariant rather than trusting it.
  if (!dir.startsWith(root + sep)) throw new Error(`Tool folder ${dir} would leave the output folder ${root}; this is a slug bug, report it.`);
  return dir;
}

/** Writes every file of one tool into dir. */
export async function writeToolPolicyFiles(dir: string, files: readonly PolicyFileText[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const f of files) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(f.fileName)) throw new Error(`Policy file name ${JSON.stringify(f.fileName)} is not a plain file name; fix the format's fileName in src/core/policy/formats/.`);
  }
  await Promise.all(files.map((f) => writeFile(join(dir, f.fileName), f.text)));
}

/**
 * Called by a tool page with the documents it generated: starts writing them when a build is running (no-op otherwise).
 * The returned promise resolves at once unless too many writes are in flight; errors surface in closePolicyFileSink.
 */
export async function emitPolicyFiles(serverId: string, slug: string, files: readonly PolicyFileText[]): Promise<void> {
  const s = sink();
  if (!s) return;
  const dir = toolFolder(s.root, serverId, slug);
  const job: Promise<void> = writeToolPolicyFiles(dir, files).then(
    () => {
      s.written.add(dir);
    },
    (error: unknown) => {
      s.errors.push(error);
    },
  );
  s.pending.add(job);
  void job.finally(() => s.pending.delete(job));
  if (s.pending.size >= MAX_PENDING) await Promise.race(s.pending);
}

/**
 * Called when the build is done: waits for the writes, closes the sink and says how many tools' files were written, or
 * undefined when the pages did not write them all (then the caller writes every tool's files itself).
 */
export async function closePolicyFileSink(outDir: string): Promise<number | undefined> {
  const s = sink();
  delete (globalThis as Record<symbol, Sink | undefined>)[KEY];
  if (!s) return undefined;
  while (s.pending.size > 0) await Promise.all(s.pending);
  if (s.errors.length > 0) {
    const first = s.errors[0];
    throw new Error(`Writing ${s.errors.length} tools' policy files failed; the first error: ${first instanceof Error ? first.message : String(first)}. Check that the output folder is writable and has space.`);
  }
  if (s.root !== resolve(outDir) || s.expected === undefined || s.written.size !== s.expected) return undefined;
  return s.written.size;
}
