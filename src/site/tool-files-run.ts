// The build's tool-files pass on worker threads: starts them (so they load their modules while the catalogue is
// classified), shares the servers out by tool count in messages of a few servers, and writes here any server whose
// data cannot be copied to a thread (a schema nested deeper than structured cloning allows). The
// toolgate-build-outputs integration (astro.config.mjs) runs it beside Astro's pages.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type ToolFilesWork, writeToolFiles } from './tool-files.ts';

/** Servers per message: small enough that a worker starts at once and that a server which cannot be sent is rare. */
const SERVERS_PER_MESSAGE = 50;

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
  const worker = new Worker(new URL('./tool-files-worker.ts', import.meta.url), { workerData: { outDir } });
  const finished = new Promise<number>((done, fail) => {
    let written: number | undefined;
    worker.on('message', (m: { tools: number }) => {
      written = m.tools;
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

/** Starts `threads` tool-files worker threads writing into outDir. */
export function startToolFiles(outDir: string, threads: number = defaultToolFilesThreads()): ToolFilesRun {
  const workers = Array.from({ length: threads }, () => startWorker(outDir));
  return {
    threads,
    write(work) {
      const load = workers.map(() => 0);
      let here = 0;
      try {
        for (let i = 0; i < work.servers.length; i += SERVERS_PER_MESSAGE) {
          const servers = work.servers.slice(i, i + SERVERS_PER_MESSAGE);
          const w = load.indexOf(Math.min(...load));
          load[w]! += servers.reduce((n, s) => n + s.tools.length, 0);
          const { worker } = workers[w]!;
          try {
            worker.postMessage({ site: work.site, servers });
          } catch {
            // One server could not be copied: send the others one by one and write that one here.
            for (const s of servers) {
              try {
                worker.postMessage({ site: work.site, servers: [s] });
              } catch {
                here += writeToolFiles(outDir, { site: work.site, servers: [s] });
              }
            }
          }
        }
        for (const { worker } of workers) worker.postMessage(null);
      } catch (error) {
        return Promise.all(workers.map(({ worker }) => worker.terminate())).then(() => Promise.reject(error));
      }
      return Promise.all(workers.map((w) => w.finished)).then((counts) => counts.reduce((a, b) => a + b, here));
    },
    async stop() {
      await Promise.all(workers.map(({ worker }) => worker.terminate()));
    },
  };
}
