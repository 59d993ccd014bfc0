/**
 * Synthetic metrics and path frames shaped like the server's (server/src/probe/metrics.ts, optimizerPath.ts),
 * round-tripped through the wire codec, for the readers' and charts' tests.
 */
import { decodeFrame, encodeFrame, field, type Frame, type Meta } from '@gradcast/shared';

/** A metrics frame: `losses[r][i]` is run r's loss at steps[i]; `evals[r]` its evaluation metrics. */
export function metricsFrame(
  steps: number[],
  losses: number[][],
  opts: { variants?: string[]; evals?: Record<string, number>[]; full?: boolean; generation?: number } = {},
): Frame {
  const v = losses.length;
  const n = steps.length;
  const loss = new Float32Array(v * n);
  losses.forEach((row, r) => loss.set(row, r * n));
  const evals = opts.evals ?? [];
  const names = [...new Set(evals.flatMap((e) => Object.keys(e)))].sort();
  const table = new Float32Array(evals.length * names.length);
  evals.forEach((e, r) => names.forEach((k, c) => (table[r * names.length + c] = e[k] ?? NaN)));
  const meta: Meta = { epoch: 0, full: opts.full ?? false, evalNames: names.join(',') };
  if (opts.variants) meta['variants'] = opts.variants.join('|');
  return roundTrip({
    channel: 'metrics',
    generation: opts.generation ?? 1,
    step: steps.at(-1) ?? 0,
    meta,
    fields: {
      step: field('f64', Float64Array.from(steps)),
      loss: field('f32', loss, v === 1 ? [n] : [v, n]),
      evals: field('f32', table, [evals.length, names.length]),
    },
  });
}

/** A path frame: `runs[r]` holds run r's points [x, y, loss] at each of `steps`. */
export function pathFrame(steps: number[], runs: [number, number, number][][], full = false): Frame {
  const v = runs.length;
  const n = steps.length;
  const xy = new Float32Array(v * n * 2);
  const loss = new Float32Array(v * n);
  runs.forEach((points, r) =>
    points.forEach(([x, y, l], i) => {
      xy[2 * (r * n + i)] = x;
      xy[2 * (r * n + i) + 1] = y;
      loss[r * n + i] = l;
    }),
  );
  return roundTrip({
    channel: 'path',
    generation: 1,
    step: steps.at(-1) ?? 0,
    meta: { xLabel: 'w', yLabel: 'b', full },
    fields: {
      step: field('f64', Float64Array.from(steps)),
      xy: field('f32', xy, v === 1 ? [n, 2] : [v, n, 2]),
      loss: field('f32', loss, v === 1 ? [n] : [v, n]),
    },
  });
}

function roundTrip(frame: Frame): Frame {
  return decodeFrame(encodeFrame(frame));
}
