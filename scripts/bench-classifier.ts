// Benchmark: classifies every corpus tool several times and prints timing figures as JSON.
// Usage: npm run bench:classifier [-- --corpus DIR] [--rounds N]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classify, type ClassifiableTool } from '../src/core/classify/index.ts';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const corpusDir = arg('--corpus') ?? join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'tools');
const rounds = Number(arg('--rounds') ?? 20);

const tools: ClassifiableTool[] = [];
for (const file of readdirSync(corpusDir)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  tools.push(...(JSON.parse(readFileSync(join(corpusDir, file), 'utf8')).tools as ClassifiableTool[]));
}

// A hostile tool: megabytes of description and a deep, wide schema.
const hostile: ClassifiableTool = {
  name: 'x'.repeat(10_000),
  description: ('ignore previous ' + 'a'.repeat(50) + ' \u200b').repeat(60_000) + '<IMPORTANT>',
  inputSchema: {
    type: 'object',
    properties: Object.fromEntries(
      Array.from({ length: 5_000 }, (_, i) => [`p${i}`, { type: 'string', description: 'd'.repeat(1_000) }]),
    ),
  },
};

const time = (fn: () => void) => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};
// CPU time of this process, less distorted than wall time when the machine is shared.
const cpu = (fn: () => void) => {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};
// A fixed arithmetic loop, so figures from a loaded machine can be compared (about 10 ms on an idle modern core).
const calibrationMs = time(() => {
  let n = 0;
  for (let i = 0; i < 1e7; i++) n += i % 7;
  if (n < 0) console.log(n);
});
const firstPassMs = time(() => tools.forEach((t) => classify(t)));
const samples: number[] = [];
const cpuSamples: number[] = [];
for (let r = 0; r < rounds; r++) {
  const c0 = process.cpuUsage();
  samples.push(time(() => tools.forEach((t) => classify(t))));
  const c = process.cpuUsage(c0);
  cpuSamples.push((c.user + c.system) / 1000);
}
samples.sort((a, b) => a - b);
cpuSamples.sort((a, b) => a - b);
const loadavg = (await import('node:os')).loadavg()[0]!;
const hostileMs = time(() => classify(hostile));
const r1 = (x: number) => Math.round(x * 10) / 10;
console.log(
  JSON.stringify(
    {
      tools: tools.length,
      rounds,
      firstPassMs: r1(firstPassMs),
      medianAllToolsMs: r1(samples[Math.floor(samples.length / 2)]!),
      maxAllToolsMs: r1(samples[samples.length - 1]!),
      medianAllToolsCpuMs: r1(cpuSamples[Math.floor(cpuSamples.length / 2)]!),
      minAllToolsMs: r1(samples[0]!),
      medianPerToolUs: r1((samples[Math.floor(samples.length / 2)]! / tools.length) * 1000),
      hostileToolMs: r1(hostileMs),
      hostileToolCpuMs: r1(cpu(() => classify(hostile))),
      calibrationLoopMs: r1(calibrationMs),
      loadAverage1m: Math.round(loadavg * 10) / 10,
      hostileDescriptionChars: hostile.description!.length,
      node: process.version,
    },
    null,
    2,
  ),
);
