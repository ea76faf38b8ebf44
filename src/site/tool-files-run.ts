// The build's tool-files pass on worker threads: starts them (so they load their modules while the catalogue is
// classified), hands each the next few servers whenever it has written some, and writes here any server whose data
// cannot be copied to a thread (a schema nested deeper than structured cloning allows). The
// toolgate-build-outputs integration (astro.config.mjs) runs it beside Astro's pages.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type ToolFilesWork, writeToolFiles } from './tool-files.ts';

/** Servers per message: small enough that a worker starts at once and that a server which cannot be sent is rare. */
const SERVERS_PER_MESSAGE = 25;

/** Young generation of a tool-files thread, in MB (three 8 MB semi-spaces' worth). */
const YOUNG_GENERATION_MB = 24;

/** Worker threads by default: one per core, at least two (the main thread renders Astro's pages beside them), at most 8. */
export function defaultToolFilesThreads(): number {
  return Math.max(2, Math.min(8, availableParallelism()));
}

export interface ToolFilesRun {
  /** How many threads write. */
  threads: number;
  /** Shares `work` out and resolves with how many tools were written, or rejects with the first error. */
  write(work: ToolFilesWork): Promise<number>;
  /** Ends the threads (the build failed before handing them work). */
  stop(): Promise<void>;
}

function startWorker(outDir: string) {
  const worker = new Worker(new URL('./tool-files-worker.ts', import.meta.url), {
    workerData: { outDir },
    // A page's garbage is short-lived: a smaller young generation than the default keeps the threads' resident memory
    // down (the 35,000-tool bench build's peak fell from 1,428 to 1,248 MB) at no measurable CPU cost.
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  const finished = new Promise<number>((done, fail) => {
    let written: number | undefined;
    worker.on('message', (m: { tools?: number }) => {
      if (m.tools !== undefined) written = m.tools;
    });
    worker.on('error', fail);
    worker.on('exit', (code) =>
      written === undefined
        ? fail(
            new Error(
              `A tool-files worker stopped (exit code ${code}) before writing its tools' pages and files; the build log above says why.`,
            ),
          )
        : done(written),
    );
  });
  // Until write()'s caller awaits it, a failure must not end the process as an unhandled rejection.
  finished.catch(() => undefined);
  return { worker, finished };
}

/** Messages a worker holds beyond the one it is writing: enough that it never waits for this thread, which renders pages. */
const AHEAD = 2;

/**
 * Starts `threads` tool-files worker threads writing into outDir. The servers go out in messages of a few, each worker
 * asking for the next when it has written one, so every thread is busy to the end and the copies in flight stay small
 * (the catalogue is not copied whole into the threads' queues at once).
 */
export function startToolFiles(outDir: string, threads: number = defaultToolFilesThreads()): ToolFilesRun {
  const workers = Array.from({ length: threads }, () => startWorker(outDir));
  return {
    threads,
    write(work) {
      const site = work.site;
      let next = 0;
      let here = 0;
      const failed: unknown[] = [];
      const ended = new Set<Worker>();
      /** Sends `worker` the next message, or `null` once when no server is left; a server that cannot be copied is written here. */
      const feed = (worker: Worker): void => {
        if (ended.has(worker)) return;
        while (next < work.servers.length) {
          const servers = work.servers.slice(next, next + SERVERS_PER_MESSAGE);
          next += servers.length;
          try {
            worker.postMessage({ site, servers });
            return;
          } catch {
            // One server could not be copied: send the others one by one and write that one here.
            try {
              let sent = false;
              for (const s of servers) {
                try {
                  worker.postMessage({ site, servers: [s] });
                  sent = true;
                } catch {
                  here += writeToolFiles(outDir, { site, servers: [s] });
                }
              }
              if (sent) return;
            } catch (error) {
              failed.push(error);
              next = work.servers.length;
            }
          }
        }
        ended.add(worker);
        worker.postMessage(null);
      };
      for (const { worker } of workers) {
        worker.on('message', (m: { done?: true }) => {
          if (m.done) feed(worker);
        });
        for (let i = 0; i <= AHEAD; i += 1) feed(worker);
      }
      return Promise.all(workers.map((w) => w.finished)).then((counts) => {
        if (failed.length > 0) throw failed[0];
        return counts.reduce((a, b) => a + b, here);
      });
    },
    async stop() {
      await Promise.all(workers.map(({ worker }) => worker.terminate()));
    },
  };
}
