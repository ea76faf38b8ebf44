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

/**
 * What a rule can conclude: a category vote, a capability, or a modifier used by the risk rules (bulk; sends: the call
 * delivers to people; publishes: it makes something public; shares: it opens something to other people; changes-access:
 * it grants, revokes or changes a role, a permission or a membership; money-records: its object is a party's own money
 * records; money-bookkeeping: it keeps such records without moving money; execution:arbitrary / execution:read-only /
 * execution:page / execution:container / execution:named / execution:sandbox / execution:stored say what running the
 * tool's input can reach).
 */
export type Effect =
  | Category
  | `capability:${Capability}`
  | 'bulk'
  | 'ephemeral'
  | 'sends'
  | 'publishes'
  | 'shares'
  | 'changes-access'
  | 'money-records'
  | 'money-bookkeeping'
  | `execution:${Execution}`
  | 'guard:explicit';

/**
 * What running the code, commands or queries a tool is given can reach: anything, only reads (a stated guard),
 * one browser page, a container image run in a cluster or cloud, something the server already holds that the caller
 * names (one of its tools, a stored script, a planned migration: whatever that does, but no code of the caller's), or
 * a sandbox the description says is isolated from the machine or hosted elsewhere (a micro-VM, a model's own sandbox),
 * or nothing now: the call keeps the code for later (a command template, a schedule's commands, a function's source).
 */
export type Execution = 'arbitrary' | 'read-only' | 'page' | 'container' | 'named' | 'sandbox' | 'stored';

/**
 * How a category hit takes part in the verdict (COMBINE_STEPS in combine.ts says what each role does):
 * verb — the heaviest verb evidence sets the category; raise — lifts the category to the hit's, never lowers it;
 * intensify — makes a change (not a read) what the hit says; fallback — decides only a tool nothing else decided;
 * evidence — shown, decides nothing.
 */
export type Role = 'verb' | 'raise' | 'intensify' | 'fallback' | 'evidence';

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
  /** How a category hit combines; absent means the rule's role. */
  role?: Role;
}

/** A category/capability rule: pure function over signals. */
export interface Rule {
  /** Permanent SCREAMING_SNAKE code, shown as evidence. */
  code: string;
  /** One line on what the rule looks for (for the site and docs). */
  summary: string;
  /** How its category hits combine (COMBINE_STEPS); absent means 'verb'. A hit's own role overrides it. */
  role?: Role;
  /** Returns the hits (empty when it does not fire). */
  apply(signals: Signals): Hit[];
}
