// What a report format is: a pure function from the audit's report (plus where the lock and policy went) to text.
import type { AuditReport } from '../../core/schemas/audit.ts';

export interface RenderContext {
  report: AuditReport;
  /** The project folder: SARIF locations inside it are written relative to it. */
  project: string;
  /** What happened to toolgate.lock. */
  lock?: { path: string; action: 'created' | 'updated' | 'unchanged' | 'kept' | 'disabled' };
  /** Where the setup's policy was written: one combined file, or a folder of one file per server. */
  policy?: {
    path: string;
    format: string;
    combined: boolean;
    servers: number;
    losses: string[];
    notCovered: string[];
    note?: string;
  };
  /** Where the HTML report was built. */
  html?: string;
  /** List every place looked, not only the files found. */
  verbose?: boolean;
  /** Toolgate's version, for SARIF's tool.driver. */
  version: string;
}

export interface AuditFormat {
  /** --format value (permanent). */
  id: string;
  /** One line for --help. */
  description: string;
  render(context: RenderContext): string;
}
