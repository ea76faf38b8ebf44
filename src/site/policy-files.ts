// Every tool's policy files (one per registered format) beside its page, written once per build from the data layer by the
// toolgate-build-outputs integration after the pages (astro.config.mjs): plain files are far cheaper than Astro routes per
// tool and format, and the pages themselves stay pure renders (they show only the main format).
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { Catalog } from './catalog.ts';
import { getCatalog } from './content.ts';
import { policyFileTexts, toolPolicy } from './policies.ts';

/** One file beside a tool page. */
export interface PolicyFileText {
  /** Its name, e.g. "policy.json" (a plain file name, from the format registry). */
  fileName: string;
  /** Its text. */
  text: string;
}

/** Tools whose files are in flight at once: keeps the disk busy while the next documents render, memory bounded. */
const IN_FLIGHT = 64;

/** The folder of a tool's page and files, refusing anything that would leave the output folder. */
export function toolFolder(root: string, serverId: string, slug: string): string {
  const dir = resolve(root, 'servers', serverId, slug);
  // Slugs and ids are validated to be single safe segments; this guards the invariant rather than trusting it.
  if (!dir.startsWith(root + sep)) throw new Error(`Tool folder ${dir} would leave the output folder ${root}; this is a slug bug, report it.`);
  return dir;
}

/** Writes every file of one tool into dir. */
export async function writeToolPolicyFiles(dir: string, files: readonly PolicyFileText[]): Promise<void> {
  for (const f of files) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(f.fileName)) throw new Error(`Policy file name ${JSON.stringify(f.fileName)} is not a plain file name; fix the format's fileName in src/core/policy/formats/.`);
  }
  await mkdir(dir, { recursive: true });
  await Promise.all(files.map((f) => writeFile(join(dir, f.fileName), f.text)));
}

/**
 * Writes every policy file of every tool under outDir/servers/<id>/<slug>/, each tool's documents generated and rendered
 * once; returns how many tools were written. The first failed write stops the pass with its error.
 */
export async function writePolicyFiles(outDir: string, catalog: Catalog = getCatalog()): Promise<number> {
  const root = resolve(outDir);
  const pending = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  for (const t of catalog.tools) {
    if (failure) break;
    const job: Promise<void> = writeToolPolicyFiles(toolFolder(root, t.serverId, t.slug), policyFileTexts(toolPolicy(t))).catch((error: unknown) => {
      failure ??= { error };
    });
    pending.add(job);
    void job.finally(() => pending.delete(job));
    if (pending.size >= IN_FLIGHT) await Promise.race(pending);
  }
  await Promise.all(pending);
  if (failure) {
    const e = failure.error;
    throw new Error(`Writing the tools' policy files into ${root} failed: ${e instanceof Error ? e.message : String(e)}. Check that the output folder is writable and has space.`);
  }
  return catalog.tools.length;
}
