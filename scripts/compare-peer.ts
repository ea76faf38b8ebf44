// `npm run compare:peer`: Cisco's mcp-scanner (its offline YARA analyzer, `static` mode) and Toolgate's poisoning
// checks on the same inputs — the poisoning fixtures, the committed catalogue, the attacker fixture servers (scanned
// for real over stdio) — printed as one confusion table per input set and per scanner. Not a test: it installs the peer
// from PyPI.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { classify, surfacePoisonFindings } from '../src/core/classify/index.ts';
import type { Finding } from '../src/core/schemas/finding.ts';
import { SnapshotSchema, type Snapshot } from '../src/core/schemas/snapshot.ts';
import { ATTACKER_SERVERS } from '../tests/fixtures/servers/attacker/index.ts';

const ROOT = resolve(import.meta.dirname, '..');
/** The peer version compared against (pinned so the figures can be reproduced). */
const PEER = 'cisco-ai-mcp-scanner==4.8.7';
const USAGE = `usage: npm run compare:peer [-- --content DIR] [--cache DIR] [--json] [--list]
  --content DIR  catalogue content folder (default: content; reads DIR/servers/*.json)
  --cache DIR    where the peer is installed (default: .cache/peer; created with uv on first run)
  --json         print the tables and every disagreement as JSON
  --list         also list every catalogue item either scanner flags`;

/**
 * Catalogue items reviewed as real poisoning ("server/tool" or "server/prompt:<name>"), counted as positives; every
 * other catalogue item is taken as clean. Empty: no flagged catalogue item has been judged real so far.
 */
const REVIEWED_REAL = new Set<string>([]);
/** Fixture files that are not about poisoning (they show other findings) and are left out. */
const NOT_POISONING = new Set(['lying-annotations.json', 'README.md']);

type Kind = 'tool' | 'prompt' | 'resource' | 'instructions';
interface Item {
  set: string;
  server: string;
  kind: Kind;
  name: string;
  truth: boolean;
  ours: boolean;
  oursCodes: string[];
  peer?: boolean;
  peerThreats?: string[];
  /** What the peer is given for this item. */
  raw: Record<string, unknown>;
}

function fail(message: string): never {
  process.stderr.write(`compare:peer: ${message}\n`);
  process.exit(2);
}

const serious = (f: Finding) => f.severity === 'warning' || f.severity === 'error';

/** Our verdicts for one server's surface: tools (classifier + name collisions), prompts, resources, instructions. */
function ourItems(
  set: string,
  server: string,
  snapshot: Pick<Snapshot, 'tools' | 'instructions' | 'prompts' | 'resources' | 'resourceTemplates'>,
  truthOf: (kind: Kind, name: string, index: number) => boolean,
): Item[] {
  const surface = surfacePoisonFindings(snapshot).filter(serious);
  const items: Item[] = [];
  snapshot.tools.forEach((tool, index) => {
    const codes = [
      ...classify(tool as never)
        .findings.filter((f) => f.code.startsWith('POISON_') && serious(f))
        .map((f) => f.code),
      ...surface.filter((f) => f.args?.['surface'] === undefined && f.tool === tool.name).map((f) => f.code),
    ];
    const { hash: _hash, ...raw } = tool as Record<string, unknown>;
    items.push({
      set,
      server,
      kind: 'tool',
      name: tool.name,
      truth: truthOf('tool', tool.name, index),
      ours: codes.length > 0,
      oursCodes: [...new Set(codes)],
      raw,
    });
  });
  const at = (surfaceKind: string, item?: string) => [
    ...new Set(
      surface.filter((f) => f.args?.['surface'] === surfaceKind && f.args?.['item'] === item).map((f) => f.code),
    ),
  ];
  if (snapshot.instructions !== undefined) {
    const codes = at('instructions');
    items.push({
      set,
      server,
      kind: 'instructions',
      name: 'instructions',
      truth: truthOf('instructions', 'instructions', 0),
      ours: codes.length > 0,
      oursCodes: codes,
      raw: { name: `${server} instructions`, description: snapshot.instructions },
    });
  }
  (snapshot.prompts ?? []).forEach((p, index) => {
    const codes = at('prompt', p.name);
    items.push({
      set,
      server,
      kind: 'prompt',
      name: p.name,
      truth: truthOf('prompt', p.name, index),
      ours: codes.length > 0,
      oursCodes: codes,
      raw: { ...p },
    });
  });
  [
    ...(snapshot.resources ?? []).map((r) => ({ ...r, key: r.uri, surface: 'resource' })),
    ...(snapshot.resourceTemplates ?? []).map((r) => ({
      ...r,
      uri: r.uriTemplate,
      key: r.uriTemplate,
      surface: 'resourceTemplate',
    })),
  ].forEach((r, index) => {
    const codes = at(r.surface, r.key);
    // The peer skips resources whose content type it does not read; given as text/plain so it reads name and
    // description.
    items.push({
      set,
      server,
      kind: 'resource',
      name: r.key,
      truth: truthOf('resource', r.key, index),
      ours: codes.length > 0,
      oursCodes: codes,
      raw: { uri: r.uri, name: r.name ?? r.key, description: r.description ?? '', mimeType: 'text/plain' },
    });
  });
  return items;
}

