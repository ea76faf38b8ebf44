// Every report format of the audit (--format), one file each.
import { jsonFormat } from './json.ts';
import { markdownFormat } from './markdown.ts';
import { sarifFormat } from './sarif.ts';
import { terminalFormat } from './terminal.ts';
import type { AuditFormat } from './types.ts';

export type { AuditFormat, RenderContext } from './types.ts';

export const AUDIT_FORMATS: readonly AuditFormat[] = [terminalFormat, jsonFormat, sarifFormat, markdownFormat];

export function auditFormat(id: string): AuditFormat | undefined {
  return AUDIT_FORMATS.find((format) => format.id === id);
}
