/**
 * Synthetic metrics, path and landscape frames shaped like the server's (server/src/probe/metrics.ts,
 * optimizerPath.ts; the landscape as docs/protocol.md says), round-tripped through the wire codec, for the
 * readers', charts' and scene's tests.
 */
import { decodeFrame, encodeFrame, field, type Frame, type Meta } from '@gradcast/shared';

/**
 * A metrics frame: `losses[r][i]` is run r's loss at steps[i]; `evals[r]` its evaluation metrics; `log` the
 * evaluation log of a whole-history frame (each completed evaluation's metrics of every run, at its step).
 */
export function metricsFrame(
  steps: number[],
  losses: number[][],
  opts: {
    variants?: string[];
    evals?: Record<string, number>[];
    log?: { step: number; evals: Record<string, number>[] }[];
    full?: boolean;
    generation?: number;
    step?: number;
  } = {},
): Frame {
  const v = losses.length;
  const n = steps.length;
  const loss = new Float32Array(v * n);
  losses.forEach((row, r) => loss.set(row, r * n));
  const evals = opts.evals ?? [];
  const log = opts.log ?? [];
  const names = [...new Set([...evals, ...log.flatMap((l) => l.evals)].flatMap((e) => Object.keys(e)))].sort();
  const table = new Float32Array(evals.length * names.length);
  evals.forEach((e, r) => names.forEach((k, c) => (table[r * names.length + c] = e[k] ?? NaN)));
  const logFields: Frame['fields'] = {};
  if (opts.log) {
    const m = names.length;
    const data = new Float32Array(log.length * evals.length * m).fill(NaN);
    log.forEach((l, i) => l.evals.forEach((e, r) => names.forEach((k, c) => (data[(i * evals.length + r) * m + c] = e[k] ?? NaN))));
    logFields['evalLogSteps'] = field('f64', Float64Array.from(log.map((l) => l.step)));
    logFields['evalLog'] = field('f32', data, [log.length, evals.length, m]);
  }
  const meta: Meta = { epoch: 0, full: opts.full ?? false, evalNames: names.join(',') };
  if (opts.variants) meta['variants'] = opts.variants.join('|');
  return roundTrip({
    channel: 'metrics',
    generation: opts.generation ?? 1,
    step: opts.step ?? steps.at(-1) ?? 0,
    meta,
    fields: {
      step: field('f64', Float64Array.from(steps)),
      loss: field('f32', loss, v === 1 ? [n] : [v, n]),
      evals: field('f32', table, [evals.length, names.length]),
      ...logFields,
    },
  });
}

/** A path frame: `runs[r]` holds run r's points [x, y, loss] at each of `steps`. */
export function pathFrame(steps: number[], runs: [number, number, number][][], full = false, generation = 1): Frame {
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
    generation,
    step: steps.at(-1) ?? 0,
    meta: { xLabel: 'w', yLabel: 'b', full },
    fields: {
      step: field('f64', Float64Array.from(steps)),
      xy: field('f32', xy, v === 1 ? [n, 2] : [v, n, 2]),
      loss: field('f32', loss, v === 1 ? [n] : [v, n]),
    },
  });
}

/** A landscape slice as the server will make it: a function of (α, β) sampled on an n × n grid, the path's rows. */
export function landscapeFrame(opts: {
  /** Loss over the plane. */
  f?: (alpha: number, beta: number) => number;
  n?: number;
  range?: [number, number, number, number];
  /** Rows (α, β, true loss, distance), oldest first. */
  path?: [number, number, number, number][];
  /** The other runs' rows (run, α, β, true loss, distance), each run oldest first. */
  others?: [number, number, number, number, number][];
  velocity?: [number, number];
  meta?: Meta;
  generation?: number;
  step?: number;
} = {}): Frame {
  const n = opts.n ?? 9;
  const [xMin, xMax, yMin, yMax] = opts.range ?? [-1, 1, -1, 1];
  const f = opts.f ?? ((a, b) => 1 + a * a + 2 * b * b);
  const z = new Float32Array(n * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) z[j * n + i] = f(xMin + (i * (xMax - xMin)) / (n - 1), yMin + (j * (yMax - yMin)) / (n - 1));
  }
  const rows = opts.path ?? [[0, 0, f(0, 0), 0]];
  const fields: Frame['fields'] = {
    z: field('q16', z, [n, n]),
    path: field('f32', Float32Array.from(rows.flat()), [rows.length, 4]),
  };
  if (opts.others) fields['others'] = field('f32', Float32Array.from(opts.others.flat()), [opts.others.length, 5]);
  if (opts.velocity) fields['velocity'] = field('f32', Float32Array.from(opts.velocity));
  return roundTrip({
    channel: 'landscape',
    generation: opts.generation ?? 1,
    step: opts.step ?? 0,
    meta: { kind: 'random', xLabel: 'α', yLabel: 'β', xMin, xMax, yMin, yMax, resolution: n, samples: 1000, live: true, ...opts.meta },
    fields,
  });
}

function roundTrip(frame: Frame): Frame {
  return decodeFrame(encodeFrame(frame));
}
