// One policy for the whole setup: every scanned server's starter policy rendered in a registry format, combined into
// one file when the format can hold several servers (its `combine`), else one file per server in a folder.
import { classify } from '../core/classify/index.ts';
import { generatePolicy } from '../core/policy/index.ts';
import { POLICY_FORMATS, policyFormat } from '../core/policy/formats/index.ts';
import type { FormatLoss, PolicyFormat } from '../core/policy/formats/index.ts';
import type { Snapshot } from '../core/schemas/snapshot.ts';

export interface SetupPolicy {
  format: PolicyFormat;
  /** One file (combined), or one per server (relative names inside a folder). */
  files: Array<{ name: string; text: string }>;
  combined: boolean;
  /** Servers covered, by the name their clients know them by. */
  servers: string[];
  /** What the format cannot carry over, prefixed with the server. */
  losses: Array<FormatLoss & { server: string }>;
  /** Why a combining format still wrote one file per server. */
  note?: string;
}

/** The ids a --policy value may take. */
export function policyFormatIds(): string[] {
  return POLICY_FORMATS.map((format) => format.id);
}

/** Renders every server's starter policy (tools classified as the report shows them) and combines them. */
export function setupPolicy(
  formatId: string,
  servers: Array<{ id: string; name: string; snapshot: Snapshot }>,
): SetupPolicy {
  const format = policyFormat(formatId);
  const parts = servers.map(({ id, name, snapshot }) => {
    const entries = snapshot.tools.map((tool) => ({ tool, verdict: classify(tool) }));
    return { id, server: name, rendered: format.render(generatePolicy(entries), { server: name }) };
  });
  const losses = parts.flatMap((part) => part.rendered.losses.map((loss) => ({ ...loss, server: part.server })));
  const names = parts.map((part) => part.server);
  let note: string | undefined;
  if (format.combine) {
    try {
      const combined = format.combine(parts.map((part) => ({ server: part.server, rendered: part.rendered })));
      return {
        format,
        files: [{ name: `toolgate-${format.fileName}`, text: combined.text }],
        combined: true,
        servers: names,
        losses,
      };
    } catch (error) {
      note = `one file per server: ${(error as Error).message}`;
    }
  }
  return {
    format,
    files: parts.map((part) => ({ name: `${part.id}.${format.fileName}`, text: part.rendered.text })),
    combined: false,
    servers: names,
    losses,
    ...(note ? { note } : {}),
  };
}
