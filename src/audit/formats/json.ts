// --format json: the report exactly as AuditReportSchema describes it (published as schemas/audit-report-v1.json).
import { canonicalJson } from '../../core/hash.ts';
import type { AuditFormat } from './types.ts';

export const jsonFormat: AuditFormat = {
  id: 'json',
  description: 'the full report as JSON (schema: schemas/audit-report-v1.json)',
  render: ({ report }) => canonicalJson(report, 2) + '\n',
};
