/**
 * Readers of the per-run fields of `metrics` and `path` frames. A lesson trains one run, or several variants in
 * lockstep (a comparison lesson); the frames then carry one row per variant:
 *  - metrics `loss`: [n] for one run, [v, n] for v variants (NaN once a variant diverged);
 *  - metrics `evals`: [v, m], each run's latest evaluation metrics named by meta.evalNames (comma-separated);
 *  - path `xy`: [n, 2] or [v, n, 2]; path `loss`: [n] or [v, n].
 * meta.variants names the variants ("label1|label2|…"). Each reader returns null for a frame whose fields do
 * not fit together, so a malformed frame is dropped rather than drawn wrong.
 */
import type { Field, Frame } from '@gradcast/shared';

/** Loss per step of each run: rows[r][i] is run r's loss at steps[i]. */
export interface LossRows {
  steps: ArrayLike<number>;
  rows: Float32Array[];
}

/**
 * Each run's optimizer path: parameter coordinates and loss per step, one typed array each (the frame's f32 values,
 * so nothing is lost), split from the wire's interleaved `xy` once, here.
 */
export interface PathRows {
  steps: ArrayLike<number>;
  runs: { x: Float32Array; y: Float32Array; loss: Float32Array }[];
}

/** Latest evaluation metrics: rows[r][c] is run r's value of names[c] (NaN where unknown). */
export interface EvalTable {
  names: string[];
  rows: number[][];
}

/** A completed evaluation: every run's metrics at the step it finished at. */
export interface EvalLogEntry {
  step: number;
  table: EvalTable;
}

/** Number of rows of a field whose last `inner` dims make one row (1 when it has no extra leading dim). */
function rowCount(f: Field, inner: number): number {
  return f.dims.length > inner ? (f.dims[0] as number) : 1;
}

export function readLossRows(frame: Frame): LossRows | null {
  const steps = frame.fields['step']?.data;
  const loss = frame.fields['loss'];
  if (!steps || !loss) return null;
  const n = steps.length;
  const v = rowCount(loss, 1);
  if (v < 1 || loss.data.length !== v * n) return null;
  const rows = Array.from({ length: v }, (_, r) => Float32Array.from(loss.data.subarray(r * n, (r + 1) * n)));
  return { steps, rows };
}

export function readPathRows(frame: Frame): PathRows | null {
  const steps = frame.fields['step']?.data;
  const xy = frame.fields['xy'];
  const loss = frame.fields['loss'];
  if (!steps || !xy || !loss) return null;
  const n = steps.length;
  const v = rowCount(xy, 2);
  if (v < 1 || rowCount(loss, 1) !== v || xy.data.length !== v * n * 2 || loss.data.length !== v * n) return null;
  const runs = Array.from({ length: v }, (_, r) => {
    const x = new Float32Array(n);
    const y = new Float32Array(n);
    const l = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = xy.data[2 * (r * n + i)] as number;
      y[i] = xy.data[2 * (r * n + i) + 1] as number;
      l[i] = loss.data[r * n + i] as number;
    }
    return { x, y, loss: l };
  });
  return { steps, runs };
}

/** The evaluation table; empty when the frame has none (m = 0 or no `evals` field). */
export function readEvals(frame: Frame): EvalTable {
  const evals = frame.fields['evals'];
  const meta = frame.meta['evalNames'];
  const names = typeof meta === 'string' && meta !== '' ? meta.split(',') : [];
  if (!evals || names.length === 0 || evals.dims.length !== 2) return { names: [], rows: [] };
  const [v, m] = evals.dims as [number, number];
  if (m !== names.length || evals.data.length !== v * m) return { names: [], rows: [] };
  const rows = Array.from({ length: v }, (_, r) => Array.from(evals.data.subarray(r * m, (r + 1) * m)));
  return { names, rows };
}

/**
 * The evaluation log of a whole-history metrics frame: each completed evaluation's table, oldest first, with
 * its step (same names as `readEvals`); empty when the frame has none.
 */
export function readEvalLog(frame: Frame): EvalLogEntry[] {
  const steps = frame.fields['evalLogSteps'];
  const log = frame.fields['evalLog'];
  const { names } = readEvals(frame);
  if (!steps || !log || log.dims.length !== 3 || names.length === 0) return [];
  const [k, v, m] = log.dims as [number, number, number];
  if (m !== names.length || steps.data.length !== k || log.data.length !== k * v * m) return [];
  return Array.from({ length: k }, (_, i) => ({
    step: steps.data[i] as number,
    table: {
      names,
      rows: Array.from({ length: v }, (_, r) => Array.from(log.data.subarray((i * v + r) * m, (i * v + r + 1) * m))),
    },
  }));
}

/**
 * Labels of `count` runs: meta.variants when it names exactly that many, otherwise "run 1", "run 2"…;
 * empty for a single run (a lone run needs no legend).
 */
export function variantLabels(frame: Frame, count: number): string[] {
  if (count <= 1) return [];
  const meta = frame.meta['variants'];
  const labels = typeof meta === 'string' ? meta.split('|') : [];
  return labels.length === count ? labels : Array.from({ length: count }, (_, k) => `run ${k + 1}`);
}
