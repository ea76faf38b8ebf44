// Checks the output folder before a scan starts: a real, writable folder on an ordinary file system, answered quickly.
// Node's recursive mkdir loops forever under /proc (mkdir there answers ENOENT), and /dev or /sys take writes nobody
// wants.
import { statfsSync, statSync, realpathSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';

/** The output folder cannot be used; the message says why and what to do. */
export class OutDirError extends Error {}

// statfs magic numbers of kernel pseudo file systems (linux/magic.h).
const PSEUDO_FS = new Map<number, string>([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x1cd1, 'devpts'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0x64626720, 'debugfs'],
  [0x74726163, 'tracefs'],
  [0x73636673, 'securityfs'],
  [0x6165676c, 'pstore'],
  [0xcafe4a11, 'bpf'],
  [0x62656570, 'configfs'],
  [0x65735543, 'fusectl'],
  [0x19800202, 'mqueue'],
  [0x42494e4d, 'binfmt_misc'],
  [0x6e736673, 'nsfs'],
]);

// Device folders share tmpfs's magic number, so they are told by where they are.
const DEVICE_ROOTS = ['/dev', '/proc', '/sys'];

function deepestExisting(path: string): string {
  for (let head = path; ; head = dirname(head)) {
    try {
      statSync(head);
      return head;
    } catch {
      if (dirname(head) === head) return head;
    }
  }
}

function refuse(out: string, why: string): never {
  throw new OutDirError(
    `--out ${out} cannot be used: ${why}. Give a folder on an ordinary disk, e.g. --out content or --out /tmp/scan-out.`,
  );
}

/** Refuses a special or unusable output folder, then creates servers/ and failures/ in it, within `timeoutMs`. */
export async function prepareOutDir(out: string, timeoutMs = 5000): Promise<void> {
  const existing = deepestExisting(out);
  let real: string;
  try {
    real = join(realpathSync(existing), out.slice(existing.length));
  } catch (error) {
    refuse(out, `its path cannot be resolved (${(error as Error).message})`);
  }
  for (const root of DEVICE_ROOTS) {
    if ((real === root || real.startsWith(root + sep)) && !real.startsWith('/dev/shm' + sep))
      refuse(out, `it is under ${root}, a kernel or device file system, not a place for files`);
  }
  try {
    const type = PSEUDO_FS.get(Number(statfsSync(existing).type));
    if (type) refuse(out, `it is on a ${type} file system, not a place for files`);
  } catch (error) {
    if (error instanceof OutDirError) throw error;
  }
  for (const path of [out, join(out, 'servers'), join(out, 'failures')]) {
    try {
      if (!statSync(path).isDirectory()) refuse(out, `${path} exists and is not a folder`);
    } catch (error) {
      if (error instanceof OutDirError) throw error;
    }
  }
  let timer: NodeJS.Timeout | undefined;
  const probe = join(out, 'servers', `.toolgate-write-test-${process.pid}`);
  const work = (async () => {
    await mkdir(join(out, 'servers'), { recursive: true });
    await mkdir(join(out, 'failures'), { recursive: true });
    await writeFile(probe, '');
    await rm(probe, { force: true });
  })();
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new OutDirError(
            `--out ${out} did not answer within ${timeoutMs / 1000} s; it may be a hung or special file system. Give a folder on an ordinary disk.`,
          ),
        ),
      timeoutMs,
    );
    timer.unref();
  });
  try {
    await Promise.race([work, late]);
  } catch (error) {
    if (error instanceof OutDirError) throw error;
    refuse(out, `it is not writable (${(error as Error).message})`);
  } finally {
    clearTimeout(timer);
  }
}
