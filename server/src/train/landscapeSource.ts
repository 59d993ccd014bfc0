/**
 * What a model offers the loss landscape (probe/landscape/): its parameters with their roles, its evaluation-mode
 * forward pass as plain ops (evalOps.ts), its loss head, and a fixed probe batch of training samples on which
 * every slice is evaluated. Lessons with one or two parameters keep their exact surface instead and offer none.
 *
 * The probe batch is PROBE_SAMPLES rows drawn with PROBE_SEED from the training set in its own order (not the
 * epoch's): the same rows for every viewer, run and variant, so two runs' landscapes are comparable.
 */
import * as tf from '@tensorflow/tfjs-core';
import { sampleIndices } from '../data/sampleIndices.ts';
import { type EvalHead, type EvalOp, headLoss, type ParamRole, paramRoles, runOps } from './evalOps.ts';

/** Rows in the probe batch (fewer when the training set is smaller: then all of it). */
export const PROBE_SAMPLES = 1000;
/** The probe batch's seed: fixed, so the batch does not depend on the run. */
export const PROBE_SEED = 0x1a2d5c;

export interface LandscapeParam {
  name: string;
  variable: tf.Variable;
  /** 'weight': filters along the last axis (dense [in, out], conv [k, k, in, out]); evalOps.ts ParamRole. */
  role: ParamRole;
}

/** The probe batch as plain rows: x [n·xDim]; y int32 labels [n] (yDim 1) or float targets [n·yDim]. */
export interface ProbeRows {
  n: number;
  xDim: number;
  x: Float32Array;
  y: Int32Array | Float32Array;
  yDim: number;
}

export interface LandscapeSource {
  /** In the model's `params` order. */
  params: readonly LandscapeParam[];
  ops: readonly EvalOp[];
  head: EvalHead;
  /** The probe batch (drawn once, then cached). */
  probe(): ProbeRows;
  /**
   * The evaluation-mode loss on the probe batch with the parameters at `values` (params order; default: the
   * live variables), which are only read: training's variables are never assigned. A new scalar.
   */
  evalLoss(values?: readonly tf.Tensor[]): tf.Scalar;
}

/** A set the probe batch is drawn from: its size and a stateless gather by row index. */
export interface GatherRows {
  n: number;
  gather(indices: ArrayLike<number>): { x: Float32Array; y: Int32Array | Float32Array };
}

/** The probe rows of `rows`: min(n, count) rows drawn with `seed`, in ascending order. */
export function probeRows(rows: GatherRows, count = PROBE_SAMPLES, seed = PROBE_SEED): ProbeRows {
  const idx = sampleIndices(rows.n, count, seed);
  if (!idx.length) throw new Error('probeRows: the training set is empty');
  const { x, y } = rows.gather(idx);
  return { n: idx.length, xDim: x.length / idx.length, x, y, yDim: y.length / idx.length };
}

/** The probe batch as tensors: x [n, xDim], y int32 [n] or float32 [n, yDim]. New tensors. */
export function probeTensors(p: ProbeRows): { x: tf.Tensor2D; y: tf.Tensor } {
  const x = tf.tensor2d(p.x, [p.n, p.xDim]);
  const y = p.y instanceof Int32Array ? tf.tensor1d(p.y, 'int32') : tf.tensor2d(p.y, [p.n, p.yDim]);
  return { x, y };
}

/**
 * A net's landscape source, or undefined for a net without evalOps or with two parameters or fewer (those keep an
 * exact surface). `rows` is the training set the probe batch is drawn from (lazily, at the first probe()).
 */
export function landscapeSource(
  net: { params: tf.Variable[]; names: string[]; evalOps?: EvalOp[] },
  head: EvalHead,
  rows: GatherRows,
): LandscapeSource | undefined {
  const ops = net.evalOps;
  if (!ops || net.params.reduce((n, p) => n + p.size, 0) <= 2) return undefined;
  const roles = paramRoles(ops, net.params.length);
  const params = net.params.map((variable, i) => ({ name: net.names[i] ?? `p${i}`, variable, role: roles[i] as ParamRole }));
  let probe: ProbeRows | null = null;
  const source: LandscapeSource = {
    params,
    ops,
    head,
    probe: () => (probe ??= probeRows(rows)),
    evalLoss: (values = net.params) =>
      tf.tidy(() => {
        const { x, y } = probeTensors(source.probe());
        return headLoss(head, runOps(ops, x, values), y);
      }),
  };
  return source;
}
