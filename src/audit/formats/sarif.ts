// --format sarif: SARIF 2.1.0 for code-scanning tools; rules are the finding codes with their help text, results point
// at config files.
import { createHash } from 'node:crypto';
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { canonicalJson } from '../../core/hash.ts';
import type { Level } from '../../core/schemas/audit.ts';
import { findingInfo } from '../findings.ts';
import type { AuditFormat } from './types.ts';

const SARIF_LEVEL: Record<Level, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
};
// GitHub code scanning reads security-severity (0-10) to rank results.
const SECURITY_SEVERITY: Record<Level, string> = { critical: '9.5', high: '8.0', medium: '5.0', low: '2.0' };

function location(file: string | undefined, project: string): Record<string, unknown> | undefined {
  if (!file) return undefined;
  const inside = relative(project, file);
  if (inside && !inside.startsWith('..') && !isAbsolute(inside)) {
    return {
      physicalLocation: {
        artifactLocation: { uri: inside.split(sep).map(encodeURIComponent).join('/'), uriBaseId: 'PROJECTROOT' },
      },
    };
  }
  return { physicalLocation: { artifactLocation: { uri: pathToFileURL(file).href } } };
}

export const sarifFormat: AuditFormat = {
  id: 'sarif',
  description: 'SARIF 2.1.0 for code scanning (GitHub, GitLab, IDEs)',
  render({ report, project, version }) {
    const codes = [...new Set(report.issues.map((issue) => issue.code))].sort();
    const index = new Map(codes.map((code, i) => [code, i]));
    const rules = codes.map((code) => {
      const info = findingInfo(code);
      const worst = report.issues.filter((issue) => issue.code === code).map((issue) => issue.level)[0] ?? 'low';
      return {
        id: code,
        name: code,
        shortDescription: { text: info.title },
        fullDescription: { text: info.description },
        help: { text: info.fix ? `${info.description} Fix: ${info.fix}` : info.description },
        helpUri: `https://toolgate.dev/how-verdicts-are-made/#${code}`,
        defaultConfiguration: { level: SARIF_LEVEL[worst] },
        properties: { tags: ['security', 'mcp'], 'security-severity': SECURITY_SEVERITY[worst] },
      };
    });
    const results = report.issues.map((issue) => {
      const where = location(issue.file, project);
      const fingerprint = createHash('sha256')
        .update(canonicalJson([issue.code, issue.server ?? '', issue.tool ?? '']), 'utf8')
        .digest('hex');
      return {
        ruleId: issue.code,
        ruleIndex: index.get(issue.code)!,
        level: SARIF_LEVEL[issue.level],
        message: { text: issue.message },
        ...(where ? { locations: [where] } : {}),
        partialFingerprints: { 'toolgate/v1': fingerprint },
        properties: {
          level: issue.level,
          ...(issue.server ? { server: issue.server } : {}),
          ...(issue.tool !== undefined ? { tool: issue.tool } : {}),
        },
      };
    });
    const projectUri = pathToFileURL(project.endsWith(sep) ? project : project + sep).href;
    const log = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'toolgate', informationUri: 'https://toolgate.dev', version, rules } },
          originalUriBaseIds: { PROJECTROOT: { uri: projectUri } },
          results,
          columnKind: 'utf16CodeUnits',
          properties: { summary: report.summary },
        },
      ],
    };
    return JSON.stringify(log, null, 2) + '\n';
  },
};
