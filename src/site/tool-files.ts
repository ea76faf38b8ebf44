// Every tool page, and every server's and tool's policy files (one per registered format) and every server's open-data
// file, written once per build from the data layer without Astro: 35,000 tool pages are most of a build, and Astro's
// cost per route (a Request, a Response, streaming, encoding) was more than the rendering itself. The
// toolgate-build-outputs integration (astro.config.mjs) splits toolFilesWork() between worker threads (tool-files-run.ts,
// tool-files-worker.ts), which write while the main thread renders the other pages with Astro. A tool page is the
// same page shell (page-shell.ts) around the same body as Astro's pages; its policy is generated once, for the page and
// the files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { Catalog, ServerView, ToolView } from './catalog.ts';
import { getCatalog, getHistoryIndex } from './content.ts';
import type { ToolChangeView } from './history.ts';
import type { ListedTool } from './markup.ts';
import { apiServerToolsText, findingCodes, serverEntry, type ApiServerEntry } from './open-data.ts';
import { policyFileTexts, serverPolicyOf, toolPolicyOf, type PolicyEntry } from './policies.ts';
import { siteUrl } from './routes.ts';
import type { PageServer, PageTool } from './tool-page.ts';
import { toolPageHtml } from './tool-page-html.ts';

/** One file beside a tool page. */
export interface PolicyFileText {
  /** Its name, e.g. "policy.json" (a plain file name, from the format registry). */
  fileName: string;
  /** Its text. */
  text: string;
}

/** One tool's page and files, as plain data a worker thread can receive. */
export interface ToolFilesTool extends PageTool {
  /** Finding codes, for the open data. */
  findings: string[];
  /** Its recorded changes, newest first. */
  changes: ToolChangeView[];
}

/** One server's files and its tools' pages and files, as plain data a worker thread can receive. */
export interface ToolFilesServer {
  id: string;
  /** The server's entry in the open data (servers.json and its own file). */
  api: ApiServerEntry;
  /** What its tool pages show of it. */
  page: PageServer;
  tools: ToolFilesTool[];
}

/** What the tool-files pass writes, as plain data: servers by id, tools in listing order. */
export interface ToolFilesWork {
  /** The site's address, for absolute URLs (Astro's `site`). */
  site: string;
  servers: ToolFilesServer[];
}

/**
 * The catalogue's servers and tools as ToolFilesWork; `changesOf` gives a tool's recorded changes. Related tools are
 * copied once each (a worker's message keeps them shared), with only what a tool list prints.
 */
export function toolFilesWork(
  catalog: Catalog,
  site: URL,
  changesOf: (t: ToolView) => ToolChangeView[] = () => [],
): ToolFilesWork {
  const listed = new Map<ToolView, ListedTool>();
  const listedOf = (t: ToolView): ListedTool => {
    let l = listed.get(t);
    if (!l) {
      l = {
        href: t.href,
        displayName: t.displayName,
        serverName: t.serverName,
        summary: t.summary,
        verdict: { risk: t.verdict.risk, category: t.verdict.category },
        server: { href: t.server.href },
      };
      listed.set(t, l);
    }
    return l;
  };
  return {
    site: site.href,
    servers: catalog.servers.map((s) => serverFiles(s, site, listedOf, changesOf)),
  };
}

function serverFiles(
  s: ServerView,
  site: URL,
  listedOf: (t: ToolView) => ListedTool,
  changesOf: (t: ToolView) => ToolChangeView[],
): ToolFilesServer {
  return {
    id: s.id,
    api: serverEntry(s, site),
    page: {
      id: s.id,
      name: s.name,
      href: s.href,
      snapshot: { source: s.snapshot.source, scannedAt: s.snapshot.scannedAt },
    },
    tools: s.tools.map((t) => ({
      serverId: t.serverId,
      serverName: t.serverName,
      name: t.name,
      displayName: t.displayName,
      ...(t.title !== undefined ? { title: t.title } : {}),
      slug: t.slug,
      href: t.href,
      description: t.description,
      summary: t.summary,
      verdict: t.verdict,
      hash: t.hash,
      tool: t.tool,
      poisoning: t.poisoning,
      scanFindings: t.scanFindings,
      patterns: t.patterns,
      related: t.related.map(listedOf),
      findings: findingCodes(t),
      changes: changesOf(t),
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
 * Writes, for every server of `work`, its open-data file outDir/api/servers/<id>.json and its policy files under
 * outDir/servers/<id>/, and for each of its tools the page outDir/servers/<id>/<slug>/index.html and its policy files
 * beside it, each policy generated once and rendered once per format; returns how many tools were written. The first
 * failed write stops the pass with its error.
 */
export function writeToolFiles(outDir: string, work: ToolFilesWork): number {
  const root = resolve(outDir);
  const site = new URL(work.site);
  let tools = 0;
  try {
    if (work.servers.length > 0) mkdirSync(join(root, 'api', 'servers'), { recursive: true });
    for (const s of work.servers) {
      writeFileSync(apiServerFile(root, s.id), apiServerToolsText(s.api, s.tools, site));
      writeToolPolicyFilesSync(serverFolder(root, s.id), policyFileTexts(serverPolicyOf(s.id, s.tools)));
      const byName = new Map<string, PolicyEntry[]>();
      for (const t of s.tools) {
        const list = byName.get(t.name);
        if (list) list.push(t);
        else byName.set(t.name, [t]);
      }
      for (const t of s.tools) {
        const dir = toolFolder(root, s.id, t.slug);
        const policy = toolPolicyOf(s.id, t.name, byName.get(t.name)!);
        writeToolPolicyFilesSync(dir, policyFileTexts(policy));
        writeFileSync(join(dir, 'index.html'), toolPageHtml(t, s.page, policy, t.changes, site));
        tools += 1;
      }
    }
  } catch (e) {
    throw new Error(
      `Writing the tool pages, policy and open-data files into ${root} failed: ${e instanceof Error ? e.message : String(e)}. Check that the output folder is writable and has space.`,
    );
  }
  return tools;
}

/** writeToolFiles over a whole catalogue, on this thread (the build splits it between worker threads; tests call this). */
export async function writeCatalogFiles(
  outDir: string,
  catalog: Catalog = getCatalog(),
  site: URL = siteUrl(),
): Promise<number> {
  return writeToolFiles(outDir, toolFilesWork(catalog, site, recordedChanges()));
}

/** A tool's recorded changes from the catalogue's history (content/history/), looked up in the index built once per build. */
export function recordedChanges(): (t: ToolView) => ToolChangeView[] {
  const { byTool } = getHistoryIndex();
  return (t) => byTool.get(`${t.serverId}\u0000${t.name}`) ?? [];
}
