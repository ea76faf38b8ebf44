// The policy format registry: one file per format in this folder, listed here once; pages, CLI, downloads and files
// read this list.
import type { Policy } from '../../schemas/policy.ts';
import { agentgateway } from './agentgateway.ts';
import { claudeCode } from './claude-code.ts';
import { codex } from './codex.ts';
import { docker } from './docker.ts';
import { geminiCli } from './gemini-cli.ts';
import { intercept } from './intercept.ts';
import { policylayer } from './policylayer.ts';
import { policylayerHardened } from './policylayer-hardened.ts';
import { toolhive } from './toolhive.ts';
import type { FormatContext, PolicyFormat, Rendered } from './types.ts';

export type { FormatContext, FormatLoss, PolicyFormat, Rendered } from './types.ts';
export { attestedOnly } from './policylayer.ts';
export { interceptExport, toIntercept, type InterceptExport } from './intercept.ts';

/** Every format, the main download first; page order. */
export const POLICY_FORMATS: readonly PolicyFormat[] = [
  policylayer,
  policylayerHardened,
  intercept,
  toolhive,
  docker,
  agentgateway,
  claudeCode,
  codex,
  geminiCli,
];

const byId = new Map(POLICY_FORMATS.map((f) => [f.id, f]));

/** The format with this id, or an error that lists the valid ids. */
export function policyFormat(id: string): PolicyFormat {
  const f = byId.get(id);
  if (!f)
    throw new Error(
      `Unknown policy format ${JSON.stringify(id)}; use one of: ${POLICY_FORMATS.map((x) => x.id).join(', ')}.`,
    );
  return f;
}

/** The format whose file has this name (file names are unique), or undefined. */
export function formatByFileName(fileName: string): PolicyFormat | undefined {
  return POLICY_FORMATS.find((f) => f.fileName === fileName);
}

export type RenderedFile = Rendered & { format: PolicyFormat };

/** The policy in every format, in registry order. */
export function renderAll(policy: Policy, context: FormatContext): RenderedFile[] {
  return POLICY_FORMATS.map((format) => ({ format, ...format.render(policy, context) }));
}
