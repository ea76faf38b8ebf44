// The open data under /api/ and /llms.txt, generated from the same catalogue as the pages.
import { snapshotVersion } from '../core/history.ts';
import type { DatasetRow } from '../core/schemas/open-data.ts';
import type { Verdict } from '../core/schemas/verdict.ts';
import type { Catalog, ServerView, ToolView } from './catalog.ts';
import { routes } from './routes.ts';
import { oneLine } from './text.ts';

/** The files the /api/ page documents, in order. */
export const API_FILES = [
  {
    file: 'servers.json',
    schema: 'servers.schema.json',
    what: 'Every server: id, name, package and version, transport, scan time, tool counts by category and risk.',
  },
  {
    file: 'servers/<id>.json',
    schema: 'server.schema.json',
    what: 'One server and its tools, each with category, risk, capabilities, confidence, content hash and finding codes.',
  },
  {
    file: 'tools.csv',
    what: 'Every tool in one spreadsheet: server, tool, category, risk, capabilities, confidence, hash, URL.',
  },
  {
    file: 'dataset.jsonl',
    schema: 'dataset.schema.json',
    what: 'The labelled dataset, one tool per line: description, input schema, the annotations its server declared, and Toolgate’s verdict with its evidence.',
  },
] as const;

const abs = (site: URL, path: string) => new URL(path, site).href;

/** A server as servers.json and its own tool file describe it. */
export function serverEntry(s: ServerView, site: URL) {
  const src = s.snapshot.source;
  return {
    id: s.id,
    name: s.snapshot.name,
    url: abs(site, s.href),
    toolsUrl: abs(site, routes.apiServer(s.id)),
    source: src.kind,
    ...(src.kind === 'npm' || src.kind === 'pypi' ? { package: src.package } : {}),
    version: snapshotVersion(s.snapshot),
    transport: s.snapshot.transport,
    scannedAt: s.snapshot.scannedAt,
    tools: s.tools.length,
    byCategory: { ...s.byCategory },
    byRisk: { ...s.byRisk },
    maxRisk: s.maxRisk,
  };
}

/** A server's entry in servers.json (plain data: the build hands it to its files worker). */
export type ApiServerEntry = ReturnType<typeof serverEntry>;

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** /api/servers.json. */
export function apiServers(catalog: Catalog, site: URL): string {
  return json({ version: 1, count: catalog.servers.length, servers: catalog.servers.map((s) => serverEntry(s, site)) });
}

/** Every finding code of a tool, from the classifier and from the scan, sorted and once each. */
export function findingCodes(t: Pick<ToolView, 'verdict' | 'scanFindings'>): string[] {
  return [...new Set([...t.verdict.findings.map((f) => f.code), ...t.scanFindings.map((f) => f.code)])].sort();
}

/** What a tool's row in /api/servers/<id>.json is made from (plain data, as the build's files worker receives it). */
export interface ApiToolInput {
  name: string;
  /** The tool page's path. */
  href: string;
  /** Description exactly as sent ('' when none). */
  description: string;
  verdict: Pick<Verdict, 'category' | 'risk' | 'capabilities' | 'confidence'>;
  hash: string;
  /** findingCodes() of the tool. */
  findings: string[];
}

/**
 * /api/servers/<id>.json from plain data: written once per build as a plain file beside the pages by the files worker
 * (tool-files.ts), not as an Astro route (5,000 routes cost the page renderer more than the files).
 */
export function apiServerToolsText(server: ApiServerEntry, tools: readonly ApiToolInput[], site: URL): string {
  return json({
    version: 1,
    server,
    tools: tools.map((t) => ({
      name: t.name,
      url: abs(site, t.href),
      description: t.description,
      category: t.verdict.category,
      risk: t.verdict.risk,
      capabilities: t.verdict.capabilities,
      confidence: t.verdict.confidence,
      hash: t.hash,
      findings: t.findings,
    })),
  });
}

