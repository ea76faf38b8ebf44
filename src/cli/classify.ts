// CLI: classify every tool of a raw tools/list result or a snapshot file and print the verdicts as JSON, in input
// order. Usage: npm run --silent classify -- [--ignore-annotations] FILE
import { terminalJson, terminalSafe } from '../core/terminal.ts';
import { readFileSync } from 'node:fs';
import { classify, confidenceWords, surfacePoisonFindings, type ClassifiableTool } from '../core/classify/index.ts';

const USAGE =
  'Usage: npm run --silent classify -- [--ignore-annotations] FILE\n  FILE: a raw tools/list result ({ "tools": [...] }) or a Toolgate snapshot (content/servers/<id>.json).';

function fail(message: string, code = 2): never {
  process.stderr.write(`${terminalSafe(message, { newlines: true })}\n`);
  process.exit(code);
}

function toTool(raw: unknown, index: number): ClassifiableTool {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    fail(
      `Tool #${index} is not an object (got ${raw === null ? 'null' : Array.isArray(raw) ? 'an array' : typeof raw}).\nEvery entry of "tools" must be an MCP tool object with a "name"; fix or remove that entry and run again.`,
    );
  }
  const t = raw as Record<string, unknown>;
  if (typeof t['name'] !== 'string') {
    fail(
      `Tool #${index} has no string "name".\nMCP requires every tool to have a name; fix or remove that entry and run again.`,
    );
  }
  const annotations = t['annotations'];
  return {
    name: t['name'],
    ...(typeof t['title'] === 'string' ? { title: t['title'] } : {}),
    ...(typeof t['description'] === 'string' ? { description: t['description'] } : {}),
    ...('inputSchema' in t ? { inputSchema: t['inputSchema'] } : {}),
    ...('outputSchema' in t ? { outputSchema: t['outputSchema'] } : {}),
    ...(typeof annotations === 'object' && annotations !== null && !Array.isArray(annotations)
      ? { annotations: annotations as Record<string, unknown> }
      : {}),
  };
}

function main(argv: string[]): void {
  const flags = argv.filter((a) => a.startsWith('--'));
  const files = argv.filter((a) => !a.startsWith('--'));
  if (flags.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const unknown = flags.filter((f) => f !== '--ignore-annotations');
  if (unknown.length > 0) fail(`Unknown option ${unknown.join(', ')}.\n${USAGE}`);
  if (files.length !== 1) fail(`Expected exactly one FILE, got ${files.length}.\n${USAGE}`);
  const file = files[0]!;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    fail(
      `Cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.\nCheck the path and permissions, then run again.`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    fail(`${file} is not valid JSON (${(e as Error).message}).\nPass a raw tools/list result or a snapshot file.`);
  }
  const tools = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)['tools'] : undefined;
  if (!Array.isArray(tools)) {
    fail(
      `${file} has no "tools" array.\nPass a raw tools/list result ({ "tools": [...] }) or a snapshot (content/servers/<id>.json).`,
    );
  }
  const ignoreAnnotations = flags.includes('--ignore-annotations');
  const out = tools.map((raw, i) => {
    const v = classify(toTool(raw, i), { ignoreAnnotations });
    return {
      name: v.name,
      category: v.category,
      risk: v.risk,
      capabilities: v.capabilities,
      confidence: v.confidence,
      confidenceWords: confidenceWords(v.confidence, v.category),
      evidence: v.evidence,
      declared: v.declared,
      findings: v.findings,
    };
  });
  // Server-wide poisoning (instructions, prompts, resources of a snapshot; tool names that collide): printed only when
  // found.
  const record = data as Record<string, unknown>;
  const list = <T>(key: string): T[] | undefined =>
    Array.isArray(record[key]) ? (record[key] as T[]).filter((x) => typeof x === 'object' && x !== null) : undefined;
  const server = surfacePoisonFindings({
    ...(typeof record['instructions'] === 'string' ? { instructions: record['instructions'] } : {}),
    tools: out.map((t) => ({ name: t.name })),
    prompts: list<{ name: string }>('prompts')?.filter((p) => typeof p.name === 'string') as never,
    resources: list<{ uri: string }>('resources')?.filter((r) => typeof r.uri === 'string') as never,
    resourceTemplates: list<{ uriTemplate: string }>('resourceTemplates')?.filter(
      (r) => typeof r.uriTemplate === 'string',
    ) as never,
  });
  process.stdout.write(
    `${terminalJson({ tools: out, ...(server.length > 0 ? { server: { findings: server } } : {}) })}\n`,
  );
}

main(process.argv.slice(2));
