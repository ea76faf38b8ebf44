// Worker thread of the build: writes its share of the tool pages, policy files and open-data files (tool-files.ts)
// while the main thread renders the other pages with Astro. Started by the toolgate-build-outputs integration with the
// output folder when the build starts; sent ToolFilesWork messages (a few servers each), answering each with `done` so
// the next comes (tool-files-run.ts), and then `null`, after which it answers with how many tools it wrote.
import { parentPort, workerData } from 'node:worker_threads';
import { type ToolFilesWork, writeToolFiles } from './tool-files.ts';

const { outDir } = workerData as { outDir: string };
let tools = 0;
parentPort!.on('message', (work: ToolFilesWork | null) => {
  if (work === null) {
    parentPort!.postMessage({ tools });
    parentPort!.close();
  } else {
    tools += writeToolFiles(outDir, work);
    parentPort!.postMessage({ done: true });
  }
});