/** /api/servers/<id>.json of a server view. */
export function apiServerTools(s: ServerView, site: URL): string {
  return apiServerToolsText(
    serverEntry(s, site),
    s.tools.map((t) => ({
      name: t.name,
      href: t.href,
      description: t.description,
      verdict: t.verdict,
      hash: t.hash,
      findings: findingCodes(t),
    })),
    site,
  );
}

// A cell that a spreadsheet would run as a formula is prefixed with a quote; quotes are doubled; fields always quoted.
function csvCell(value: string | number): string {
  const text = String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** /api/tools.csv. */
export function toolsCsv(catalog: Catalog, site: URL): string {
  const rows = [
    ['server', 'tool', 'category', 'risk', 'capabilities', 'confidence', 'hash', 'url'].map(csvCell).join(','),
  ];
  for (const t of catalog.tools) {
    rows.push(
      [
        t.serverId,
        t.name,
        t.verdict.category,
        t.verdict.risk,
        t.verdict.capabilities.join(' '),
        t.verdict.confidence,
        t.hash,
        abs(site, t.href),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** One dataset row per tool. */
export function datasetRow(t: ToolView): DatasetRow {
  return {
    server: t.serverId,
    tool: t.name,
    description: t.description,
    inputSchema: t.tool.inputSchema ?? null,
    ...(t.verdict.declared.annotations !== undefined
      ? { declared: t.verdict.declared.annotations as Record<string, unknown> }
      : {}),
    declaredCategory: t.verdict.declared.category,
    label: {
      category: t.verdict.category,
      risk: t.verdict.risk,
      capabilities: t.verdict.capabilities,
      confidence: t.verdict.confidence,
    },
    evidence: t.verdict.evidence.map((e) => ({ code: e.code, effect: e.effect, matched: e.matched, source: e.source })),
    findings: findingCodes(t),
    hash: t.hash,
  };
}

/** /api/dataset.jsonl. */
export function datasetJsonl(catalog: Catalog): string {
  return catalog.tools.map((t) => `${JSON.stringify(datasetRow(t))}\n`).join('');
}

// Untrusted names inside Markdown link text: one line, no brackets or backticks that could end the link or open code.
function mdText(text: string, max: number): string {
  return oneLine(text, max).replace(/[[\]()`<>]/g, ' ');
}

/** /llms.txt (llmstxt.org): what the site is and where its data lives, for language models. */
export function llmsTxt(catalog: Catalog, site: URL, siteName: string): string {
  const { counts } = catalog;
  const lines = [
    `# ${siteName}`,
    '',
    `> An open catalogue of what MCP tools can do: ${counts.tools} tools on ${counts.servers} MCP servers, each classified as read, write or destructive with a risk level, the capabilities behind it and the evidence, plus a starter gateway policy per tool and server.`,
    '',
    "Verdicts come from each tool's own name, description and input schema; server annotations are hints that can only raise caution. Tool names and descriptions are quoted as the servers sent them (untrusted text).",
    '',
    '## Data',
    '',
    ...API_FILES.map((f) => `- [${f.file}](${abs(site, routes.apiFile(f.file.replace('<id>', 'delx')))}): ${f.what}`),
    `- [API overview](${abs(site, routes.api())}): formats and JSON Schemas`,
    `- [Changes feed](${abs(site, routes.changesJson())}): tools added, removed and changed between scans (JSON Feed)`,
    '',
    '## Explanations',
    '',
    `- [How verdicts are made](${abs(site, routes.verdicts())}): the classifier rules, risk rules, policy defaults and every finding code`,
    `- [Attack database](${abs(site, routes.attacks())}): real MCP attacks and the patterns behind them`,
    `- [Coverage](${abs(site, routes.coverage())}): which packages were tried and why some could not be scanned`,
    '',
    '## Riskiest tools',
    '',
    ...catalog.riskiest
      .slice(0, 10)
      .map(
        (t) =>
          `- [${mdText(t.name, 80)} on ${mdText(t.serverName, 60)}](${abs(site, t.href)}): ${t.verdict.risk}-risk ${t.verdict.category}`,
      ),
    '',
  ];
  return `${lines.join('\n')}\n`;
}
