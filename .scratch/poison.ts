import { readFileSync } from 'node:fs';
import { classify } from '/work/wt/classifier/src/core/classify/index.ts';
const [server, tool] = process.argv[2]!.split('/');
const d = JSON.parse(readFileSync(`/work/wt/classifier/content/servers/${server}.json`, 'utf8'));
const t = d.tools.find((x: any) => x.name === tool);
console.log(JSON.stringify(classify(t).findings.filter((f: any) => f.code.startsWith('POISON')), null, 1));
