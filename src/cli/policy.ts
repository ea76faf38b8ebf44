// policy CLI: generate a policy from a snapshot or tools/list result, check a policy file, evaluate calls against one.
import { terminalSafe } from '../core/terminal.ts';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { classify } from '../core/classify/index.ts';
import {
  checkPolicy,
  createState,
  evaluate,
  generatePolicy,
  POLICY_FORMATS,
  policyFormat,
  type PolicyEntry,
} from '../core/policy/index.ts';
import { formatFinding } from '../core/findings/index.ts';
import type { Policy } from '../core/schemas/policy.ts';

const FORMAT_IDS = POLICY_FORMATS.map((f) => f.id).join('|');

const USAGE = `Usage:
  npm run --silent policy -- generate FILE [--tool NAME] [--format ${FORMAT_IDS}] [--server NAME] [--strict]
  npm run --silent policy -- check FILE [--strict] [--json]
  npm run --silent policy -- eval --policy FILE --calls FILE.jsonl

FILE for generate is a snapshot (content/servers/<id>.json) or a raw tools/list result ({"tools": [...]}).
--format policylayer (the default) holds only constructs attested in PolicyLayer's examples; policylayer-hardened adds
argument checks. Rules a format cannot carry over are listed on stderr. --server names the server as your client or
gateway knows it (default: the snapshot's id, else the file name).`;

class CliError extends Error {}

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(
      `Cannot read ${what} ${JSON.stringify(file)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}. Check the path.`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CliError(
      `${what} ${JSON.stringify(file)} is not valid JSON: ${(e as Error).message}. Fix the syntax (a trailing comma or a missing quote is the usual cause).`,
    );
  }
}

function toolsOf(json: unknown, file: string): PolicyEntry['tool'][] {
  const obj = json as { tools?: unknown; result?: { tools?: unknown } };
  const tools = Array.isArray(json)
    ? json
    : Array.isArray(obj?.tools)
      ? obj.tools
      : Array.isArray(obj?.result?.tools)
        ? obj.result!.tools
        : undefined;
  if (!Array.isArray(tools))
    throw new CliError(
      `${JSON.stringify(file)} has no "tools" list. Give a snapshot from content/servers/ or the result of a tools/list call.`,
    );
  return tools.map((t, i) => {
    if (typeof t !== 'object' || t === null || typeof (t as { name?: unknown }).name !== 'string')
      throw new CliError(`Tool #${i + 1} in ${JSON.stringify(file)} has no string "name"; every MCP tool needs one.`);
    return t as PolicyEntry['tool'];
  });
}

