import { describe, expect, it } from 'vitest';
import { overlayHistogramView } from './histogramOverlay.ts';

describe('overlayHistogramView', () => {
  it('bins now and at initialisation over one set of edges spanning both', () => {
    // Weights that moved from [0, 1] to [−1, 1]: the edges must hold both.
    const v = overlayHistogramView('w', 'weights', [{ name: 'fc1', values: [-1, 1] }], [{ name: 'fc1', values: [0, 0.5, 1] }], { bins: 4 });
    const edges = Array.from(v.fields['w.edges']!.data as Float32Array);
    expect(edges).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(Array.from(v.fields['w']!.data as Int32Array)).toEqual([1, 0, 0, 1]);
    expect(Array.from(v.fields['w.start']!.data as Int32Array)).toEqual([0, 0, 1, 2]);
    expect(v.fields['w.start']!.dims).toEqual([1, 4]);
    expect(v.layout[0]).toMatchObject({ kind: 'histogram', field: 'w', y2: 'w.start', x: 'w.edges', names: ['fc1'], captions: ['now', 'at initialisation'] });
  });

  it("keeps an activation's fixed range", () => {
    const v = overlayHistogramView('a', 'acts', [{ name: 'layer 1', values: [0.5] }], [{ name: 'layer 1', values: [0.5] }], { range: [-1, 1], bins: 2 });
    expect(Array.from(v.fields['a.edges']!.data as Float32Array)).toEqual([-1, 0, 1]);
    expect(Array.from(v.fields['a']!.data as Int32Array)).toEqual([0, 1]);
  });
});
