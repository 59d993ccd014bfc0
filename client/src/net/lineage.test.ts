import { describe, expect, it } from 'vitest';
import { joinedAt, noteGeneration } from './lineage.ts';

describe('noteGeneration', () => {
  it('records the first step seen of each generation after the one joined with', () => {
    let l = joinedAt(3);
    l = noteGeneration(l, 4, 40);
    l = noteGeneration(l, 5, 0);
    expect(l).toEqual({ base: 3, starts: { 4: 40, 5: 0 } });
  });

  it('keeps the smallest step seen (later sightings are further on), and the same object when nothing changed', () => {
    const l = noteGeneration(joinedAt(1), 2, 43);
    expect(noteGeneration(l, 2, 40).starts[2]).toBe(40);
    expect(noteGeneration(l, 2, 50)).toBe(l);
    expect(noteGeneration(l, 1, 0)).toBe(l);
  });
});
