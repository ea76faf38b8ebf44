// The default report: which config files were read, one table row per server, then the issues riskiest first with pin
// diffs.
import type { AuditReport, AuditServer } from '../../core/schemas/audit.ts';
import { LEVEL_RANK } from '../report.ts';
import { terminalSafe } from './text.ts';
import type { AuditFormat, RenderContext } from './types.ts';

/** Medium and low issues listed before the rest are summarised. */
const MINOR_SHOWN = 20;

function table(rows: string[][], rightAligned: Set<number>): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => [...row[column]!].length)));
  return rows.map((row) =>
    row
      .map((cell, column) => (rightAligned.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd(),
  );
}

function clientsOf(server: AuditServer): string {
  return [...new Set(server.uses.map((use) => use.client))].join(',');
}

function configSection(report: AuditReport, verbose: boolean): string[] {
  const out: string[] = [];
  const found = report.configs.filter((config) => config.status !== 'missing');
  const missing = report.configs.filter((config) => config.status === 'missing');
  out.push(`Config files (${found.length} found, ${missing.length} places had none):`);
  const mark = { parsed: '✓', invalid: '✗', unreadable: '✗', missing: '·' } as const;
  for (const config of verbose || report.servers.length === 0 ? report.configs : found) {
    const what =
      config.status === 'parsed'
        ? config.servers > 0
          ? `${config.servers} server${config.servers === 1 ? '' : 's'}`
          : (config.message ?? 'no servers')
        : config.status === 'missing'
          ? 'not there'
          : `${config.status}: ${config.message ?? ''}`;
    out.push(
      `  ${mark[config.status]} ${config.client.padEnd(14)} ${terminalSafe(config.path, 200)}  ${terminalSafe(what, 300)}`,
    );
  }
  if (!verbose && report.servers.length > 0 && missing.length > 0)
    out.push(`  · ${missing.length} other places had no file (--verbose lists them)`);
  return out;
}

export function renderTerminal(context: RenderContext): string {
  const { report } = context;
  const out: string[] = [];
  out.push(...configSection(report, context.verbose === true), '');
  if (report.servers.length === 0) {
    out.push(`No MCP servers are configured in any of the ${report.configs.length} places above.`);
  } else {
    const issuesBy = new Map<string, number>();
    for (const issue of report.issues)
      if (issue.server) issuesBy.set(issue.server, (issuesBy.get(issue.server) ?? 0) + 1);
    const rows = [['SERVER', 'CLIENTS', 'STATUS', 'TOOLS', 'READ', 'WRITE', 'DESTRUCTIVE', 'HIGHEST RISK', 'ISSUES']];
    for (const server of report.servers) {
      const scanned = server.status === 'scanned';
      rows.push([
        server.id,
        clientsOf(server),
        server.status === 'failed' ? `failed (${server.error?.code})` : server.status,
        scanned ? String(server.counts.tools) : '-',
        scanned ? String(server.counts.read) : '-',
        scanned ? String(server.counts.write) : '-',
        scanned ? String(server.counts.destructive) : '-',
        server.highestRisk ?? '-',
        String(issuesBy.get(server.id) ?? 0),
      ]);
    }
    out.push(...table(rows, new Set([3, 4, 5, 6, 8])));
    const s = report.summary;
    out.push(
      '',
      `${s.servers} servers: ${s.scanned} scanned, ${s.failed} failed, ${s.skipped} skipped; ${s.tools} tools (${s.read} read, ${s.write} write, ${s.destructive} destructive); highest risk ${s.highestRisk ?? 'none'}.`,
    );
    if (!report.remote && report.servers.some((server) => server.launch.kind === 'remote'))
      out.push('Remote servers were not contacted (nothing left this machine); pass --remote to list their tools.');
    if (report.isolation === 'bwrap')
      out.push(
        'Servers ran in the bubblewrap sandbox: no network, and nothing of your home but what each entry names (read-only).',
      );
    else if (report.isolation === 'process-group')
      out.push(
        'Servers ran WITHOUT the bubblewrap sandbox (process-group isolation only): they could read your files and use the network.',
      );
    const installed = report.servers.filter((server) => server.package);
    if (installed.length > 0) {
      out.push(
        `${installed.length} server${installed.length === 1 ? '' : 's'} run${installed.length === 1 ? 's' : ''} a package through npx/uvx/pipx; the scanner installed ${installed.map((server) => `${server.package!.name}@${server.package!.version}`).join(', ')} pinned and sandboxed from its registry (only names and versions were sent; --offline skips them).`,
      );
    }
  }
  if (report.issues.length > 0) {
    out.push('', 'Issues, riskiest first:');
    const changes = new Map<string, NonNullable<AuditServer['pin']>['changed'][number]>();
    for (const server of report.servers)
      for (const change of server.pin?.changed ?? []) changes.set(`${server.id}\u0000${change.name}`, change);
    // Every critical and high issue; the rest only up to a limit unless --verbose (JSON and SARIF hold them all).
    const minor = report.issues.filter((issue) => LEVEL_RANK[issue.level] < LEVEL_RANK.high);
    const hidden = context.verbose ? 0 : Math.max(0, minor.length - MINOR_SHOWN);
    const shownIssues =
      hidden === 0
        ? report.issues
        : report.issues.filter(
            (issue) => LEVEL_RANK[issue.level] >= LEVEL_RANK.high || minor.indexOf(issue) < MINOR_SHOWN,
          );
    for (const issue of shownIssues) {
      out.push(`  ${issue.level.toUpperCase().padEnd(8)} ${issue.code.padEnd(22)} ${terminalSafe(issue.message, 300)}`);
      if (issue.code === 'PIN_INSTRUCTIONS_CHANGED') {
        const pinned = report.servers.find((server) => server.id === issue.server)?.pin?.instructions;
        if (pinned) {
          out.push('      instructions:', ...pinned.lines.map((line) => `        ${line}`));
          out.push(
            `      poisoning checks on the new text: ${pinned.poisoning.length ? pinned.poisoning.map((finding) => finding.code).join(', ') : 'none fired'}`,
          );
        }
      }
      const change = issue.code === 'PIN_TOOL_CHANGED' ? changes.get(`${issue.server}\u0000${issue.tool}`) : undefined;
      if (!change) continue;
      for (const diff of change.diff) {
        out.push(`      ${diff.field}:`);
        for (const line of diff.lines) out.push(`        ${line}`);
      }
      if (change.poisoning.length > 0)
        out.push(
          `      poisoning checks on the new text: ${change.poisoning.map((finding) => finding.code).join(', ')}`,
        );
      else out.push('      poisoning checks on the new text: none fired');
    }
    if (hidden > 0)
      out.push(`  … and ${hidden} more medium and low issues (--verbose, or --format json, lists them all)`);
  }
  out.push('');
  if (context.lock) {
    const { path, action } = context.lock;
    const lockLine = {
      created: `Pinned ${report.summary.tools} tools of ${report.summary.scanned} servers in ${path} (new lock). Commit it; the next audit reports any change.`,
      updated: `Updated ${path} with the tools as they are now.`,
      unchanged: `${path} is up to date.`,
      kept:
        report.summary.changedTools > 0 || report.issues.some((issue) => issue.code.startsWith('PIN_'))
          ? `${path} left as it was; review the changes above, then accept them with --update-lock.`
          : `Every pinned tool matches ${path}.`,
      disabled: 'No lock file read or written (--no-lock).',
    }[action];
    out.push(lockLine);
  }
  if (context.policy) {
    const p = context.policy;
    out.push(
      p.combined
        ? `Wrote one ${p.format} policy for ${p.servers} servers and every tool to ${p.path}.`
        : `Wrote a ${p.format} policy per server (${p.servers} files; ${p.note ? terminalSafe(p.note, 200) : 'the format holds one server per file'}) to ${p.path}.`,
    );
    if (p.losses.length > 0) {
      out.push(
        `  ${p.losses.length} rule${p.losses.length === 1 ? '' : 's'} of the starter policies cannot be expressed in this format${context.verbose ? ':' : ' (--verbose lists them).'}`,
      );
      if (context.verbose) for (const loss of p.losses) out.push(`    ${terminalSafe(loss, 300)}`);
    }
    if (p.notCovered.length > 0)
      out.push(`  Not covered (not scanned): ${p.notCovered.map((name) => terminalSafe(name, 40)).join(', ')}.`);
  }
  if (context.html) out.push(`Built the HTML report in ${context.html}.`);
  if (report.failOn) {
    const reached = report.issues.filter((issue) => LEVEL_RANK[issue.level] >= LEVEL_RANK[report.failOn!]).length;
    out.push(
      report.failed
        ? `FAILED: ${reached} issue${reached === 1 ? '' : 's'} at ${report.failOn} or above (--fail-on ${report.failOn}).`
        : `Passed --fail-on ${report.failOn}: no issue at ${report.failOn} or above.`,
    );
  }
  return out.join('\n') + '\n';
}

export const terminalFormat: AuditFormat = {
  id: 'terminal',
  description: 'a table and the issues, for people (default)',
  render: renderTerminal,
};
