// Shared types of the classifier: the tool it accepts, what a rule returns, and the rule shape the index lists.
import type { Capability, Category, Evidence } from '../schemas/verdict.ts';
import type { Signals } from './signals.ts';

/** Any tool-like object: a SnapshotTool or an entry of a raw tools/list result fits. */
export type ClassifiableTool = {
  name: string;
  title?: string;
  description?: string;
  inputSchema?: unknown;
  /** Read only by the poisoning checks (every string of it is untrusted text too). */
  outputSchema?: unknown;
  annotations?: Record<string, unknown>;
};

/** What a rule can conclude: a category vote, a capability, or a modifier used by the risk rules. */
export type Effect = Category | `capability:${Capability}` | 'bulk' | 'ephemeral';

/** One rule firing: what it concluded, how strongly (weight), from which words. */
export interface Hit {
  /** What the rule concluded. */
  effect: Effect;
  /** The words or fields that triggered it. */
  matched: string[];
  /** Where it looked. */
  source: Evidence['source'];
  /** Strength of the vote: 1 weak hint, 2 clear phrase, 3 name verb / strong phrase, 4 decisive. */
  weight: number;
}

/** A category/capability rule: pure function over signals. */
export interface Rule {
  /** Permanent SCREAMING_SNAKE code, shown as evidence. */
  code: string;
  /** One line on what the rule looks for (for the site and docs). */
  summary: string;
  /** Returns the hits (empty when it does not fire). */
  apply(signals: Signals): Hit[];
}
