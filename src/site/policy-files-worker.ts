// Worker thread of the build: writes every tool's and server's policy files and every server's /api/servers/<id>.json
// (policy-files.ts) on the machine's other core while the main thread renders the pages; started by the
// toolgate-build-outputs integration with the output folder when the build starts, and sent the PolicyWork (one message)
// once the catalogue is classified.
import { parentPort, workerData } from 'node:worker_threads';
import { type PolicyWork, writePolicyWork } from './policy-files.ts';

const { outDir } = workerData as { outDir: string };
parentPort!.once('message', (work: PolicyWork) => {
  parentPort!.postMessage({ tools: writePolicyWork(outDir, work) });
});
