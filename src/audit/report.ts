// Builds the audit report from what discovery, the scans, the lock and the catalogue said: pure, deterministic,
// riskiest first.
import { classify, shadowingFindings, surfacePoisonFindings } from '../core/classify/index.ts';
import type { AuditIssue, AuditReport, AuditServer, Level, LockFile } from '../core/schemas/audit.ts';
import type { Finding } from '../core/schemas/finding.ts';
import type { Snapshot } from '../core/schemas/snapshot.ts';
import type { Risk } from '../core/schemas/verdict.ts';
import type { ConfigFileReport } from './discover.ts';
import { RISK_RULES } from '../core/classify/index.ts';
import { visible } from '../core/classify/poison/check.ts';
import { comparePins } from './lock.ts';
import type { PlannedServer } from './plan.ts';

export const LEVEL_RANK: Record<Level, number> = { low: 0, medium: 1, high: 2, critical: 3 };
const SEVERITY_LEVEL: Record<Finding['severity'], Level> = { info: 'low', warning: 'medium', error: 'high' };

export type ScanOutcome =
  | { status: 'ok'; snapshot: Snapshot }
  | { status: 'failed'; error: { code: string; message: string } };

export interface ReportInput {
  configs: ConfigFileReport[];
  planned: PlannedServer[];
  /** By server id, for every planned server that was not skipped. */
  outcomes: ReadonlyMap<string, ScanOutcome>;
  /** The lock as it was before this audit, when there was one. */
  lock?: LockFile;
  /** By server id. */
  catalogue?: ReadonlyMap<string, NonNullable<AuditServer['catalogue']>>;
  remote: boolean;
  failOn?: 'high' | 'critical';
  /** --update-lock: the changes are reported as accepted (low), not held against --fail-on. */
  acceptPins?: boolean;
  /** Every client's configs were read (no --client or --config), so a pinned server missing from them is gone. */
  fullAudit?: boolean;
}

function maxRisk(risks: Risk[]): Risk | undefined {
  return risks.reduce<Risk | undefined>(
    (best, risk) => (best === undefined || LEVEL_RANK[risk] > LEVEL_RANK[best] ? risk : best),
    undefined,
  );
}

function compare(a: string | undefined, b: string | undefined): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A tool name as it appears inside a message: control characters visible, at most 80 characters (the raw name is in `tool`). */
function shown(name: string): string {
  return visible(name, 80);
}

