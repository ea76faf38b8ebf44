// Writes each tool's policy files (one per registered format) beside its page: plain files are far cheaper than Astro
// routes per tool and format. During `astro build` the pages write them (policy-sink.ts); this full pass is the fallback and the API.
import { resolve } from 'node:path';
import { getCatalog } from './content.ts';
import { policyFileTexts, toolPolicy } from './policies.ts';
import { toolFolder, writeToolPolicyFiles } from './policy-sink.ts';

/** Files written at once; enough to keep the disk busy without holding many documents in memory. */
const BATCH = 64;

/** Writes every policy file for every tool under outDir/servers/<id>/<slug>/; returns how many tools were written. */
export async function writePolicyFiles(outDir: string): Promise<number> {
  const root = resolve(outDir);
  const tools = getCatalog().tools;
  for (let i = 0; i < tools.length; i += BATCH) {
    await Promise.all(tools.slice(i, i + BATCH).map((t) => writeToolPolicyFiles(toolFolder(root, t.serverId, t.slug), policyFileTexts(toolPolicy(t)))));
  }
  return tools.length;
}
