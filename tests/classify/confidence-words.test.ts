// confidenceWords: a probability of being right said in words, with the category when given.
import { describe, expect, it } from 'vitest';
import { CONFIDENCE_BANDS, confidenceWords } from '../../src/core/classify/index.ts';

describe('confidenceWords', () => {
  it.each([
    [0.99, 'certain'],
    [0.97, 'certain'],
    [0.93, 'very likely'],
    [0.8, 'likely'],
    [0.65, 'probably'],
    [0.4, 'uncertain'],
    [Number.NaN, 'uncertain'],
  ])('%s → %s', (p, words) => expect(confidenceWords(p)).toBe(words));

  it('names the category', () => {
    expect(confidenceWords(0.8, 'write')).toBe('likely write');
    expect(confidenceWords(0.99, 'read')).toBe('certain read');
    expect(confidenceWords(0.3, 'destructive')).toBe('uncertain, perhaps destructive');
  });

  it('bands are ordered from the highest floor down to 0, so every p has words', () => {
    const floors = CONFIDENCE_BANDS.map((b) => b.floor);
    expect([...floors].sort((a, b) => b - a)).toEqual(floors);
    expect(floors.at(-1)).toBe(0);
  });
});
