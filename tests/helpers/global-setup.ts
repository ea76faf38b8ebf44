// Browser-test global setup: builds the committed catalogue and the hostile one once per run, serves both, and hands
// the URLs to tests.
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, ROOT } from './site-build.ts';
import { writeChangingServer, writeHostileContent, writeHostileOutcomes } from './hostile-catalog.ts';
import { serveStatic } from './static-server.ts';
import type { StaticSite } from './static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL (ending in /) of the committed catalogue's built site. */
    siteUrl: string;
    /** Its out dir on disk. */
    siteDir: string;
    /** Base URL of the hostile catalogue's site. */
    hostileUrl: string;
    /** Its out dir on disk. */
    hostileDir: string;
    /** Folder holding both builds (the hostile one must write nothing outside its own dist). */
    workDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // TOOLGATE_REUSE_BUILD=<a work folder kept with TOOLGATE_KEEP_TMP=1>: skip both builds while iterating on tests only.
  const reuse = process.env.TOOLGATE_REUSE_BUILD;
  const workDir = reuse ? resolve(reuse) : join(ROOT, '.tmp', `browser-${process.pid}`);
  if (!reuse) {
    await rm(workDir, { recursive: true, force: true });
    await mkdir(workDir, { recursive: true });
  }
  const servers: StaticSite[] = [];
  const site = { outDir: join(workDir, 'site', 'dist') };
  const hostile = { outDir: join(workDir, 'hostile', 'dist') };
  try {
    if (!reuse) {
      await buildSite(join(workDir, 'site'));
      const hostileContent = join(workDir, 'hostile', 'content');
      await writeHostileContent(hostileContent);
      await writeHostileOutcomes(hostileContent);
      await writeChangingServer(hostileContent, join(hostileContent, 'fixture'));
      await buildSite(join(workDir, 'hostile'), hostileContent);
    }
    servers.push(await serveStatic(site.outDir), await serveStatic(hostile.outDir));
  } catch (error) {
    await Promise.all(servers.map((s) => s.close()));
    // Keep the build logs of a failed setup unless asked otherwise; they are the only clue.
    if (process.env.TOOLGATE_KEEP_TMP === '0' && !reuse) await rm(workDir, { recursive: true, force: true });
    throw error;
  }
  project.provide('siteUrl', servers[0].url);
  project.provide('siteDir', site.outDir);
  project.provide('hostileUrl', servers[1].url);
  project.provide('hostileDir', hostile.outDir);
  project.provide('workDir', workDir);
  return async () => {
    await Promise.all(servers.map((s) => s.close()));
    if (!process.env.TOOLGATE_KEEP_TMP && !reuse) await rm(workDir, { recursive: true, force: true });
  };
}
