import { describe, expect, it } from 'vitest';
import {
  channelsToFrame,
  FRAME_RATE,
  frameInterval,
  isReliable,
  PANELS_BYTES_PER_SECOND,
  PANELS_INTERVAL_MS,
  panelsGap,
  RECENT,
  recentWindow,
} from './delivery.ts';

describe('delivery policy', () => {
  it('frames at most 30 times a second', () => {
    expect(FRAME_RATE).toBe(30);
    expect(frameInterval()).toBeCloseTo(1000 / 30, 12);
    expect(frameInterval(10)).toBe(100);
  });

  it('a training lesson makes its costly channels only while watched, everything else always; a demo everything', () => {
    const training = { channels: ['metrics', 'params', 'surface', 'path', 'data', 'fit', 'panels', 'landscape'] as const, trains: true };
    expect([...channelsToFrame(training, new Set())].sort()).toEqual(['data', 'fit', 'metrics', 'path', 'surface']);
    expect([...channelsToFrame(training, new Set(['panels']))].sort()).toEqual(['data', 'fit', 'metrics', 'panels', 'path', 'surface']);
    // A landscape slice costs a forward pass per grid point: made only while someone watches it, like the views.
    expect([...channelsToFrame(training, new Set(['landscape']))].sort()).toEqual(['data', 'fit', 'landscape', 'metrics', 'path', 'surface']);
    // A channel the lesson does not have is never framed, watched or not.
    expect([...channelsToFrame({ channels: ['metrics'], trains: true }, new Set(['params']))]).toEqual(['metrics']);
    expect([...channelsToFrame({ channels: ['panels'], trains: false }, new Set())]).toEqual(['panels']);
  });

  it('a live window carries every point since the last frame, and at least 4 × steps + 8 up to RECENT', () => {
    expect(recentWindow(1, 1)).toBe(12);
    expect(recentWindow(10, 10)).toBe(48);
    expect(recentWindow(100, 100)).toBe(RECENT);
    // A tick that covered more steps than RECENT still carries every one of them.
    expect(recentWindow(1000, 1000)).toBe(1000);
    expect(recentWindow(-5, 0)).toBe(8);
  });

  it('views wait at least a second, longer when costly or large', () => {
    expect(panelsGap({ cost: 1, bytes: 100 })).toBe(PANELS_INTERVAL_MS);
    expect(panelsGap({ cost: 100, bytes: 100 })).toBe(2000);
    expect(panelsGap({ cost: 1, bytes: 3 * PANELS_BYTES_PER_SECOND })).toBe(3000);
  });

  it('sends reliably what nothing repeats: static channels, views and landscape slices unless live, whole histories', () => {
    const reliable = (channel: Parameters<typeof isReliable>[0]['channel'], meta = {}): boolean => isReliable({ channel, meta });
    expect(reliable('surface')).toBe(true);
    expect(reliable('data')).toBe(true);
    expect(reliable('panels')).toBe(true);
    expect(reliable('panels', { live: true })).toBe(false);
    // A paused run's slice (and each refinement of it) is the last one for a while: it must arrive.
    expect(reliable('landscape')).toBe(true);
    expect(reliable('landscape', { live: false })).toBe(true);
    expect(reliable('landscape', { live: true })).toBe(false);
    expect(reliable('metrics')).toBe(false);
    expect(reliable('metrics', { full: true })).toBe(true);
    expect(reliable('path', { full: false })).toBe(false);
    expect(reliable('path', { full: true })).toBe(true);
    expect(reliable('params')).toBe(false);
    expect(reliable('fit')).toBe(false);
  });
});
