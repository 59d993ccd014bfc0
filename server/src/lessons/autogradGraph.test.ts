import '@tensorflow/tfjs-backend-cpu';
import '../backend/gradients.ts';
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor } from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphPanel, runAutogradGraph, type AutogradGraph, type GraphOp } from './autogradGraph.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** f = uv + u²: nodes u, v, ×, square, +, f. */
const uvOps: GraphOp[] = [
  { label: '×', inputs: [0, 1], fn: (a, b) => tf.mul(a!, b!) },
  { label: 'square', inputs: [0], fn: (a) => tf.square(a!) },
  { label: '+', inputs: [2, 3], fn: (a, b) => tf.add(a!, b!) },
];
/** The graph at (u, v), its tensors disposed as a demo's compute scope does. */
function uv(u: number, v: number): AutogradGraph {
  let g: AutogradGraph | undefined;
  tf.tidy(() => {
    g = runAutogradGraph(tf, [{ name: 'u', value: u }, { name: 'v', value: v }], uvOps, 'f');
  });
  return g!;
}

describe('runAutogradGraph', () => {
  it('f = uv + u² at (1, 2): the course’s ∂f/∂u = 4, ∂f/∂v = 1, and every edge’s share', () => {
    const before = tf.memory().numTensors;
    const g = uv(1, 2);
    expect(tf.memory().numTensors).toBe(before);
    expect(g.names).toEqual(['u', 'v', '×', 'square', '+', 'f']);
    expect(g.edges).toEqual([[0, 2], [1, 2], [0, 3], [2, 4], [3, 4], [4, 5]]);
    expect(g.values).toEqual([1, 2, 2, 1, 3, 3]);
    expect(g.grads).toEqual([4, 1, 1, 1, 1, 1]);
    // Forward each edge carries its source's value; backward, u gets v = 2 through × and 2u = 2 through square.
    expect(g.edgeValues).toEqual([1, 2, 1, 2, 1, 3]);
    expect(g.edgeGrads).toEqual([2, 1, 2, 1, 1, 1]);
  });

  it('matches tf.grads of the whole function at other points, and the shares sum to each node’s gradient', () => {
    for (const [u, v] of [[-1.5, 0.5], [2.5, -3], [0, 0]] as const) {
      const g = uv(u, v);
      const [du, dv] = tf.tidy(() =>
        tf.grads((a: Tensor, b: Tensor) => tf.add(tf.mul(a, b), tf.square(a)))([tf.scalar(u), tf.scalar(v)]).map((t) => t.dataSync()[0]!),
      );
      expect(g.grads[0]).toBeCloseTo(du!, 5);
      expect(g.grads[1]).toBeCloseTo(dv!, 5);
      expect(g.values[5]).toBeCloseTo(u * v + u * u, 5);
      g.names.forEach((_, i) => {
        if (i === g.names.length - 1) return; // the output has no out-edge: its gradient is the seed 1
        const sum = g.edges.reduce((s, [from], e) => (from === i ? s + g.edgeGrads[e]! : s), 0);
        expect(sum).toBeCloseTo(g.grads[i]!, 5);
      });
    }
  });

  it('refuses an op that reads itself or a later node, and an empty graph', () => {
    const x = [{ name: 'x', value: 1 }];
    expect(() => runAutogradGraph(tf, x, [], 'y')).toThrow(RangeError);
    expect(() => runAutogradGraph(tf, x, [{ label: 'sq', inputs: [1], fn: (a) => tf.square(a!) }], 'y')).toThrow(/earlier nodes/);
    expect(() => runAutogradGraph(tf, x, [{ label: 'sq', inputs: [], fn: () => tf.scalar(0) }], 'y')).toThrow(/earlier nodes/);
  });

  it('as a graph panel: [N, 2] nodes and [E, 2] edges, names and edges on the panel', () => {
    const { fields, panel } = graphPanel(uv(1, 2), 'g', 'graph', 'grp');
    expect(fields.g!.dims).toEqual([6, 2]);
    expect(Array.from(fields.g!.data)).toEqual([1, 4, 2, 1, 2, 1, 1, 1, 3, 1, 3, 1]);
    expect(fields['g.edges']!.dims).toEqual([6, 2]);
    expect(Array.from(fields['g.edges']!.data).slice(0, 4)).toEqual([1, 2, 2, 1]);
    expect(panel).toMatchObject({ kind: 'graph', field: 'g', y2: 'g.edges', names: ['u', 'v', '×', 'square', '+', 'f'], group: 'grp' });
    expect(panel.edges).toHaveLength(6);
  });
});