function fixtureItems(): Item[] {
  const dir = join(ROOT, 'tests', 'fixtures', 'poisoning');
  const items: Item[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !NOT_POISONING.has(f))
    .sort()) {
    const clean = file === 'clean.json' || file.endsWith('-benign.json');
    const tools = JSON.parse(readFileSync(join(dir, file), 'utf8')).tools as Snapshot['tools'];
    items.push(...ourItems('fixtures', basename(file, '.json'), { tools }, () => !clean));
  }
  return items;
}

function catalogueItems(contentDir: string): Item[] {
  const dir = join(contentDir, 'servers');
  if (!existsSync(dir)) fail(`no snapshots in ${dir}; pass --content DIR (a folder with servers/*.json).`);
  const items: Item[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const snapshot = SnapshotSchema.parse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    items.push(
      ...ourItems('catalogue', snapshot.id, snapshot, (kind, name) =>
        REVIEWED_REAL.has(`${snapshot.id}/${kind === 'tool' ? '' : `${kind}:`}${name}`),
      ),
    );
  }
  return items;
}

function run(
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** Scans the attacker fixture servers with the real scan CLI over stdio, then reads their snapshots. */
async function attackerItems(work: string): Promise<Item[]> {
  const out = join(work, 'attacker-content');
  const results = await Promise.all(
    ATTACKER_SERVERS.map((s) =>
      run(process.execPath, [
        join(ROOT, 'src', 'cli', 'scan.ts'),
        '--stdio',
        `"${process.execPath}" "${s.file}"`,
        '--id',
        s.id,
        '--out',
        out,
      ]),
    ),
  );
  results.forEach((r, i) => {
    if (r.code !== 0)
      fail(
        `scanning the attacker fixture ${ATTACKER_SERVERS[i]!.id} failed (exit ${r.code}):\n${r.stderr.slice(-2000)}`,
      );
  });
  const items: Item[] = [];
  for (const s of ATTACKER_SERVERS) {
    const snapshot = SnapshotSchema.parse(JSON.parse(readFileSync(join(out, 'servers', `${s.id}.json`), 'utf8')));
    items.push(
      ...ourItems('attacker servers', s.id, snapshot, (kind, name) =>
        kind === 'tool'
          ? s.hostileTools
          : s.hostileSurface.includes(kind === 'instructions' ? 'instructions' : `${kind}:${name}`),
      ),
    );
  }
  return items;
}

function ensurePeer(cache: string): string {
  const bin = join(cache, 'venv', 'bin', 'mcp-scanner');
  if (existsSync(bin)) return bin;
  if (spawnSync('uv', ['--version']).status !== 0)
    fail('uv is not on PATH; install it (https://docs.astral.sh/uv/) to let this script install the peer scanner.');
  process.stderr.write(`installing ${PEER} into ${cache} (once)…\n`);
  const venv = spawnSync('uv', ['venv', '--quiet', join(cache, 'venv')], { stdio: 'inherit' });
  if (venv.status !== 0) fail(`uv venv ${join(cache, 'venv')} failed.`);
  const install = spawnSync(
    'uv',
    ['pip', 'install', '--quiet', '--python', join(cache, 'venv', 'bin', 'python'), PEER],
    { stdio: 'inherit' },
  );
  if (install.status !== 0 || !existsSync(bin)) fail(`installing ${PEER} failed; check the network and re-run.`);
  return bin;
}

/** Runs the peer once over every item (tools, prompts + instructions, resources), in order, and records its verdicts. */
async function runPeer(bin: string, items: Item[], work: string): Promise<void> {
  const tools = items.filter((i) => i.kind === 'tool');
  // The peer's static mode has no input for server instructions; they are given as prompts (name + description), which
  // its YARA rules read the same way.
  const prompts = items.filter((i) => i.kind === 'prompt' || i.kind === 'instructions');
  const resources = items.filter((i) => i.kind === 'resource');
  const files = {
    tools: join(work, 'tools.json'),
    prompts: join(work, 'prompts.json'),
    resources: join(work, 'resources.json'),
  };
  await writeFile(files.tools, JSON.stringify({ tools: tools.map((i) => i.raw) }));
  await writeFile(files.prompts, JSON.stringify({ prompts: prompts.map((i) => i.raw) }));
  await writeFile(files.resources, JSON.stringify({ resources: resources.map((i) => i.raw) }));
  const args = [
    '--analyzers',
    'yara',
    '--format',
    'raw',
    'static',
    '--tools',
    files.tools,
    '--prompts',
    files.prompts,
    '--resources',
    files.resources,
    '--mime-types',
    'text/plain',
  ];
  process.stderr.write(`running the peer's YARA analyzer over ${items.length} items (about a minute)…\n`);
  const r = await run(bin, args, { LITELLM_LOCAL_MODEL_COST_MAP: 'True' });
  const start = r.stdout.indexOf('{');
  if (r.code !== 0 || start < 0) fail(`the peer exited ${r.code}:\n${r.stderr.slice(-3000)}`);
  const results = (JSON.parse(r.stdout.slice(start)) as { scan_results: Array<Record<string, unknown>> }).scan_results;
  const byType = (type: string) => results.filter((x) => x['item_type'] === type);
  for (const [type, list] of [
    ['tool', tools],
    ['prompt', prompts],
    ['resource', resources],
  ] as const) {
    const got = byType(type);
    if (got.length !== list.length)
      fail(`the peer returned ${got.length} ${type} results for ${list.length} inputs; cannot line them up.`);
    got.forEach((res, i) => {
      const findings = (res['findings'] ?? {}) as Record<string, { threat_names?: string[] }>;
      list[i]!.peer = res['is_safe'] === false;
      list[i]!.peerThreats = [...new Set(Object.values(findings).flatMap((f) => f.threat_names ?? []))];
    });
  }
}

interface Table {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

function table(items: Item[], pick: (i: Item) => boolean | undefined): Table {
  const t: Table = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const i of items) {
    const flagged = pick(i) === true;
    if (i.truth) flagged ? t.tp++ : t.fn++;
    else flagged ? t.fp++ : t.tn++;
  }
  return t;
}

function pad(text: string | number, width: number): string {
  return String(text).padStart(width);
}

async function main(): Promise<void> {
  let opts;
  try {
    opts = parseArgs({
      options: {
        content: { type: 'string' },
        cache: { type: 'string' },
        json: { type: 'boolean' },
        list: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }).values;
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const work = await mkdtemp(join(tmpdir(), 'toolgate-peer-'));
  try {
    const bin = ensurePeer(resolve(opts.cache ?? join(ROOT, '.cache', 'peer')));
    const items = [
      ...fixtureItems(),
      ...catalogueItems(resolve(opts.content ?? join(ROOT, 'content'))),
      ...(await attackerItems(work)),
    ];
    await runPeer(bin, items, work);
    const sets = ['fixtures', 'catalogue', 'attacker servers'];
    const rows: Array<{ set: string; kind: string; items: number; positives: number; ours: Table; peer: Table }> = [];
    for (const set of sets) {
      for (const kind of ['tool', 'other'] as const) {
        const subset = items.filter((i) => i.set === set && (kind === 'tool' ? i.kind === 'tool' : i.kind !== 'tool'));
        if (subset.length === 0) continue;
        rows.push({
          set,
          kind: kind === 'tool' ? 'tools' : 'prompts, resources, instructions',
          items: subset.length,
          positives: subset.filter((i) => i.truth).length,
          ours: table(subset, (i) => i.ours),
          peer: table(subset, (i) => i.peer),
        });
      }
    }
    const all = { ours: table(items, (i) => i.ours), peer: table(items, (i) => i.peer) };
    const flaggedCatalogue = items.filter((i) => i.set === 'catalogue' && (i.ours || i.peer));
    if (opts.json) {
      process.stdout.write(
        JSON.stringify(
          { peer: PEER, rows, all, catalogueFlagged: flaggedCatalogue.map(({ raw: _raw, ...i }) => i) },
          null,
          2,
        ) + '\n',
      );
      return;
    }
    const line = (label: string, t: Table) =>
      `${label.padEnd(10)}${pad(t.tp, 5)}${pad(t.fp, 5)}${pad(t.fn, 5)}${pad(t.tn, 6)}`;
    process.stdout.write(
      `Peer: ${PEER}, --analyzers yara, static mode. Ours: POISON_* findings at warning or error.\n`,
    );
    process.stdout.write(
      'A positive is a hostile item (fixture positives, attacker fixture tools and poisoned items) or a catalogue item reviewed as real.\n\n',
    );
    for (const r of rows) {
      process.stdout.write(`${r.set} — ${r.kind}: ${r.items} items, ${r.positives} hostile\n`);
      process.stdout.write(
        `${''.padEnd(10)}${pad('TP', 5)}${pad('FP', 5)}${pad('FN', 5)}${pad('TN', 6)}\n${line('toolgate', r.ours)}\n${line('peer', r.peer)}\n\n`,
      );
    }
    process.stdout.write(
      `all inputs: ${items.length} items\n${line('toolgate', all.ours)}\n${line('peer', all.peer)}\n`,
    );
    const catTools = items.filter((i) => i.set === 'catalogue' && i.kind === 'tool');
    const oursCat = catTools.filter((i) => i.ours).length;
    process.stdout.write(
      `\ncatalogue tools flagged at warning+: toolgate ${oursCat} of ${catTools.length} (${((100 * oursCat) / Math.max(1, catTools.length)).toFixed(2)}%), peer ${catTools.filter((i) => i.peer).length}\n`,
    );
    if (opts.list) {
      process.stdout.write('\ncatalogue items flagged by either scanner:\n');
      for (const i of flaggedCatalogue)
        process.stdout.write(
          `  ${i.server} ${i.kind} ${JSON.stringify(i.name)}: toolgate ${i.ours ? i.oursCodes.join(',') : '-'} | peer ${i.peer ? i.peerThreats?.join(',') : '-'}\n`,
        );
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
