// The private folders of one server run (working folder "$SANDBOX" and home "$HOME"), and what the sandbox shows of
// them.
import { rmSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkServerId } from '../core/paths.ts';
import { refuse, resolveInside } from './paths.ts';
import { currentIsolation, nodeBinds } from './sandbox.ts';
import type { Bind } from './sandbox.ts';

export interface Runtime {
  /** The working folder as the server sees it (its cwd; "$SANDBOX" in catalogue arguments). */
  sandbox: string;
  /** The home folder as the server sees it ("$HOME"). */
  home: string;
  /** The host folder holding both; removed by cleanup. */
  root: string;
  /** Writable binds for the two folders, plus the scanner's Node (read-only). */
  binds: Bind[];
  /** Machine paths to write back as "$SANDBOX" / "$HOME" wherever a server echoes them. */
  placeholders: Array<[path: string, placeholder: string]>;
  cleanup(): Promise<void>;
}

const SEED_FILES: Record<string, string> = {
  'files/README.md': '# Sandbox\n\nA few files for a server to look at.\n',
  'files/notes.txt': 'hello from the toolgate sandbox\n',
  'files/data.json': '{ "items": [1, 2, 3] }\n',
};

// Folders of runs still going: removed at exit too, when a signal ends the scanner before its cleanups run.
const liveRoots = new Set<string>();
let exitHook = false;
function track(root: string): void {
  liveRoots.add(root);
  if (exitHook) return;
  exitHook = true;
  process.on('exit', () => {
    for (const dir of liveRoots) rmSync(dir, { recursive: true, force: true });
  });
}

/**
 * Creates a fresh host folder per run (so parallel scans never share or delete each other's), shown inside bubblewrap
 * at the fixed /tmp/toolgate-scan/<id>/{sandbox,home}, so paths a server echoes do not change between scans or
 * machines. `files` are the catalogue's dummy files, keyed "$SANDBOX/…" or "$HOME/…".
 */
export async function makeRuntime(id: string, files: Record<string, string> = {}): Promise<Runtime> {
  refuse(checkServerId(id));
  const root = await mkdtemp(join(tmpdir(), 'toolgate-scan-'));
  track(root);
  const hostSandbox = join(root, 'sandbox');
  const hostHome = join(root, 'home');
  try {
    for (const [name, content] of Object.entries(SEED_FILES)) {
      const path = resolveInside(hostSandbox, name);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
    }
    await mkdir(hostHome, { recursive: true });
    for (const [key, content] of Object.entries(files)) {
      const match = /^\$(SANDBOX|HOME)\/(.+)$/.exec(key);
      if (!match) throw new Error(`file key ${JSON.stringify(key)} must start with $SANDBOX/ or $HOME/.`);
      const path = resolveInside(match[1] === 'SANDBOX' ? hostSandbox : hostHome, match[2]!);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
    }
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    liveRoots.delete(root);
    throw error;
  }
  const sandboxed = currentIsolation() === 'bwrap';
  const inside = sandboxed ? `/tmp/toolgate-scan/${id}` : root;
  const sandbox = join(inside, 'sandbox');
  const home = join(inside, 'home');
  const placeholders: Array<[string, string]> = [
    [hostSandbox, '$SANDBOX'],
    [hostHome, '$HOME'],
  ];
  if (sandboxed) placeholders.push([sandbox, '$SANDBOX'], [home, '$HOME']);
  return {
    sandbox,
    home,
    root,
    binds: [
      ...nodeBinds(),
      { path: hostSandbox, dest: sandbox, writable: true },
      { path: hostHome, dest: home, writable: true },
    ],
    placeholders,
    cleanup: async () => {
      await rm(root, { recursive: true, force: true });
      liveRoots.delete(root);
    },
  };
}
