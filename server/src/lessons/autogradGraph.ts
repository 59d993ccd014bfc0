/**
 * A small scalar computation graph run forward and backward with tfjs, as a `graph` panel (shared/src/lessons.ts,
 * DemoPanel "graph"): the picture of what `backward()` does. Forward, every op's value is the tfjs op on its
 * inputs' values. Backward, from ∂f/∂f = 1 at the output, each op hands back along each of its in-edges
 * ∂f/∂op · ∂op/∂input, the vector-Jacobian product tf.grads computes for that op alone (the engine's own
 * gradient of the op, not a hand-written rule); a node's ∂f/∂node is the sum over its out-edges. The output
 * node is the identity of the last op, so the edge into it carries f forward and the seed 1 back.
 */
import { field, type DemoPanel, type Field } from '@gradcast/shared';
import type { Tensor } from '@tensorflow/tfjs-core';
import type { Tf } from './types.ts';

/** An op of the graph: its label (e.g. "×"), the nodes it reads (indices of earlier nodes) and what it computes. */
export interface GraphOp {
  label: string;
  inputs: readonly number[];
  fn: (...xs: Tensor[]) => Tensor;
}

/** A scalar input of the graph: its name and value. */
export interface GraphInput {
  name: string;
  value: number;
}

/** The graph run both ways: per node (inputs, then ops, then the output) and per edge, in plain numbers. */
export interface AutogradGraph {
  names: string[];
  edges: Array<[number, number]>;
  /** Each node's value, and ∂f/∂node. */
  values: number[];
  grads: number[];
  /** Per edge: the value flowing forward (its source's) and the gradient flowing back (its share of ∂f/∂source). */
  edgeValues: number[];
  edgeGrads: number[];
}

const scalarOf = (t: Tensor): number => (t.dataSync() as ArrayLike<number>)[0] as number;

/**
 * Runs `ops` over `inputs` forward and backward (nodes: inputs in order, then ops in order, each reading only
 * earlier nodes, then the output `outputName`, the last op's value). Tensors are the caller's to dispose (a
 * demo's compute runs inside tf.tidy).
 */
export function runAutogradGraph(tf: Tf, inputs: readonly GraphInput[], ops: readonly GraphOp[], outputName: string): AutogradGraph {
  if (!ops.length) throw new RangeError('runAutogradGraph: the graph needs at least one op');
  const tensors: Tensor[] = inputs.map((i) => tf.scalar(i.value));
  const edges: Array<[number, number]> = [];
  ops.forEach((op, k) => {
    const at = inputs.length + k;
    if (!op.inputs.length || op.inputs.some((i) => !Number.isInteger(i) || i < 0 || i >= at)) {
      throw new RangeError(`runAutogradGraph: op "${op.label}" must read earlier nodes (0 … ${at - 1})`);
    }
    tensors.push(op.fn(...op.inputs.map((i) => tensors[i] as Tensor)));
    for (const i of op.inputs) edges.push([i, at]);
  });
  const out = tensors.length;
  edges.push([out - 1, out]);
  const n = out + 1;
  const values = [...tensors.map(scalarOf), scalarOf(tensors[out - 1] as Tensor)];
  const grads = new Array<number>(n).fill(0);
  grads[out] = 1;
  grads[out - 1] = 1;
  const edgeGrads = new Array<number>(edges.length).fill(0);
  edgeGrads[edges.length - 1] = 1;
  // Reverse topological order is the ops backwards: each op's ∂f/∂op is complete once every later op has run.
  let e = edges.length - 1;
  for (let k = ops.length - 1; k >= 0; k--) {
    const op = ops[k] as GraphOp;
    const at = inputs.length + k;
    e -= op.inputs.length;
    const upstream = tf.scalar(grads[at] as number);
    const shares = tf.grads((...xs: Tensor[]) => op.fn(...xs))(
      op.inputs.map((i) => tensors[i] as Tensor),
      upstream,
    );
    op.inputs.forEach((i, j) => {
      const g = scalarOf(shares[j] as Tensor);
      edgeGrads[e + j] = g;
      grads[i] = (grads[i] as number) + g;
    });
  }
  return {
    names: [...inputs.map((i) => i.name), ...ops.map((o) => o.label), outputName],
    edges,
    values,
    grads,
    edgeValues: edges.map(([from]) => values[from] as number),
    edgeGrads,
  };
}

/** The graph as a `graph` panel: fields `name` [N, 2] (value, ∂f/∂node) and `name.edges` [E, 2] (forward, backward). */
export function graphPanel(g: AutogradGraph, name: string, title: string, group?: string): { fields: Record<string, Field>; panel: DemoPanel } {
  const nodes = Float32Array.from(g.values.flatMap((v, i) => [v, g.grads[i] as number]));
  const edges = Float32Array.from(g.edgeValues.flatMap((v, i) => [v, g.edgeGrads[i] as number]));
  return {
    fields: {
      [name]: field('f32', nodes, [g.names.length, 2]),
      [`${name}.edges`]: field('f32', edges, [g.edges.length, 2]),
    },
    panel: { kind: 'graph', title, field: name, y2: `${name}.edges`, names: g.names, edges: g.edges, ...(group ? { group } : {}) },
  };
}
