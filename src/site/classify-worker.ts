// Worker thread of the build's start: classifies the share of the catalogue's tools that content.ts's loadCatalog sends
// it (one message: the tools of some servers, as classifiable parts), while the main thread classifies the rest; answers
// with their verdicts in the same order. classify() is pure, so the verdicts are those the main thread would compute.
import { parentPort } from 'node:worker_threads';
import { classify } from '../core/classify/index.ts';
import type { ClassifiableTool } from '../core/classify/index.ts';

parentPort!.once('message', (servers: ClassifiableTool[][]) => {
  parentPort!.postMessage(servers.map((tools) => tools.map((tool) => classify(tool))));
});