function generate(positionals: string[], values: Record<string, unknown>): { out: string; notes: string } {
  const file = positionals[0];
  if (!file) throw new CliError('generate needs a FILE.\n' + USAGE);
  const formatId = (values.format as string | undefined) ?? 'policylayer';
  if (!POLICY_FORMATS.some((f) => f.id === formatId))
    throw new CliError(
      `--format must be one of ${POLICY_FORMATS.map((f) => JSON.stringify(f.id)).join(', ')}, not ${JSON.stringify(formatId)}.`,
    );
  const format = policyFormat(formatId);
  const json = readJson(file, 'tool list');
  const entries = toolsOf(json, file).map((tool) => ({ tool, verdict: classify(tool) }));
  let policy: Policy;
  try {
    policy = generatePolicy(entries, { strict: Boolean(values.strict), tool: values.tool as string | undefined });
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  const id = (json as { id?: unknown })?.id;
  const server =
    (values.server as string | undefined) ??
    (typeof id === 'string' && id !== '' ? id : basename(file).replace(/\.json$/i, '') || 'server');
  const { text, losses } = format.render(policy, { server });
  const shown = losses.slice(0, 20).map((l) => `  ${l.rule || '(document)'}: ${l.reason}`);
  const notes =
    losses.length === 0
      ? ''
      : [
          `policy: ${losses.length} rule${losses.length === 1 ? '' : 's'} of the starter policy ${losses.length === 1 ? 'is' : 'are'} not in the ${format.label} file:`,
          ...shown,
          ...(losses.length > 20 ? [`  … and ${losses.length - 20} more`] : []),
        ].join('\n') + '\n';
  return { out: text, notes };
}

function check(positionals: string[], values: Record<string, unknown>): { out: string; code: number } {
  const file = positionals[0];
  if (!file) throw new CliError('check needs a FILE.\n' + USAGE);
  const result = checkPolicy(readJson(file, 'policy'), { strict: Boolean(values.strict) });
  if (values.json) return { out: JSON.stringify(result, null, 2) + '\n', code: result.ok ? 0 : 1 };
  if (result.ok)
    return { out: `ok: ${file} is a valid policy${values.strict ? ' (attested constructs only)' : ''}.\n`, code: 0 };
  const lines = [`${file}: ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}`];
  for (const e of result.errors) {
    const f = formatFinding({ code: e.code, severity: 'error', message: e.message });
    lines.push(`  ${e.path}: ${f.message} [${f.code}: ${f.title}]`, `    fix: ${e.hint}`);
  }
  return { out: lines.join('\n') + '\n', code: 1 };
}

function evalCalls(values: Record<string, unknown>): { out: string; code: number } {
  if (!values.policy || !values.calls) throw new CliError('eval needs --policy FILE and --calls FILE.jsonl.\n' + USAGE);
  const policyJson = readJson(values.policy as string, 'policy');
  const result = checkPolicy(policyJson);
  if (!result.ok)
    throw new CliError(
      `The policy is invalid (${result.errors.length} errors); run \`policy check ${values.policy}\` to see them.`,
    );
  let text: string;
  try {
    text = readFileSync(values.calls as string, 'utf8');
  } catch (e) {
    throw new CliError(
      `Cannot read calls file ${JSON.stringify(values.calls)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`,
    );
  }
  const state = createState();
  const out: string[] = [];
  let code = 0;
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    try {
      const call = JSON.parse(line) as { tool?: unknown; arguments?: unknown; at?: unknown; grant?: unknown };
      if (typeof call?.tool !== 'string') throw new Error('a call needs a string "tool"');
      if (
        call.arguments !== undefined &&
        (typeof call.arguments !== 'object' || call.arguments === null || Array.isArray(call.arguments))
      )
        throw new Error('"arguments" must be an object');
      if (typeof call.at !== 'string' || !Number.isFinite(Date.parse(call.at)))
        throw new Error('"at" must be an ISO timestamp such as "2026-01-01T00:00:00Z"');
      if (call.grant !== undefined && typeof call.grant !== 'string') throw new Error('"grant" must be a string');
      out.push(JSON.stringify(evaluate(policyJson as Policy, call as Parameters<typeof evaluate>[1], state)));
    } catch (e) {
      code = 1;
      out.push(
        JSON.stringify({
          line: i + 1,
          error: `${(e as Error).message}; each line is {"tool", "arguments", "at", "grant"}.`,
        }),
      );
    }
  }
  return { out: out.join('\n') + (out.length ? '\n' : ''), code };
}

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      tool: { type: 'string' },
      format: { type: 'string' },
      server: { type: 'string' },
      strict: { type: 'boolean' },
      json: { type: 'boolean' },
      policy: { type: 'string' },
      calls: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(USAGE + '\n');
    return command || values.help ? 0 : 2;
  }
  if (command === 'generate') {
    const g = generate(rest, values);
    process.stdout.write(forTerminal(g.out, process.stdout));
    if (g.notes) process.stderr.write(forTerminal(g.notes, process.stderr));
    return 0;
  }
  const r = command === 'check' ? check(rest, values) : command === 'eval' ? evalCalls(values) : undefined;
  if (!r) throw new CliError(`Unknown command ${JSON.stringify(command)}.\n` + USAGE);
  process.stdout.write(forTerminal(r.out, process.stdout));
  return r.code;
}

// Tool names and messages come from servers: on a terminal their escapes are shown, never run; files and pipes get
// exact bytes.
function forTerminal(text: string, stream: NodeJS.WriteStream): string {
  return stream.isTTY ? terminalSafe(text, { newlines: true }) : text;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(
    `policy: ${terminalSafe(String(e instanceof CliError || (e as Error).name === 'TypeError' ? (e as Error).message : (e as Error).stack), { newlines: true })}\n`,
  );
  process.exitCode = 2;
}
