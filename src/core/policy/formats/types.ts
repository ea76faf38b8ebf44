// The shape every policy format in this folder exports: what the file is, how to use it, and a pure renderer that names
// its losses.
import type { Policy } from '../../schemas/policy.ts';

/** One rule of the policy the format could not carry over, with why (shown next to the download). */
export type FormatLoss = {
  /** JSON Pointer into the source policy ("/tools/x/limits/x_rate"), or "" for the whole document. */
  rule: string;
  /** What is lost and why, one sentence. */
  reason: string;
};

export type FormatContext = {
  /** The server's name as the gateway or client knows it (the catalogue id unless the user renamed it). */
  server: string;
};

export type Rendered = {
  /** The file's text, ending in a newline; byte-identical for the same input. */
  text: string;
  /** Rules of the policy this file does not enforce, in policy order. */
  losses: FormatLoss[];
};

export interface PolicyFormat {
  /** Permanent id, used by `policy generate --format`. */
  readonly id: string;
  /** Human name of the target, e.g. "ToolHive (Cedar)". */
  readonly label: string;
  /** File name beside a page, e.g. "policy.json"; always starts with "policy.". */
  readonly fileName: string;
  /** Content type of the file. */
  readonly mediaType: string;
  /** One line: where the file goes and which command or setting loads it. */
  readonly howToUse: string;
  /** What the format cannot express at all, in general terms (the per-policy list is Rendered.losses). */
  readonly cannotExpress: readonly string[];
  /** Renders the full (hardened) starter policy; pure. */
  render(policy: Policy, context: FormatContext): Rendered;
  /**
   * One file for several servers (`audit --policy`: the whole setup), for targets whose file holds many servers' rules;
   * pure. Formats without it are written one file per server.
   */
  combine?(parts: ReadonlyArray<{ server: string; rendered: Rendered }>): Rendered;
}
