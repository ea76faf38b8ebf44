// How rule hits combine into a category, as data: COMBINE_STEPS, applied in order, each to the hits of one role.
import type { Category } from '../schemas/verdict.ts';
import type { Hit, Role } from './types.ts';

/** A hit tagged with the rule that produced it. */
export interface RuleHit extends Hit {
  /** The rule's code. */
  code: string;
  /** The hit's role after the rule's default was applied. */
  role: Role;
}

/** One step of the combination. */
export interface CombineStep {
  /** Permanent id (SCREAMING_SNAKE). */
  id: string;
  /** What it does, in words (for the site and docs). */
  when: string;
  /** Hits of this role take part. */
  role: Exclude<Role, 'evidence'>;
  /**
   * heaviest: the hits of the greatest weight decide (the most dangerous of them when they differ);
   * raise: every hit lifts the category to its own, never lowering it.
   */
  mode: 'heaviest' | 'raise';
  /** The categories so far that the step may change ('none': nothing decided yet). */
  appliesTo: ReadonlyArray<Category | 'none'>;
  /** Hits lighter than this are ignored by the step. */
  minWeight: number;
  /** When set, the step acts only if the category so far was set by verb evidence of at most this weight (or by nothing). */
  maxVerbWeight?: number;
  /** When set, the step does not act if any hit of these roles carries a category (whether or not it changed it). */
  unlessRoles?: ReadonlyArray<Role>;
}

/** Ordered: each step sees the category the steps before it left. */
export const COMBINE_STEPS: readonly CombineStep[] = [
  {
    id: 'VERB',
    when: "The heaviest verb evidence sets the category (name verbs 3; title and the description's opening verb 2; noun-or-verb name words and read-only statements 1); among equally heavy hits the most dangerous wins.",
    role: 'verb',
    mode: 'heaviest',
    appliesTo: ['none'],
    minWeight: 1,
  },
  {
    id: 'RAISE',
    when: 'Evidence of a change lifts the category to what it says and never lowers it: an action enum, an output path, a field only a change needs, an admitted side effect, a session id, arbitrary execution.',
    role: 'raise',
    mode: 'raise',
    appliesTo: ['none', 'read', 'write'],
    minWeight: 1,
  },
  {
    id: 'INTENSIFY',
    when: 'Evidence of lasting loss ("permanently", "overwrites", a force flag) makes a change destructive; a read stays a read.',
    role: 'intensify',
    mode: 'raise',
    appliesTo: ['none', 'write'],
    minWeight: 1,
  },
  {
    id: 'FALLBACK',
    when: 'When nothing decided the category, or only a noun-or-verb name word (weight 1) called it a write, and no raise or intensify evidence is present: a fallback hit (a learned model that is sure the call reads) sets the category. With nothing at all, the tool is treated as a change (NO_SIGNAL).',
    role: 'fallback',
    mode: 'heaviest',
    appliesTo: ['none', 'write'],
    minWeight: 1,
    maxVerbWeight: 1,
    unlessRoles: ['raise', 'intensify'],
  },
];

const RANK: Record<Category, number> = { read: 0, write: 1, destructive: 2 };

function isCategory(effect: string): effect is Category {
  return effect === 'read' || effect === 'write' || effect === 'destructive';
}

/** The most dangerous category among hits, if any. */
export function strongest(hits: readonly Hit[]): Category | undefined {
  let best: Category | undefined;
  for (const h of hits)
    if (isCategory(h.effect) && (best === undefined || RANK[h.effect] > RANK[best])) best = h.effect;
  return best;
}

/** What the steps concluded: the category (undefined when nothing decided), the step and weight that set it, and agreement. */
export interface Combined {
  category?: Category;
  /** Id of the step that last changed the category. */
  decidedBy?: string;
  /** Weight of the verb evidence that set the category in a heaviest step (0 when none). */
  verbWeight: number;
  /** Whether lighter verb evidence agrees (read vs change) with the decision: true, false, or undefined when there is none. */
  lighterAgrees?: boolean;
  /** Whether a raise or intensify step changed the category. */
  raised: boolean;
  /** Largest weight among the hits that raised the category. */
  raiseWeight: number;
}

/** Applies COMBINE_STEPS (or given steps) to hits. Pure. */
export function combine(hits: readonly RuleHit[], steps: readonly CombineStep[] = COMBINE_STEPS): Combined {
  const out: Combined = { verbWeight: 0, raised: false, raiseWeight: 0 };
  for (const step of steps) {
    const own = hits.filter((h) => h.role === step.role && isCategory(h.effect) && h.weight >= step.minWeight);
    if (own.length === 0) continue;
    if (!step.appliesTo.includes(out.category ?? 'none')) continue;
    if (step.maxVerbWeight !== undefined && (out.raised || out.verbWeight > step.maxVerbWeight)) continue;
    if (step.unlessRoles?.some((r) => hits.some((h) => h.role === r && isCategory(h.effect)))) continue;
    if (step.mode === 'heaviest') {
      const top = Math.max(...own.map((h) => h.weight));
      const decided = strongest(own.filter((h) => h.weight === top))!;
      const lighter = own.filter((h) => h.weight < top);
      if (lighter.length > 0) {
        const next = Math.max(...lighter.map((h) => h.weight));
        const other = strongest(lighter.filter((h) => h.weight === next))!;
        out.lighterAgrees = (other === 'read') === (decided === 'read');
      }
      out.category = decided;
      out.decidedBy = step.id;
      out.verbWeight = top;
      continue;
    }
    for (const h of own) {
      const c = h.effect as Category;
      if (!step.appliesTo.includes(out.category ?? 'none')) break;
      if (out.category === undefined || RANK[c] > RANK[out.category]) {
        out.category = c;
        out.decidedBy = step.id;
        out.raised = true;
        out.raiseWeight = Math.max(out.raiseWeight, h.weight);
      }
    }
  }
  return out;
}
