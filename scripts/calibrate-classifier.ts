// Writes src/core/classify/calibration.json: the rate at which verdicts reached each way agree with authors' annotations
// (annotations hidden from the classifier), over every annotated tool in the catalogue. Deterministic: same catalogue, same bytes.
// Usage: npm run calibrate:classifier [-- --corpus DIR] [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fitCalibration } from '../src/core/classify/index.ts';
import { loadServers, readVsChangeRight, rowsOf } from './classifier-data.ts';

const args = process.argv.slice(2);
const root = join(import.meta.dirname, '..');
const corpusIdx = args.indexOf('--corpus');
const dir = corpusIdx >= 0 ? args[corpusIdx + 1]! : join(root, 'content', 'servers');
const out = join(root, 'src', 'core', 'classify', 'calibration.json');

const rows = loadServers(dir).flatMap((s) => rowsOf(s.server, s.tools));
const annotated = rows.filter((r) => r.author.cls !== undefined);
const table = fitCalibration(
  annotated.map((r) => ({ key: r.key, correct: readVsChangeRight(r) })),
  30,
  'Probability that a verdict reached this way (category:step:verb weight:agreement:execution) is right about read versus change by its author\'s readOnlyHint, annotations hidden (the M1 sense; write versus destructive is measured as M3, not calibrated). Regenerate with npm run calibrate:classifier; npm run eval:classifier measures it leave-one-server-out.',
);
const text = `${JSON.stringify(table, null, 2)}\n`;
if (args.includes('--check')) {
  const same = readFileSync(out, 'utf8') === text;
  console.log(same ? 'calibration.json is up to date' : 'calibration.json is out of date: run npm run calibrate:classifier');
  if (!same) process.exitCode = 1;
} else {
  writeFileSync(out, text);
  console.log(`wrote ${out}: ${annotated.length} annotated tools, ${Object.keys(table.rates).length} groups, global ${table.global}`);
}
