// Finding codes the audit adds (npm run audit / toolgate audit): risky tools, pin changes, scan and config problems.
import type { FindingInfo } from './types.ts';

const ENTRIES: Array<Omit<FindingInfo, 'source'>> = [
  {
    code: 'TOOL_RISK_CRITICAL',
    title: 'Critical-risk tool',
    explanation:
      'An agent with this tool can run arbitrary code or destroy data in bulk. Allow it only behind human approval, or remove the server.',
    fix: 'Deny the tool or require human approval for every call (the combined policy from --policy does); remove the server if you do not need it.',
  },
  {
    code: 'TOOL_RISK_HIGH',
    title: 'High-risk tool',
    explanation:
      'The tool deletes or overwrites things, moves money, messages people or changes secrets. Require approval for it (the combined policy from --policy does).',
    fix: 'Require approval for the tool (the combined policy from --policy does).',
  },
  {
    code: 'PIN_TOOL_CHANGED',
    title: 'A pinned tool changed',
    explanation:
      'The tool\'s description, schema or annotations differ from toolgate.lock. A server that changes what it tells the model after you approved it is the "rug pull" attack; read the diff, then accept it with --update-lock.',
    fix: 'Read the diff; if the change is expected, accept it with --update-lock, otherwise remove the server or go back to the last good version.',
  },
  {
    code: 'PIN_INSTRUCTIONS_CHANGED',
    title: 'Pinned server instructions changed',
    explanation:
      'The instructions the server sends the model when it connects differ from toolgate.lock. They steer the model like tool descriptions do, so a change after approval is the same rug pull.',
    fix: 'Read the diff; if the change is expected, accept it with --update-lock.',
  },
  {
    code: 'PIN_TOOL_ADDED',
    title: 'A pinned server gained a tool',
    explanation:
      'The server lists a tool that toolgate.lock does not pin. Review it, then accept it with --update-lock.',
    fix: 'Review the new tool, then run the audit with --update-lock.',
  },
  {
    code: 'PIN_TOOL_REMOVED',
    title: 'A pinned tool disappeared',
    explanation:
      'The server no longer lists a tool that toolgate.lock pins. Usually an upgrade; accept it with --update-lock.',
    fix: 'Run the audit with --update-lock to accept it.',
  },
  {
    code: 'PIN_SERVER_NEW',
    title: 'Server not in the lock',
    explanation: 'toolgate.lock has no pins for this server yet. Review its tools, then pin them with --update-lock.',
    fix: 'Run the audit with --update-lock to pin it.',
  },
  {
    code: 'PIN_SERVER_REMOVED',
    title: 'Pinned server no longer configured',
    explanation: 'toolgate.lock pins a server that no client config names any more (or it was renamed).',
    fix: 'Run the audit with --update-lock to drop its pins.',
  },
  {
    code: 'SCAN_FAILED',
    title: 'Server could not be scanned',
    explanation:
      'The server did not start or answer inside the sandbox, so its tools are unknown. The message says why; when the sandbox is the likely cause it names the flag that relaxes it.',
    fix: 'Start the server by hand to see its error; if the sandbox is the cause, rerun with the flag the message names.',
  },
  {
    code: 'CONFIG_FILE_INVALID',
    title: 'Config file could not be read',
    explanation:
      'A client config file is not valid for its format (JSON, JSONC, TOML or YAML). Its servers were not audited; the other files were.',
    fix: 'Fix the syntax error the message points at.',
  },
  {
    code: 'CONFIG_FILE_UNREADABLE',
    title: 'Config file not readable',
    explanation: 'A client config file exists but could not be read (permissions, size, or a folder in its place).',
    fix: 'Check the file permissions, or remove what stands in its place.',
  },
  {
    code: 'CONFIG_ENTRY_INVALID',
    title: 'Server entry cannot be used',
    explanation:
      'A server entry has no command or URL, an unknown type, or a shape its client cannot start. The message says what to change.',
    fix: 'Change the entry as the message says.',
  },
  {
    code: 'DISABLED_IN_CONFIG',
    title: 'Server disabled',
    explanation:
      'The entry is disabled in its config, so its client does not start it; the audit does not scan it either.',
  },
  {
    code: 'PACKAGE_NOT_FETCHED',
    title: 'Package not installed (--offline)',
    explanation:
      'The entry runs a package through npx, uvx or pipx. The audit installs such packages pinned and sandboxed from their registry (only the name and version are sent); with --offline it skips them instead.',
    fix: 'Run the audit without --offline, or with --npm-registry / --pypi-index pointing at a mirror you trust.',
  },
  {
    code: 'REMOTE_NOT_CONTACTED',
    title: 'Remote server not contacted',
    explanation:
      "The audit contacts nothing outside this machine unless you pass --remote; this remote server's tools were not listed.",
    fix: 'Rerun with --remote to list its tools.',
  },
  {
    code: 'CATALOGUE_DIFFERS',
    title: 'Tools differ from the public catalogue',
    explanation:
      'The public catalogue scanned the same package@version and saw different tools. Configuration can explain it (flags that enable tools); otherwise this copy was modified.',
    fix: 'Compare the flags and environment you start it with against the catalogue entry; reinstall the package if nothing explains the difference.',
  },
];

export const AUDIT_FINDINGS: readonly FindingInfo[] = ENTRIES.map((f) => ({ ...f, source: 'audit' }));
