// Every server's and every tool's policy files (one per registered format) beside their pages, written once per build
// from the data layer: the toolgate-build-outputs integration (astro.config.mjs) hands policyWork() to a worker thread
// when the build starts, which writes them on the other core while the pages render (policy-files-worker.ts). Plain
// files are far cheaper than Astro routes per server, tool and format (45,000 server files alone at 5,000 servers), and
// the pages stay pure renders (a tool page shows only the main format).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { Catalog } from './catalog.ts';
import { getCatalog } from './content.ts';
import { apiServerToolsText, findingCodes, serverEntry, type ApiServerEntry } from './open-data.ts';
import { policyFileTexts, serverPolicyOf, toolPolicyOf, type PolicyEntry } from './policies.ts';

/** The site's address when none is given (astro.config.mjs's default `site`). */
const DEFAULT_SITE = 'https://toolgate.dev';

/** One file beside a tool page. */
export interface PolicyFileText {
  /** Its name, e.g. "policy.json" (a plain file name, from the format registry). */
  fileName: string;
  /** Its text. */
  text: string;
}

/** What the files pass needs of the catalogue, as plain data a worker thread can receive. */
export interface PolicyWork {
  /** The site's address, for the absolute URLs of the open data (Astro's `site`). */
  site: string;
  servers: Array<{
    id: string;
    /** The server's entry in the open data (servers.json and its own file). */
    api: ApiServerEntry;
    tools: Array<{ slug: string; name: string; href: string; hash: string; findings: string[] } & PolicyEntry>;
  }>;
}

/** The catalogue's tools as PolicyWork (servers by id, tools in listing order). */
export function policyWork(catalog: Catalog, site: URL): PolicyWork {
  return {
    site: site.href,
    servers: catalog.servers.map((s) => ({
      id: s.id,
      api: serverEntry(s, site),
      tools: s.tools.map((t) => ({
        slug: t.slug,
        name: t.name,
        href: t.href,
        hash: t.hash,
        findings: findingCodes(t),
        tool: t.tool,
        verdict: t.verdict,
      })),
    })),
  };
}

/** The folder of a tool's page and files, refusing anything that would leave the output folder. */
export function toolFolder(root: string, serverId: string, slug: string): string {
  const dir = resolve(root, 'servers', serverId, slug);
  // Slugs and ids are validated to be single safe segments; this guards the invariant rather than trusting it.
  if (!dir.startsWith(root + sep))
    throw new Error(`Tool folder ${dir} would leave the output folder ${root}; this is a slug bug, report it.`);
  return dir;
}

function checkNames(files: readonly PolicyFileText[]): void {
  for (const f of files) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(f.fileName))
      throw new Error(
        `Policy file name ${JSON.stringify(f.fileName)} is not a plain file name; fix the format's fileName in src/core/policy/formats/.`,
      );
  }
}

/** Writes every file of one tool into dir. */
export async function writeToolPolicyFiles(dir: string, files: readonly PolicyFileText[]): Promise<void> {
  writeToolPolicyFilesSync(dir, files);
}

/** Writes every file of one tool into dir, synchronously (the worker thread does nothing else; a sync call is one syscall). */
export function writeToolPolicyFilesSync(dir: string, files: readonly PolicyFileText[]): void {
  checkNames(files);
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(join(dir, f.fileName), f.text);
}

/** The path of a server's open-data file (/api/servers/<id>.json), refusing anything that would leave the output folder. */
export function apiServerFile(root: string, serverId: string): string {
  const file = resolve(root, 'api', 'servers', `${serverId}.json`);
  if (!file.startsWith(join(root, 'api', 'servers') + sep))
    throw new Error(`Open-data file ${file} would leave the output folder ${root}; this is an id bug, report it.`);
  return file;
}

/** The folder of a server's page and files, refusing anything that would leave the output folder. */
export function serverFolder(root: string, serverId: string): string {
  const dir = resolve(root, 'servers', serverId);
  if (!dir.startsWith(root + sep))
    throw new Error(`Server folder ${dir} would leave the output folder ${root}; this is an id bug, report it.`);
  return dir;
}

/**
 * Writes every policy file of every server of `work` under outDir/servers/<id>/ and of every tool under
 * outDir/servers/<id>/<slug>/, each document generated and rendered once, and each server's open-data file
 * outDir/api/servers/<id>.json; returns how many tools were written. The first failed write stops the pass with its
 * error.
 */
export function writePolicyWork(outDir: string, work: PolicyWork): number {
  const root = resolve(outDir);
  const site = new URL(work.site);
  let tools = 0;
  try {
    if (work.servers.length > 0) mkdirSync(join(root, 'api', 'servers'), { recursive: true });
    for (const s of work.servers) {
      writeFileSync(
        apiServerFile(root, s.id),
        apiServerToolsText(
          s.api,
          s.tools.map((t) => ({ ...t, description: t.tool.description ?? '' })),
          site,
        ),
      );
      writeToolPolicyFilesSync(
        serverFolder(root, s.id),
        policyFileTexts(
          serverPolicyOf(
            s.id,
            s.tools.map((t) => ({ tool: t.tool, verdict: t.verdict })),
          ),
        ),
      );
      const byName = new Map<string, PolicyEntry[]>();
      for (const t of s.tools) {
        const list = byName.get(t.name);
        if (list) list.push(t);
        else byName.set(t.name, [t]);
      }
      for (const t of s.tools) {
        writeToolPolicyFilesSync(
          toolFolder(root, s.id, t.slug),
          policyFileTexts(toolPolicyOf(s.id, t.name, byName.get(t.name)!)),
        );
        tools += 1;
      }
    }
  } catch (e) {
    throw new Error(
      `Writing the policy and open-data files into ${root} failed: ${e instanceof Error ? e.message : String(e)}. Check that the output folder is writable and has space.`,
    );
  }
  return tools;
}

/** writePolicyWork over a whole catalogue (the build runs it in a worker thread; tests call it directly). */
export async function writePolicyFiles(
  outDir: string,
  catalog: Catalog = getCatalog(),
  site: URL = new URL(DEFAULT_SITE),
): Promise<number> {
  return writePolicyWork(outDir, policyWork(catalog, site));
}
