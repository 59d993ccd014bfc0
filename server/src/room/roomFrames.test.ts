import { decodeFrame, type EncodedFrame, encodeFrame, type Frame, HISTORY_CAPACITY, type RunStatus, StepSeries } from '@gradcast/shared';
import { describe, expect, it } from 'vitest';
import { isReliable } from '../probe/delivery.ts';
import { metricsFrame } from '../probe/metrics.ts';
import { RoomFrames } from './roomFrames.ts';

const encoded = (f: Frame): EncodedFrame => ({ channel: f.channel, generation: f.generation, step: f.step, bytes: encodeFrame(f), reliable: isReliable(f) });
const frame = (channel: Frame['channel'], generation: number, step: number): EncodedFrame =>
  encoded({ channel, generation, step, meta: {}, fields: {} });
const status = (generation: number, step: number): RunStatus => ({ state: 'running', step, generation, start: 0, loss: null, stepsPerSecond: 0 });

function metrics(generation: number, from: number, to: number, full = false): EncodedFrame {
  const s = new StepSeries(HISTORY_CAPACITY.loss, 1);
  for (let k = from; k < to; k++) s.push(k, k);
  return encoded(metricsFrame(s, generation, to, { full }, { evals: [{}] }));
}

describe('RoomFrames', () => {
  it('keeps the newest frame of each channel; an older one changes nothing', () => {
    const r = new RoomFrames();
    r.ingest([frame('surface', 2, 0), frame('params', 2, 5)]);
    r.ingest([frame('surface', 1, 9), frame('params', 2, 4)]);
    expect([r.get('surface')!.generation, r.get('params')!.step]).toEqual([2, 5]);
  });

  it('answers a newcomer with the history whole and the latest frame of its other channels, current generation only', () => {
    const r = new RoomFrames();
    r.ingest([metrics(1, 0, 10, true), frame('surface', 1, 0), frame('panels', 1, 3)]);
    r.ingest([metrics(1, 5, 20), frame('panels', 1, 18)]);
    r.ingest([frame('params', 1, 20)]);
    const held = r.held(['panels', 'params', 'metrics', 'surface'], status(1, 20));
    expect(held.map((f) => f.channel)).toEqual(['metrics', 'params', 'surface', 'panels']);
    const whole = decodeFrame(held[0]!.bytes);
    expect(whole.meta.full).toBe(true);
    expect(held[0]!.reliable).toBe(true);
    expect(Array.from(whole.fields.step!.data)).toEqual(Array.from({ length: 20 }, (_, k) => k));
    expect(held[3]!.step).toBe(18);
    // A newer generation whose static frames have not come: the old ones are not sent.
    expect(r.held(['surface', 'panels'], status(2, 0))).toEqual([]);
  });

  it('names the channels it cannot answer for: not being made, and behind the run', () => {
    const r = new RoomFrames();
    r.ingest([frame('panels', 1, 5), frame('params', 1, 7)]);
    const framed = new Set(['metrics', 'path'] as const);
    expect(r.stale(['metrics', 'panels', 'params', 'fit'], framed, status(1, 7))).toEqual(['panels', 'fit']);
    expect(r.stale(['panels'], new Set(['panels'] as const), status(1, 9))).toEqual([]);
  });

  it('encodes the whole history once for a burst of joins, and again after new frames', () => {
    const r = new RoomFrames();
    r.ingest([metrics(1, 0, 10, true)]);
    const a = r.held(['metrics'], status(1, 10))[0]!;
    expect(r.held(['metrics'], status(1, 10))[0]).toBe(a);
    r.ingest([metrics(1, 8, 12)]);
    const b = r.held(['metrics'], status(1, 12))[0]!;
    expect(b).not.toBe(a);
    expect(decodeFrame(b.bytes).fields.step!.data.length).toBe(12);
    r.ingest([], [{ step: 11, evals: [{ testAccuracy: 0.5 }] }]);
    expect(Array.from(decodeFrame(r.held(['metrics'], status(1, 12))[0]!.bytes).fields.evalLogSteps!.data)).toEqual([11]);
  });
});
