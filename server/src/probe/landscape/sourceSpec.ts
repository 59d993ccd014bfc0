/**
 * A landscape source as plain data, so that another thread (the slice worker, engine/sliceWorker.ts) can compute
 * slices of it: parameter names and shapes, the evaluation-mode ops with batch norm's running statistics as arrays,
 * the loss head and the probe batch. Sent once per model; each job then sends the statistics as they are at its
 * start (training moves them), with the plane's arrays.
 *
 * detachSource rebuilds a LandscapeSource from a spec with the lesson kits' own landscapeSource(): variables of the
 * right shapes (slices never read their values: every point's parameters come from the plane) and the statistics as
 * variables that setStats() assigns before each job.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { EvalHead, EvalOp } from '../../train/evalOps.ts';
import { type LandscapeSource, landscapeSource, type ProbeRows } from '../../train/landscapeSource.ts';

/** An EvalOp with batch norm's statistics left out (they travel with each job: statsOf). */
export type OpSpec = Exclude<EvalOp, { kind: 'batchNorm' }> | { kind: 'batchNorm'; gamma: number; beta: number; features: number };

export interface SourceSpec {
  names: string[];
  shapes: number[][];
  ops: OpSpec[];
  head: EvalHead;
  probe: ProbeRows;
}

export function sourceSpec(source: LandscapeSource): SourceSpec {
  return {
    names: source.params.map((p) => p.name),
    shapes: source.params.map((p) => [...p.variable.shape]),
    ops: source.ops.map((op): OpSpec => (op.kind === 'batchNorm' ? { kind: 'batchNorm', gamma: op.gamma, beta: op.beta, features: op.mean.size } : op)),
    head: source.head,
    probe: source.probe(),
  };
}

/** Batch norm's running statistics now, mean then variance of each batch-norm op in order (copies). */
export function statsOf(source: LandscapeSource): Float32Array[] {
  return source.ops.flatMap((op) => (op.kind === 'batchNorm' ? [op.mean, op.variance].map((t) => Float32Array.from(t.dataSync() as Float32Array)) : []));
}

export interface DetachedSource {
  source: LandscapeSource;
  /** Sets the statistics (statsOf's order) before a job. */
  setStats(stats: readonly Float32Array[]): void;
  dispose(): void;
}

export function detachSource(spec: SourceSpec): DetachedSource {
  const params = spec.shapes.map((shape, i) => tf.variable(tf.zeros(shape), false, `${spec.names[i] ?? i}#${nextId++}`));
  const stats: tf.Variable[] = [];
  const ops = spec.ops.map((op): EvalOp => {
    if (op.kind !== 'batchNorm') return op;
    const [mean, variance] = [tf.variable(tf.zeros([op.features]), false), tf.variable(tf.ones([op.features]), false)] as [tf.Variable<tf.Rank.R1>, tf.Variable<tf.Rank.R1>];
    stats.push(mean, variance);
    return { kind: 'batchNorm', gamma: op.gamma, beta: op.beta, mean, variance };
  });
  const { probe } = spec;
  const rows = { n: probe.n, gather: () => ({ x: probe.x, y: probe.y }) };
  const source = landscapeSource({ params, names: spec.names, evalOps: ops }, spec.head, rows);
  if (!source) throw new Error('detachSource: the spec has no landscape (two parameters or fewer)');
  return {
    source,
    setStats(values) {
      if (values.length !== stats.length) throw new Error(`detachSource: ${values.length} statistics for ${stats.length}`);
      stats.forEach((v, i) => {
        const t = tf.tensor1d(values[i] as Float32Array);
        v.assign(t);
        t.dispose();
      });
    },
    dispose() {
      tf.dispose([...params, ...stats]);
    },
  };
}

/** Variable names must be unique per thread: sources come and go. */
let nextId = 1;
