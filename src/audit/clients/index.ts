// Every MCP client whose config the audit reads, in report order; adding one is a file plus its fixture home.
import { claudeCode } from './claude-code.ts';
import { claudeDesktop } from './claude-desktop.ts';
import { cline } from './cline.ts';
import { codex } from './codex.ts';
import { continueDev } from './continue.ts';
import { cursor } from './cursor.ts';
import { gemini } from './gemini.ts';
import type { McpClient } from './types.ts';
import { vscode } from './vscode.ts';
import { windsurf } from './windsurf.ts';
import { zed } from './zed.ts';

export type { ConfigLocation, FoundServer, HostPaths, McpClient, Platform } from './types.ts';
export { ConfigFormatError } from './types.ts';

export const CLIENTS: readonly McpClient[] = [
  claudeDesktop,
  claudeCode,
  cursor,
  vscode,
  windsurf,
  zed,
  codex,
  gemini,
  cline,
  continueDev,
];

/** The client with this id, or undefined. */
export function clientById(id: string): McpClient | undefined {
  return CLIENTS.find((client) => client.id === id);
}
