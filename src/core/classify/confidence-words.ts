// Says a verdict's confidence (a measured probability of being right) in words a person can act on: "certain", "likely
// write".
import type { Category } from '../schemas/verdict.ts';

/** Ordered bands, highest first: the first whose floor p reaches names it. */
export const CONFIDENCE_BANDS: ReadonlyArray<{ floor: number; words: string }> = [
  { floor: 0.97, words: 'certain' },
  { floor: 0.9, words: 'very likely' },
  { floor: 0.75, words: 'likely' },
  { floor: 0.6, words: 'probably' },
  { floor: 0, words: 'uncertain' },
];

/**
 * The words for probability p (0–1) of the verdict being right, optionally followed by the category
 * ("likely write", "certain read", "uncertain: write?"). Pure; a non-finite p counts as 0.
 */
export function confidenceWords(p: number, category?: Category): string {
  const x = Number.isFinite(p) ? p : 0;
  const words = CONFIDENCE_BANDS.find((b) => x >= b.floor)!.words;
  if (category === undefined) return words;
  return words === 'uncertain' ? `uncertain, perhaps ${category}` : `${words} ${category}`;
}
