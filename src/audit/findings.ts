// The audit's own finding codes, and one lookup of title and help text for every code an audit can report.
import { FINDING_INFO, RISK_RULES } from '../core/classify/index.ts';
import { SCAN_FINDING_INFO } from '../core/schemas/scan-findings.ts';

/** Codes the audit adds to the classifier's and scanner's (permanent, never renamed). */
export const AUDIT_FINDING_INFO: Record<string, { title: string; description: string }> = {
  TOOL_RISK_CRITICAL: {
    title: 'Critical-risk tool',
    description: 'An agent with this tool can run arbitrary code or destroy data in bulk. Allow it only behind human approval, or remove the server.',
  },
  TOOL_RISK_HIGH: {
    title: 'High-risk tool',
    description: 'The tool deletes or overwrites things, moves money, messages people or changes secrets. Require approval for it (the combined policy from --policy does).',
  },
  PIN_TOOL_CHANGED: {
    title: 'A pinned tool changed',
    description:
      'The tool\'s description, schema or annotations differ from toolgate.lock. A server that changes what it tells the model after you approved it is the "rug pull" attack; read the diff, then accept it with --update-lock.',
  },
  PIN_TOOL_ADDED: {
    title: 'A pinned server gained a tool',
    description: 'The server lists a tool that toolgate.lock does not pin. Review it, then accept it with --update-lock.',
  },
  PIN_TOOL_REMOVED: {
    title: 'A pinned tool disappeared',
    description: 'The server no longer lists a tool that toolgate.lock pins. Usually an upgrade; accept it with --update-lock.',
  },
  PIN_SERVER_NEW: {
    title: 'Server not in the lock',
    description: 'toolgate.lock has no pins for this server yet. Review its tools, then pin them with --update-lock.',
  },
  SCAN_FAILED: {
    title: 'Server could not be scanned',
    description:
      'The server did not start or answer inside the sandbox, so its tools are unknown. The message says why; when the sandbox is the likely cause it names the flag that relaxes it.',
  },
  CONFIG_FILE_INVALID: {
    title: 'Config file could not be read',
    description: 'A client config file is not valid for its format (JSON, JSONC, TOML or YAML). Its servers were not audited; the other files were.',
  },
  CONFIG_FILE_UNREADABLE: {
    title: 'Config file not readable',
    description: 'A client config file exists but could not be read (permissions, size, or a folder in its place).',
  },
  CONFIG_ENTRY_INVALID: {
    title: 'Server entry cannot be used',
    description: 'A server entry has no command or URL, an unknown type, or a shape its client cannot start. The message says what to change.',
  },
  DISABLED_IN_CONFIG: {
    title: 'Server disabled',
    description: 'The entry is disabled in its config, so its client does not start it; the audit does not scan it either.',
  },
  REMOTE_NOT_CONTACTED: {
    title: 'Remote server not contacted',
    description: 'The audit contacts nothing outside this machine unless you pass --remote; this remote server\'s tools were not listed.',
  },
  CATALOGUE_DIFFERS: {
    title: 'Tools differ from the public catalogue',
    description:
      'The public catalogue scanned the same package@version and saw different tools. Configuration can explain it (flags that enable tools); otherwise this copy was modified.',
  },
};

/** Title and help text for any code: audit, classifier (annotations, poisoning), scanner, or a risk rule id. */
export function findingInfo(code: string): { title: string; description: string } {
  const info = AUDIT_FINDING_INFO[code] ?? FINDING_INFO[code] ?? SCAN_FINDING_INFO[code];
  if (info) return info;
  const rule = RISK_RULES.find((candidate) => candidate.id === code);
  if (rule) return { title: rule.id, description: rule.when };
  return { title: code, description: code };
}
