/** denseJs and hiddenUnits: a hand-built 1-2-1 network's units, contributions, weights, and a 2-input layer's lines. */
import { describe, expect, it } from 'vitest';
import { denseJs, denseValues } from './denseJs.ts';
import { hiddenScatterView, unitContributions, unitCurves, unitLines, unitWeights } from './hiddenUnits.ts';

const arr = (f: { data: ArrayLike<number> } | undefined): number[] => Array.from(f!.data);

describe('dense layers in JS and hidden-unit views', () => {
  // 1 → 2 (σ) → 1: unit 1 = σ(2x − 1), unit 2 = σ(−x); output 3·a1 − a2 + 0.5.
  const hidden = { W: Float32Array.of(2, -1), b: Float32Array.of(-1, 0), inDim: 1, outDim: 2 };
  const output = { W: Float32Array.of(3, -1), b: Float32Array.of(0.5), inDim: 2, outDim: 1 };
  const sig = (z: number) => 1 / (1 + Math.exp(-z));

  it('computes act(x·W + b)', () => {
    const a = denseJs(Float32Array.of(0, 1), hidden, 'sigmoid');
    [sig(-1), sig(0), sig(1), sig(-1)].forEach((v, i) => expect(a[i]).toBeCloseTo(v, 6));
    expect(Array.from(denseJs(Float32Array.of(-1, 2), hidden, 'relu'))).toEqual([0, 1, 3, 0]);
  });

  it('reads a layer by name from a model', () => {
    const fake = (shape: number[], v: number[]) => ({ shape, dataSync: () => Float32Array.from(v) });
    const m = { params: [fake([1, 2], [2, -1]), fake([2], [-1, 0])], paramNames: ['fc1.W', 'fc1.b'] };
    expect(denseValues(m, 'fc1')).toMatchObject({ inDim: 1, outDim: 2 });
    expect(() => denseValues(m, 'fc2')).toThrow(RangeError);
  });

  it('gives each unit’s curve, its weighted contribution and the output pre-activation', () => {
    const xs = Float32Array.of(0, 1);
    const [u1, u2] = unitCurves(xs, hidden, 'sigmoid');
    expect(u1![1]).toBeCloseTo(sig(1), 6);
    expect(u2![0]).toBeCloseTo(0.5, 6);
    const { parts, total } = unitContributions(xs, hidden, 'sigmoid', output);
    expect(parts[0]![0]).toBeCloseTo(3 * sig(-1), 6);
    expect(total[1]).toBeCloseTo(3 * sig(1) - sig(-1) + 0.5, 5);
  });

  it('lays the units’ weights side by side: (w, b, v) per row', () => {
    expect(Array.from(unitWeights(hidden, output))).toEqual([2, -1, 3, -1, 0, -1]);
  });

  it('scatters the samples in hidden space with their labels', () => {
    const v = hiddenScatterView('s', 'hidden', Float32Array.of(0.1, 0.2, 0.3, 0.4), 2, Int32Array.of(0, 1));
    expect(arr(v.fields['s.a']).map((x) => Number(x.toFixed(6)))).toEqual([0.1, 0.2, 0.3, 0.4]);
    expect(v.fields['s.a']!.dims).toEqual([2, 2]);
    expect(v.layout[0]).toMatchObject({ kind: 'scatter', field: 's.a', labels: 's.labels' });
  });

  it('draws a two-input unit’s switching line', () => {
    // Unit 1: x + y − 1 = 0; unit 2: x − 0.5 = 0 (weights W [2, 2] = [[1, 1], [1, 0]]).
    const layer = { W: Float32Array.of(1, 1, 1, 0), b: Float32Array.of(-1, -0.5), inDim: 2, outDim: 2 };
    expect(Array.from(unitLines(layer, [0, 1, 0, 1]))).toEqual([0, 1, 1, 0, 0.5, 0, 0.5, 1]);
  });
});
