// Writes src/core/classify/learned.json (the learned component, trained on every annotated tool of the catalogue) and
// src/core/classify/calibration.json: the rate at which verdicts reached each way agree with authors' annotations
// (annotations hidden from the classifier, the learned rule trained without the server's fold), over every annotated
// tool in the catalogue. Deterministic: same catalogue, same bytes. Usage: npm run calibrate:classifier [-- --corpus
// DIR] [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fitCalibration, trainLearned } from '../src/core/classify/index.ts';
import { learnedSamples, loadServers, outOfFoldRows, readVsChangeRight } from './classifier-data.ts';

const args = process.argv.slice(2);
const root = join(import.meta.dirname, '..');
const corpusIdx = args.indexOf('--corpus');
const dir = corpusIdx >= 0 ? args[corpusIdx + 1]! : join(root, 'content', 'servers');
const out = join(root, 'src', 'core', 'classify', 'calibration.json');
const learnedOut = join(root, 'src', 'core', 'classify', 'learned.json');

const servers = loadServers(dir);
const model = trainLearned(
  learnedSamples(servers).map(({ x, y, w }) => ({ x, y, w })),
  "L2 logistic regression (read vs change) over name words, the description's first opening words and top-level parameter words, trained on every tool of the catalogue with an explicit readOnlyHint (servers weighted 1/sqrt(size), DEFAULTS_ONLY servers not trained on). LEARNED_RAISE raises a read to a write at p >= threshold; LEARNED_FALLBACK calls a tool no rule decided a read at p <= lowerThreshold. Regenerate with npm run calibrate:classifier.",
);
const learnedText = `${JSON.stringify(model, null, 1)}\n`;
const rows = outOfFoldRows(servers);
const annotated = rows.filter((r) => r.author.cls !== undefined);
const table = fitCalibration(
  annotated.map((r) => ({ key: r.key, correct: readVsChangeRight(r) })),
  30,
  "Probability that a verdict reached this way (category:step:verb weight:agreement:execution) is right about read versus change by its author's readOnlyHint, annotations hidden (the M1 sense; write versus destructive is measured as M3, not calibrated). Regenerate with npm run calibrate:classifier; npm run eval:classifier measures it leave-one-server-out.",
);
const text = `${JSON.stringify(table, null, 2)}\n`;
if (args.includes('--check')) {
  const same = readFileSync(out, 'utf8') === text && readFileSync(learnedOut, 'utf8') === learnedText;
  console.log(
    same
      ? 'calibration.json and learned.json are up to date'
      : 'calibration.json or learned.json is out of date: run npm run calibrate:classifier',
  );
  if (!same) process.exitCode = 1;
} else {
  writeFileSync(learnedOut, learnedText);
  console.log(`wrote ${learnedOut}: ${Object.keys(model.weights).length} weights`);
  writeFileSync(out, text);
  console.log(
    `wrote ${out}: ${annotated.length} annotated tools, ${Object.keys(table.rates).length} groups, global ${table.global}`,
  );
}
