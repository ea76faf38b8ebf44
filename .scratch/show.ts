import { readFileSync } from 'node:fs';
import { classify } from '/work/wt/classifier/src/core/classify/index.ts';
for (const arg of process.argv.slice(2)) {
  const [server, tool] = arg.split('/');
  const d = JSON.parse(readFileSync(`/work/wt/classifier/content/servers/${server}.json`, 'utf8'));
  for (const t of d.tools.filter((x: any) => tool === undefined || x.name === tool)) {
    const v = classify(t, { ignoreAnnotations: process.env.IGN === '1' });
    console.log(`${server}/${t.name}: ${v.category}/${v.risk} caps=${v.capabilities.join(',')} conf=${v.confidence} ann=${JSON.stringify(t.annotations ?? {})}`);
    if (process.env.V) { console.log('  desc:', (t.description ?? '').slice(0, 400).replace(/\n/g, ' ')); console.log('  params:', JSON.stringify(t.inputSchema?.properties ?? {}).slice(0, 500)); }
    for (const e of v.evidence) console.log(`   ${e.code} ${e.effect} [${e.matched.join(', ')}] ${e.source}`);
    for (const f of v.findings) if (f.code !== 'ANNOTATION_MISSING') console.log(`   FINDING ${f.code} ${f.message}`);
  }
}
