import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FOLLOW_INTERVAL_MS, type FollowView } from '@gradcast/shared';
import { followSchema, FollowRelay, SETTLE_MS } from './follow.ts';

describe('followSchema', () => {
  const camera = { position: [2, -2.4, 3.1], target: [0, 0, 0.3] };
  it('accepts a camera, a panel, or both', () => {
    expect(followSchema.safeParse({ camera }).success).toBe(true);
    expect(followSchema.safeParse({ panel: 'loss' }).success).toBe(true);
    expect(followSchema.safeParse({ camera, panel: 'surface' }).success).toBe(true);
  });
  it('refuses empty, non-finite, far-off, oddly named or extra fields', () => {
    expect(followSchema.safeParse({}).success).toBe(false);
    expect(followSchema.safeParse({ camera: { position: [NaN, 0, 0], target: [0, 0, 0] } }).success).toBe(false);
    expect(followSchema.safeParse({ camera: { position: [1e6, 0, 0], target: [0, 0, 0] } }).success).toBe(false);
    expect(followSchema.safeParse({ camera: { position: [0, 0], target: [0, 0, 0] } }).success).toBe(false);
    expect(followSchema.safeParse({ panel: '<script>' }).success).toBe(false);
    expect(followSchema.safeParse({ panel: 'loss', zoom: 3 }).success).toBe(false);
    expect(followSchema.safeParse('loss').success).toBe(false);
  });
});

describe('FollowRelay', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('relays at most 5 a second while the camera moves, then the settled view once, reliably', () => {
    const sent: { view: FollowView; volatile: boolean }[] = [];
    const relay = new FollowRelay((view, volatile) => sent.push({ view, volatile }), () => Date.now());
    // 2 s of camera moves at 60 a second.
    for (let k = 0; k < 120; k++) {
      relay.update({ camera: { position: [k, 0, 1], target: [0, 0, 0] } });
      vi.advanceTimersByTime(1000 / 60);
    }
    const moving = sent.filter((s) => s.volatile).length;
    expect(moving).toBeLessThanOrEqual(2000 / FOLLOW_INTERVAL_MS + 1);
    expect(moving).toBeGreaterThanOrEqual(8);
    expect(sent.some((s) => !s.volatile)).toBe(false);
    vi.advanceTimersByTime(SETTLE_MS + FOLLOW_INTERVAL_MS);
    const last = sent.at(-1);
    expect(last?.volatile).toBe(false);
    expect(last?.view.camera?.position[0]).toBe(119);
    // Nothing more while nothing changes.
    const n = sent.length;
    vi.advanceTimersByTime(5000);
    expect(sent.length).toBe(n);
  });

  it('keeps the latest view for joiners, merging a panel change with the camera', () => {
    const relay = new FollowRelay(() => {}, () => Date.now());
    expect(relay.view).toEqual({});
    relay.update({ camera: { position: [1, 2, 3], target: [0, 0, 0] } });
    relay.update({ panel: 'loss' });
    expect(relay.view).toEqual({ camera: { position: [1, 2, 3], target: [0, 0, 0] }, panel: 'loss' });
    relay.close();
  });
});
