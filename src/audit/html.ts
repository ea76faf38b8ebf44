// --html DIR: builds the Toolgate site (Astro, then Pagefind) from this audit's own snapshots, through the env var the
// site reads.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs `npm run build` in the checkout with TOOLGATE_CONTENT_DIR at the audit's snapshots; output goes to `log`. */
export async function buildHtmlReport(options: {
  repoRoot: string;
  contentDir: string;
  outDir: string;
  log: (chunk: string) => void;
}): Promise<void> {
  const cache = await mkdtemp(join(tmpdir(), 'toolgate-html-cache-'));
  try {
    const tail: string[] = [];
    const code = await new Promise<number | null>((resolvePromise, reject) => {
      const child = spawn('npm', ['run', '--silent', 'build'], {
        cwd: options.repoRoot,
        // The user's own catalogue: only this audit's snapshots; the astro cache apart from the checkout's.
        env: {
          ...process.env,
          TOOLGATE_CONTENT_DIR: options.contentDir,
          TOOLGATE_OUT_DIR: options.outDir,
          TOOLGATE_CACHE_DIR: cache,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const collect = (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        options.log(text);
        tail.push(text);
        if (tail.length > 40) tail.shift();
      };
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      child.once('error', reject);
      child.once('close', resolvePromise);
    });
    if (code !== 0)
      throw new Error(
        `the site build failed (exit ${code}); its last output:\n${tail.join('').split('\n').slice(-15).join('\n')}`,
      );
  } finally {
    await rm(cache, { recursive: true, force: true });
  }
}
