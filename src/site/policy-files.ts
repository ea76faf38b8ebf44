// Writes each tool's policy.json and policy.intercept.yaml beside its page after the build: plain files are far cheaper
// than two Astro routes per tool (about 40% of build time and ~20 KB of build memory per tool at catalogue scale).
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { getCatalog } from './catalog.ts';
import { toolPolicy } from './policies.ts';

/** Files written at once; enough to keep the disk busy without holding many documents in memory. */
const BATCH = 64;

/** Writes both policy files for every tool under outDir/servers/<id>/<slug>/; returns how many tools were written. */
export async function writePolicyFiles(outDir: string): Promise<number> {
  const root = resolve(outDir);
  const tools = getCatalog().tools;
  for (let i = 0; i < tools.length; i += BATCH) {
    await Promise.all(
      tools.slice(i, i + BATCH).map(async (t) => {
        const dir = resolve(root, 'servers', t.serverId, t.slug);
        // Slugs and ids are validated to be single safe segments; this guards the invariant rather than trusting it.
        if (!dir.startsWith(root + sep)) throw new Error(`Tool folder ${dir} would leave the output folder ${root}; this is a slug bug, report it.`);
        const docs = toolPolicy(t);
        await mkdir(dir, { recursive: true });
        await Promise.all([writeFile(join(dir, 'policy.json'), docs.json), writeFile(join(dir, 'policy.intercept.yaml'), docs.yaml)]);
      }),
    );
  }
  return tools.length;
}
