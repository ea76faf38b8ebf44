// Measuring helpers for `npm run bench`: run a child with wall time and peak RSS of its whole process tree, and size a
// built site.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface Measured {
  /** Wall seconds. */
  seconds: number;
  /** Peak of the summed resident set size of the child and all its descendants, in bytes (sampled every 200 ms). */
  peakRssBytes: number;
}

// Parent pid of every live process, from /proc/<pid>/stat (field 4; the command name may hold spaces, so split after
// ")").
async function parentMap(): Promise<Map<number, number>> {
  const map = new Map<number, number>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      map.set(Number(entry), Number(fields[1]));
    } catch {
      // The process exited between readdir and readFile.
    }
  }
  return map;
}

/** The pids of `root` and its descendants, from a parent map. */
function descendants(root: number, parents: Map<number, number>): Set<number> {
  const tree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return tree;
}

async function treeRss(tree: ReadonlySet<number>): Promise<number> {
  let total = 0;
  for (const pid of tree) {
    try {
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
      if (match) total += Number(match[1]) * 1024;
    } catch {
      // Exited meanwhile.
    }
  }
  return total;
}

/** Run `command args` in `cwd` with `env`, output appended to `logFile`; throws with the log's tail on a non-zero exit. */
export async function measure(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string },
): Promise<Measured> {
  const log = createWriteStream(options.logFile, { flags: 'a' });
  log.write(`\n$ ${command} ${args.join(' ')}\n`);
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  let peak = 0;
  let sampling = false;
  let samples = 0;
  let tree = new Set<number>();
  // Reading every /proc entry to find the child's descendants costs the measured build CPU (a third of a core every 100
  // ms on a busy machine): the tree is rebuilt once a second and the RSS of its members read every 200 ms.
  const timer = setInterval(() => {
    if (sampling || child.pid === undefined) return;
    sampling = true;
    const root = child.pid;
    const refresh =
      samples % 5 === 0 ? parentMap().then((parents) => (tree = descendants(root, parents))) : Promise.resolve(tree);
    samples += 1;
    refresh
      .then((members) => treeRss(members))
      .then((rss) => (peak = Math.max(peak, rss)))
      .finally(() => (sampling = false));
  }, 200);
  const code = await new Promise<number | null>((done, fail) => {
    child.on('error', fail);
    child.on('close', done);
  });
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  await new Promise<void>((done) => log.end(done));
  if (code !== 0) {
    const tail = (await readFile(options.logFile, 'utf8')).split('\n').slice(-30).join('\n');
    throw new Error(`${command} ${args.join(' ')} exited with ${code}. Last lines of ${options.logFile}:\n${tail}`);
  }
  return { seconds, peakRssBytes: peak };
}

export interface SiteStats {
  /** Every file's bytes. */
  distBytes: number;
  /** Number of .html files. */
  htmlPages: number;
  /** Bytes of every tool page (servers/<id>/<slug>/index.html). */
  toolPageBytes: number[];
}

/** Walk a built site once. */
export async function siteStats(outDir: string): Promise<SiteStats> {
  const stats: SiteStats = { distBytes: 0, htmlPages: 0, toolPageBytes: [] };
  const walk = async (dir: string, rel: string[]): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path, [...rel, entry.name]);
      else if (entry.isFile()) {
        const { size } = await stat(path);
        stats.distBytes += size;
        if (entry.name.endsWith('.html')) {
          stats.htmlPages += 1;
          if (entry.name === 'index.html' && rel.length === 3 && rel[0] === 'servers') stats.toolPageBytes.push(size);
        }
      }
    }
  };
  await walk(outDir, []);
  return stats;
}

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}
