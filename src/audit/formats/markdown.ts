// --format markdown: a summary table and the issues for a pull-request comment; server text is escaped, diffs sit in
// fenced blocks.
import type { AuditServer } from '../../core/schemas/audit.ts';
import { markdownSafe } from './text.ts';
import type { AuditFormat } from './types.ts';

/** Issues listed in a comment; the rest are counted. */
const MAX_ISSUES = 60;

/** A code fence longer than any backtick run in the content, so the content cannot close it. */
function fence(lines: string[], info = ''): string[] {
  const longest = Math.max(
    2,
    ...lines.map((line) => Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length))),
  );
  const marker = '`'.repeat(longest + 1);
  return [marker + info, ...lines, marker];
}

export const markdownFormat: AuditFormat = {
  id: 'markdown',
  description: 'Markdown for pull-request comments',
  render({ report, lock }) {
    const s = report.summary;
    const out: string[] = ['## Toolgate audit', ''];
    out.push(
      `**${s.servers} servers** (${s.scanned} scanned, ${s.failed} failed, ${s.skipped} skipped) · **${s.tools} tools**: ${s.read} read, ${s.write} write, ${s.destructive} destructive · highest risk **${s.highestRisk ?? 'none'}**`,
      '',
    );
    if (report.servers.length === 0) {
      out.push(`No MCP servers found in the ${report.configs.length} places the audit looked.`, '');
    } else {
      const issuesBy = new Map<string, number>();
      for (const issue of report.issues)
        if (issue.server) issuesBy.set(issue.server, (issuesBy.get(issue.server) ?? 0) + 1);
      out.push(
        '| Server | Clients | Status | Tools | Read | Write | Destructive | Highest risk | Issues |',
        '|---|---|---|--:|--:|--:|--:|---|--:|',
      );
      for (const server of report.servers) {
        const scanned = server.status === 'scanned';
        const cell = (n: number) => (scanned ? String(n) : '–');
        out.push(
          `| ${server.id} | ${[...new Set(server.uses.map((use) => use.client))].join(', ')} | ${server.status} | ${cell(server.counts.tools)} | ${cell(server.counts.read)} | ${cell(server.counts.write)} | ${cell(server.counts.destructive)} | ${server.highestRisk ?? '–'} | ${issuesBy.get(server.id) ?? 0} |`,
        );
      }
      out.push('');
    }
    if (report.issues.length > 0) {
      out.push('### Issues', '');
      const changes = new Map<string, NonNullable<AuditServer['pin']>['changed'][number]>();
      for (const server of report.servers)
        for (const change of server.pin?.changed ?? []) changes.set(`${server.id}\u0000${change.name}`, change);
      // A pull-request comment holds 65,536 characters: every pin change and critical/high issue, then the rest up to a
      // cap.
      const important = report.issues.filter(
        (issue) => issue.code.startsWith('PIN_') || issue.level === 'critical' || issue.level === 'high',
      );
      const rest = report.issues.filter((issue) => !important.includes(issue));
      const listed = [...important.slice(0, MAX_ISSUES), ...rest.slice(0, Math.max(0, MAX_ISSUES - important.length))];
      const omitted = report.issues.length - listed.length;
      for (const issue of report.issues.filter((candidate) => listed.includes(candidate))) {
        out.push(`- **${issue.level}** \`${issue.code}\` ${markdownSafe(issue.message, 400)}`);
        const change =
          issue.code === 'PIN_TOOL_CHANGED' ? changes.get(`${issue.server}\u0000${issue.tool}`) : undefined;
        const instructions =
          issue.code === 'PIN_INSTRUCTIONS_CHANGED'
            ? report.servers.find((server) => server.id === issue.server)?.pin?.instructions
            : undefined;
        if (!change && !instructions) continue;
        const lines = change
          ? change.diff.flatMap((diff) => [`@@ ${diff.field} @@`, ...diff.lines])
          : ['@@ instructions @@', ...instructions!.lines];
        out.push(
          '',
          '  <details><summary>What changed</summary>',
          '',
          ...fence(lines.slice(0, 60), 'diff').map((line) => `  ${line}`),
          '',
          '  </details>',
          '',
        );
      }
      if (omitted > 0) out.push(`- … and ${omitted} more issues (the JSON and SARIF reports list them all)`);
      out.push('');
    }
    if (lock && lock.action === 'kept' && s.changedTools > 0)
      out.push(
        `Pinned tools changed since \`toolgate.lock\`; after review, accept them with \`toolgate audit --update-lock\`.`,
        '',
      );
    if (report.failOn)
      out.push(
        report.failed ? `❌ Fails \`--fail-on ${report.failOn}\`.` : `✅ Passes \`--fail-on ${report.failOn}\`.`,
        '',
      );
    return out.join('\n');
  },
};
