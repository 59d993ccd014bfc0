/** network.ts: edge order, the cut to the first units of wide layers, node values, masks, and no tensor left. */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { denseChain, layerNames, networkArrays, networkView, netNetworkView } from './network.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const arr = (f: { data: ArrayLike<number> } | undefined): number[] => Array.from(f!.data);

// 3 → 4 → 2. W1 [3, 4] row-major holds 10·i + j (input i → unit j), b1 = [100, 101, 102, 103];
// W2 [4, 2] holds −(10·i + j + 1), b2 = [200, 201].
const W1 = Float32Array.from({ length: 12 }, (_, k) => 10 * Math.floor(k / 4) + (k % 4));
const W2 = Float32Array.from({ length: 8 }, (_, k) => -(10 * Math.floor(k / 2) + (k % 2) + 1));
const layers = [
  { W: W1, b: Float32Array.of(100, 101, 102, 103), inDim: 3, outDim: 4 },
  { W: W2, b: Float32Array.of(200, 201), inDim: 4, outDim: 2 },
];

describe('network panel arrays', () => {
  it('lists every edge layer by layer, each W row-major (i → j at i·out + j), biases after a hollow input', () => {
    const a = networkArrays(layers);
    expect(a.sizes).toEqual([3, 4, 2]);
    expect(a.totals).toEqual([3, 4, 2]);
    // E = 3·4 + 4·2 = 20: W1 as is, then W2 as is.
    expect(Array.from(a.weights)).toEqual([0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23, -1, -2, -11, -12, -21, -22, -31, -32]);
    expect(Array.from(a.biases)).toEqual([NaN, NaN, NaN, 100, 101, 102, 103, 200, 201]);
  });

  it('keeps the first maxUnits units of each layer, and only the edges between kept units', () => {
    const a = networkArrays(layers, 2);
    expect(a.sizes).toEqual([2, 2, 2]);
    expect(a.totals).toEqual([3, 4, 2]);
    // W1[0..1, 0..1] = 0, 1, 10, 11 (not W1's first four values 0, 1, 2, 3); W2[0..1, 0..1] = −1, −2, −11, −12.
    expect(Array.from(a.weights)).toEqual([0, 1, 10, 11, -1, -2, -11, -12]);
    expect(Array.from(a.biases)).toEqual([NaN, NaN, 100, 101, 200, 201]);
  });

  it('refuses layers that do not chain', () => {
    expect(() => networkArrays([layers[0]!, layers[0]!])).toThrow(RangeError);
    expect(() => networkArrays([])).toThrow(RangeError);
  });

  it('names the layers', () => {
    expect(layerNames(2)).toEqual(['input', 'output']);
    expect(layerNames(3)).toEqual(['input', 'hidden', 'output']);
    expect(layerNames(4)).toEqual(['input', 'hidden 1', 'hidden 2', 'output']);
  });
});

describe('networkView', () => {
  it('builds the panel and its fields; a cut says so in the title and in totals', () => {
    const v = networkView('net', 'graph', layers, { maxUnits: 3, mask: [[1, 1, 1], [1, 0, 1, 0], [1, 1]] });
    const p = v.layout[0]!;
    expect(p).toMatchObject({ kind: 'network', field: 'net.w', y2: 'net.values', labels: 'net.mask', sizes: [3, 3, 2], totals: [3, 4, 2] });
    expect(p.title).toContain('first 3 units');
    expect(v.fields['net.w']!.dims).toEqual([3 * 3 + 3 * 2]);
    // Mask of the kept nodes: input 1 1 1, hidden 1 0 1 (unit 4 cut), output 1 1.
    expect(arr(v.fields['net.mask'])).toEqual([1, 1, 1, 1, 0, 1, 1, 1]);
    expect(v.fields['net.mask']!.dtype).toBe('u8');
    const full = networkView('n', 'graph', layers);
    expect(full.layout[0]!.totals).toBeUndefined();
    expect(full.layout[0]!.labels).toBeUndefined();
    expect(full.layout[0]!.title).toBe('graph');
  });

  it('takes node values per layer (e.g. activations of one input), cut like the nodes', () => {
    const v = networkView('n', 'graph', layers, { maxUnits: 2, values: [[1, 2, 3], [4, 5, 6, 7], [8, 9]] });
    expect(arr(v.fields['n.values'])).toEqual([1, 2, 4, 5, 8, 9]);
    expect(() => networkView('n', 'graph', layers, { values: [[1], [2], [3]] })).toThrow(RangeError);
  });

  it('reads a net’s variables fc1, fc2 in order and leaves no tensor behind', () => {
    const vars = [
      tf.variable(tf.tensor2d(W1, [3, 4])),
      tf.variable(tf.tensor1d([100, 101, 102, 103])),
      tf.variable(tf.tensor2d(W2, [4, 2])),
      tf.variable(tf.tensor1d([200, 201])),
    ];
    const net = { params: vars, names: ['fc1.W', 'fc1.b', 'fc2.W', 'fc2.b'] };
    expect(denseChain(net).map((l) => [l.inDim, l.outDim])).toEqual([[3, 4], [4, 2]]);
    const before = tf.memory().numTensors;
    const v = netNetworkView(net, 'net', 'graph', { maxUnits: 2 });
    expect(tf.memory().numTensors).toBe(before);
    expect(arr(v.fields['net.w'])).toEqual([0, 1, 10, 11, -1, -2, -11, -12]);
    tf.dispose(vars);
  });
});
