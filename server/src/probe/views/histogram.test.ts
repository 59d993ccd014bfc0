import { describe, expect, it } from 'vitest';
import { binEdges, finiteRange, histogramCounts, histogramRange, histogramView } from './histogram.ts';

describe('histogramCounts', () => {
  it('bins values into equal bins over [lo, hi]: hi in the last bin, outside values in the end bins, NaN nowhere', () => {
    // Bins of 0.25: [0, .25) gets 0, 0.1 and −1 (clamped); [.5, .75) gets 0.5; [.75, 1] gets 0.99, 1 and 2 (clamped).
    const counts = histogramCounts([[0, 0.1, 0.5, 0.99, 1, NaN, -1, 2, Infinity]], 0, 1, 4);
    expect(Array.from(counts)).toEqual([3, 0, 1, 3]);
  });

  it('keeps one row of counts per input row', () => {
    expect(Array.from(histogramCounts([[-1, -0.5], [0.5, 0.9, 1]], -1, 1, 2))).toEqual([2, 0, 0, 3]);
    expect(() => histogramCounts([[1]], 1, 1, 2)).toThrow(RangeError);
  });
});

describe('ranges and edges', () => {
  it('edges run from lo to hi in equal steps', () => {
    expect(Array.from(binEdges(-1, 1, 4))).toEqual([-1, -0.5, 0, 0.5, 1]);
  });

  it('the finite range of all rows; a fixed range wins; a single value gets a unit interval around it', () => {
    expect(finiteRange([[3, NaN, -2], [Infinity, 7]])).toEqual([-2, 7]);
    expect(finiteRange([[NaN]])).toBeNull();
    expect(histogramRange([[0.3, 0.4]], [0, 1])).toEqual([0, 1]);
    expect(histogramRange([[0, 0, 0]])).toEqual([-0.5, 0.5]);
    expect(histogramRange([[NaN]])).toEqual([0, 1]);
  });
});

describe('histogramView', () => {
  it('counts [k, bins] and edges [bins + 1], the rows named in the panel', () => {
    const v = histogramView('h', 'acts', [{ name: 'layer 1', values: [0, 0.2, 0.9] }, { name: 'layer 2', values: [1] }], { range: [0, 1], bins: 2 });
    expect(v.fields.h).toMatchObject({ dtype: 'i32', dims: [2, 2] });
    expect(Array.from(v.fields.h!.data)).toEqual([2, 1, 0, 1]);
    expect(Array.from(v.fields['h.edges']!.data)).toEqual([0, 0.5, 1]);
    expect(v.layout[0]).toMatchObject({ kind: 'histogram', field: 'h', x: 'h.edges', names: ['layer 1', 'layer 2'] });
  });
});
