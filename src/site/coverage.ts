// The coverage pages: which candidates discovery tried, how each ended (by code and registry), and the ones we could
// not start and why, so their authors can fix them. Computed once per build from the outcomes.
import { OUTCOME_CODES } from '../core/schemas/outcome.ts';
import type { Outcome, OutcomeCode } from '../core/schemas/outcome.ts';
import { COVERAGE_PAGE_SIZE, pageCount, routes } from './routes.ts';
import { oneLine } from './text.ts';

export { COVERAGE_PAGE_SIZE };

export const OUTCOME_INFO: Record<OutcomeCode, { label: string; meaning: string; authors: string }> = {
  OK: {
    label: 'Listed its tools',
    meaning: 'It started and answered tools/list; it is in the catalogue.',
    authors: '',
  },
  NEEDS_CREDENTIALS: {
    label: 'Needs credentials',
    meaning: 'It would not start or list its tools without real credentials, even with obviously fake values.',
    authors: 'List tools without contacting the service, and check credentials only when a tool is called.',
  },
  NEEDS_SERVICE: {
    label: 'Needs a service',
    meaning: 'It needs a database, daemon or network service that the scan does not run.',
    authors: 'Answer tools/list before connecting to the service.',
  },
  NOT_A_SERVER: {
    label: 'Not a server',
    meaning: 'A library, SDK, plugin, CLI or client: no entry point, or it printed usage and exited.',
    authors: 'If it is a server, declare a bin or console script that starts it on stdio.',
  },
  INSTALL_FAILED: {
    label: 'Install failed',
    meaning: 'The pinned version could not be installed.',
    authors: 'Check that the published version installs on Linux without build tools or network at run time.',
  },
  TIMEOUT: {
    label: 'Timed out',
    meaning: 'It started but gave no complete answer before the deadline.',
    authors: 'Answer initialize and tools/list promptly; do slow work lazily.',
  },
  CRASHED: {
    label: 'Crashed',
    meaning: 'It exited with an error unrelated to configuration (import, syntax or native module error).',
    authors: 'See the last error line below.',
  },
  PROTOCOL_ERROR: {
    label: 'Protocol error',
    meaning: 'It stayed up but did not speak MCP over stdio correctly.',
    authors: 'Keep stdout for JSON-RPC only and follow the initialize handshake.',
  },
};

export interface FailureRow {
  id: string;
  package: string;
  version: string;
  registry: string;
  code: OutcomeCode;
  detail: string;
  message: string;
  /** Last stderr line, bounded (untrusted text). */
  stderr?: string;
  envNames: string[];
}

export interface CoverageModel {
  total: number;
  ok: number;
  tools: number;
  registries: string[];
  /** Count per code and registry, codes in OUTCOME_CODES order. */
  table: Array<{
    code: OutcomeCode;
    label: string;
    meaning: string;
    counts: Record<string, number>;
    total: number;
    href?: string;
  }>;
  totalsByRegistry: Record<string, number>;
  /** Failures per code, sorted by package name. */
  failures: Map<OutcomeCode, FailureRow[]>;
}

const REGISTRY_LABEL: Record<string, string> = { npm: 'npm', pypi: 'PyPI' };

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The coverage model from every outcome. */
export function coverageModel(outcomes: readonly Outcome[]): CoverageModel {
  const registries = [...new Set(outcomes.map((o) => o.registry))].sort(compare);
  const failures = new Map<OutcomeCode, FailureRow[]>();
  const table = OUTCOME_CODES.map((code) => {
    const counts = Object.fromEntries(registries.map((r) => [r, 0])) as Record<string, number>;
    return {
      code,
      label: OUTCOME_INFO[code].label,
      meaning: OUTCOME_INFO[code].meaning,
      counts,
      total: 0,
    } as CoverageModel['table'][number];
  });
  const byCode = new Map(table.map((row) => [row.code, row]));
  const totalsByRegistry = Object.fromEntries(registries.map((r) => [r, 0])) as Record<string, number>;
  let tools = 0;
  for (const o of outcomes) {
    const row = byCode.get(o.code)!;
    row.counts[o.registry] = (row.counts[o.registry] ?? 0) + 1;
    row.total += 1;
    totalsByRegistry[o.registry] = (totalsByRegistry[o.registry] ?? 0) + 1;
    if (o.code === 'OK') {
      tools += o.tools ?? 0;
      continue;
    }
    const list = failures.get(o.code) ?? [];
    list.push({
      id: o.id,
      package: o.package,
      version: o.version,
      registry: REGISTRY_LABEL[o.registry] ?? o.registry,
      code: o.code,
      detail: o.detail,
      message: oneLine(o.message, 300),
      ...(o.stderr !== undefined ? { stderr: oneLine(o.stderr, 300) } : {}),
      envNames: o.envNamesTried.slice(0, 12),
    });
    failures.set(o.code, list);
  }
  for (const list of failures.values())
    list.sort(
      (a, b) => compare(a.package, b.package) || compare(a.registry, b.registry) || compare(a.version, b.version),
    );
  for (const row of table) if (row.code !== 'OK' && row.total > 0) row.href = routes.coverageCode(row.code);
  return {
    total: outcomes.length,
    ok: byCode.get('OK')!.total,
    tools,
    registries: registries.map((r) => REGISTRY_LABEL[r] ?? r),
    table,
    totalsByRegistry,
    failures,
  };
}

/** Pages of one code's failure list, for getStaticPaths. */
export function coveragePages(
  model: CoverageModel,
): Array<{ code: OutcomeCode; n: number; last: number; rows: FailureRow[] }> {
  const pages: Array<{ code: OutcomeCode; n: number; last: number; rows: FailureRow[] }> = [];
  for (const [code, rows] of model.failures) {
    const last = pageCount(rows.length, COVERAGE_PAGE_SIZE);
    for (let n = 1; n <= last; n++)
      pages.push({ code, n, last, rows: rows.slice((n - 1) * COVERAGE_PAGE_SIZE, n * COVERAGE_PAGE_SIZE) });
  }
  return pages;
}