export function buildReport(input: ReportInput): AuditReport {
  const issues: AuditIssue[] = [];
  const issue = (value: AuditIssue) => issues.push(value);
  for (const config of input.configs) {
    if (config.status === 'invalid')
      issue({
        code: 'CONFIG_FILE_INVALID',
        level: 'medium',
        file: config.path,
        message: `${config.path}: ${config.message ?? 'invalid'}`,
      });
    if (config.status === 'unreadable')
      issue({
        code: 'CONFIG_FILE_UNREADABLE',
        level: 'low',
        file: config.path,
        message: `${config.path}: ${config.message ?? 'unreadable'}`,
      });
  }
  const lockedById = new Map((input.lock?.servers ?? []).map((server) => [server.id, server]));
  const servers: AuditServer[] = input.planned.map((plan) => {
    const base = {
      id: plan.id,
      name: plan.name,
      uses: plan.uses,
      launch: plan.launch,
      counts: { tools: 0, read: 0, write: 0, destructive: 0 },
      tools: [],
      findings: [],
    };
    const where = { server: plan.id, file: plan.file };
    if (plan.skip) {
      const level: Level =
        plan.skip.code === 'CONFIG_ENTRY_INVALID' || plan.skip.code === 'PACKAGE_NOT_FETCHED' ? 'medium' : 'low';
      issue({ code: plan.skip.code, level, ...where, message: `${plan.id}: ${plan.skip.reason}` });
      return { ...base, status: 'skipped', reason: plan.skip.reason };
    }
    const outcome = input.outcomes.get(plan.id);
    if (!outcome || outcome.status === 'failed') {
      const error = outcome?.status === 'failed' ? outcome.error : { code: 'NOT_SCANNED', message: 'no scan result' };
      // The whole message: the scanner's hint (e.g. the flag that relaxes the sandbox) may follow the first line.
      issue({
        code: 'SCAN_FAILED',
        level: 'medium',
        ...where,
        message: `${plan.id} could not be scanned (${error.code}): ${error.message.replace(/\s*\n\s*/g, ' ').slice(0, 600)}`,
      });
      const pin = lockedById.has(plan.id)
        ? { pin: { status: 'unchecked' as const, added: [], removed: [], changed: [] } }
        : {};
      return { ...base, status: 'failed', error, ...pin };
    }
    const snapshot = outcome.snapshot;
    const tools = snapshot.tools.map((tool) => {
      const verdict = classify(tool);
      return {
        name: tool.name,
        category: verdict.category,
        risk: verdict.risk,
        capabilities: verdict.capabilities,
        confidence: verdict.confidence,
        hash: tool.hash,
        findings: verdict.findings,
        verdict,
      };
    });
    for (const tool of tools) {
      if (tool.risk === 'high' || tool.risk === 'critical') {
        const ruleId = tool.verdict.evidence.find((evidence) => evidence.code === 'RISK')?.matched[0];
        const rule = RISK_RULES.find((candidate) => candidate.id === ruleId);
        issue({
          code: tool.risk === 'critical' ? 'TOOL_RISK_CRITICAL' : 'TOOL_RISK_HIGH',
          level: tool.risk,
          ...where,
          tool: tool.name,
          message: `${plan.id} › ${shown(tool.name)}: ${tool.category}, ${tool.risk} risk${rule ? ` — ${rule.when}` : ''}`,
        });
      }
      for (const finding of tool.findings) {
        if (finding.severity === 'info') continue;
        issue({
          code: finding.code,
          level: SEVERITY_LEVEL[finding.severity],
          ...where,
          tool: tool.name,
          message: `${plan.id} › ${shown(tool.name)}: ${finding.message}`,
        });
      }
    }
    // The scanner's findings, then poisoning over the rest of the surface: instructions, prompts, resources, tool-name
    // collisions.
    const serverFindings = [...snapshot.findings, ...surfacePoisonFindings(snapshot)];
    for (const finding of serverFindings) {
      if (finding.severity === 'info') continue;
      const surface =
        typeof finding.args?.surface === 'string'
          ? ` (in ${finding.args.surface}${typeof finding.args.item === 'string' ? ` ${shown(finding.args.item)}` : ''})`
          : '';
      issue({
        code: finding.code,
        level: SEVERITY_LEVEL[finding.severity],
        ...where,
        ...(finding.tool !== undefined ? { tool: finding.tool } : {}),
        message: `${plan.id}${finding.tool !== undefined ? ` › ${shown(finding.tool)}` : ''}: ${finding.message}${surface}`,
      });
    }
    let pin: AuditServer['pin'];
    if (input.lock) {
      pin = comparePins(lockedById.get(plan.id), snapshot);
      if (pin.status === 'new')
        issue({
          code: 'PIN_SERVER_NEW',
          level: 'low',
          ...where,
          message: `${plan.id} is not in toolgate.lock yet (${pin.added.length} tools)`,
        });
      else {
        for (const change of pin.changed) {
          const fields = change.diff.map((diff) => diff.field).join(', ') || 'content';
          const accepted = input.acceptPins ? '; accepted with --update-lock' : '';
          issue({
            code: 'PIN_TOOL_CHANGED',
            level: input.acceptPins ? 'low' : 'critical',
            ...where,
            tool: change.name,
            message: `${plan.id} › ${shown(change.name)} changed since it was pinned (${fields}${accepted})`,
          });
        }
        if (pin.instructions) {
          const accepted = input.acceptPins ? '; accepted with --update-lock' : '';
          issue({
            code: 'PIN_INSTRUCTIONS_CHANGED',
            level: input.acceptPins ? 'low' : 'critical',
            ...where,
            message: `${plan.id}: the instructions it sends the model changed since they were pinned${accepted}`,
          });
        }
        for (const name of pin.added)
          issue({
            code: 'PIN_TOOL_ADDED',
            level: input.acceptPins ? 'low' : 'medium',
            ...where,
            tool: name,
            message: `${plan.id} › ${shown(name)} is new since the lock was written`,
          });
        for (const name of pin.removed)
          issue({
            code: 'PIN_TOOL_REMOVED',
            level: 'low',
            ...where,
            tool: name,
            message: `${plan.id} › ${shown(name)} is pinned but no longer listed`,
          });
      }
    }
    const catalogue = input.catalogue?.get(plan.id);
    if (catalogue && (catalogue.differ.length || catalogue.onlyHere.length || catalogue.onlyCatalogue.length)) {
      const parts = [
        catalogue.differ.length
          ? `${catalogue.differ.length} differ (${catalogue.differ.slice(0, 5).map(shown).join(', ')})`
          : '',
        catalogue.onlyHere.length ? `${catalogue.onlyHere.length} only here` : '',
        catalogue.onlyCatalogue.length ? `${catalogue.onlyCatalogue.length} only in the catalogue` : '',
      ].filter(Boolean);
      issue({
        code: 'CATALOGUE_DIFFERS',
        level: 'medium',
        ...where,
        message: `${plan.id}: tools differ from the public catalogue's ${catalogue.package} (${catalogue.id}): ${parts.join(', ')}`,
      });
    }
    const counts = { tools: tools.length, read: 0, write: 0, destructive: 0 };
    for (const tool of tools) counts[tool.category]++;
    const highestRisk = maxRisk(tools.map((tool) => tool.risk));
    return {
      ...base,
      status: 'scanned',
      serverInfo: { name: snapshot.serverInfo.name, version: snapshot.serverInfo.version },
      ...(snapshot.source.kind === 'npm' || snapshot.source.kind === 'pypi'
        ? {
            package: {
              registry: snapshot.source.kind,
              name: snapshot.source.package,
              version: snapshot.source.version,
            },
          }
        : {}),
      counts,
      ...(highestRisk ? { highestRisk } : {}),
      tools: tools.map(({ verdict: _verdict, ...tool }) => tool),
      findings: serverFindings,
      ...(pin ? { pin } : {}),
      ...(catalogue ? { catalogue } : {}),
    };
  });
  // One agent sees all the servers its client starts: the same tool name on two of them lets one shadow the other.
  const clients = new Map<string, Array<{ id: string; tools: Array<{ name: string }> }>>();
  for (const server of servers) {
    if (server.status !== 'scanned') continue;
    for (const client of new Set(server.uses.map((use) => use.client))) {
      const list = clients.get(client) ?? [];
      list.push({ id: server.id, tools: server.tools });
      clients.set(client, list);
    }
  }
  const shadowed = new Map<string, { finding: ReturnType<typeof shadowingFindings>[number]; clients: string[] }>();
  for (const [client, list] of [...clients].sort(([a], [b]) => compare(a, b))) {
    for (const finding of shadowingFindings(list)) {
      const key = `${finding.server}\u0000${finding.tool}`;
      const seen = shadowed.get(key);
      if (seen) seen.clients.push(client);
      else shadowed.set(key, { finding, clients: [client] });
    }
  }
  for (const { finding, clients: seenBy } of shadowed.values()) {
    const plan = input.planned.find((candidate) => candidate.id === finding.server)!;
    const others = Array.isArray(finding.args?.servers)
      ? (finding.args.servers as string[]).join(', ')
      : 'another server';
    issue({
      code: finding.code,
      level: SEVERITY_LEVEL[finding.severity],
      server: finding.server,
      file: plan.file,
      tool: finding.tool!,
      message: `${finding.server} › ${shown(finding.tool!)}: ${others} also offer${others.includes(',') ? '' : 's'} a tool of this name in ${seenBy.join(', ')}; one can receive calls meant for the other`,
    });
  }
  // Only a full audit (no --client or --config) knows that a pinned server is configured nowhere any more.
  if (input.lock && input.fullAudit) {
    const configured = new Set(input.planned.map((plan) => plan.id));
    for (const server of input.lock.servers) {
      if (!configured.has(server.id))
        issue({
          code: 'PIN_SERVER_REMOVED',
          level: 'low',
          server: server.id,
          message: `${server.id} is pinned in toolgate.lock but no config names it any more; --update-lock drops it`,
        });
    }
  }
  issues.sort(
    (a, b) =>
      LEVEL_RANK[b.level] - LEVEL_RANK[a.level] ||
      compare(a.server, b.server) ||
      compare(a.tool, b.tool) ||
      compare(a.code, b.code) ||
      compare(a.message, b.message),
  );
  const scanned = servers.filter((server) => server.status === 'scanned');
  const sum = (key: 'tools' | 'read' | 'write' | 'destructive') =>
    scanned.reduce((total, server) => total + server.counts[key], 0);
  const highestRisk = maxRisk(scanned.flatMap((server) => (server.highestRisk ? [server.highestRisk] : [])));
  const failed =
    input.failOn !== undefined && issues.some((candidate) => LEVEL_RANK[candidate.level] >= LEVEL_RANK[input.failOn!]);
  return {
    schemaVersion: 1,
    remote: input.remote,
    configs: input.configs,
    servers,
    issues,
    summary: {
      servers: servers.length,
      scanned: scanned.length,
      failed: servers.filter((server) => server.status === 'failed').length,
      skipped: servers.filter((server) => server.status === 'skipped').length,
      tools: sum('tools'),
      read: sum('read'),
      write: sum('write'),
      destructive: sum('destructive'),
      ...(highestRisk ? { highestRisk } : {}),
      changedTools: servers.reduce((total, server) => total + (server.pin?.changed.length ?? 0), 0),
    },
    ...(input.failOn ? { failOn: input.failOn } : {}),
    failed,
  };
}
