import { readdirSync, readFileSync } from 'node:fs';
const root = process.argv[2]!;
const { classify } = await import(root + '/src/core/classify/index.ts');
const dir = '/work/wt/classifier/content/servers';
for (const f of readdirSync(dir).sort()) {
  const d = JSON.parse(readFileSync(dir + '/' + f, 'utf8'));
  for (const t of d.tools ?? []) {
    const v = classify(t, { ignoreAnnotations: process.env.IGN === '1' });
    console.log(`${f.replace('.json','')}/${t.name}\t${v.category}\t${v.risk}\t${v.capabilities.join(',')}\t${v.confidence}`);
  }
}
