import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenVisible } from './whenVisible.ts';

/** A stand-in IntersectionObserver the test drives by hand. */
let fire: (visible: boolean) => void = () => {};
class FakeObserver {
  constructor(cb: (entries: { isIntersecting: boolean }[]) => void) {
    fire = (visible) => cb([{ isIntersecting: visible }]);
  }
  observe(): void {}
  disconnect(): void {}
}

describe('whenVisible', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('IntersectionObserver', FakeObserver);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('reports entering at once and leaving only after the delay; a quick scroll past reports nothing', () => {
    const seen: boolean[] = [];
    const a = whenVisible({} as Element, { onChange: (v) => seen.push(v), delayMs: 1000 });
    fire(true);
    expect(seen).toEqual([true]);
    fire(false);
    vi.advanceTimersByTime(500);
    fire(true); // back before the delay: still visible, nothing new
    vi.advanceTimersByTime(2000);
    expect(seen).toEqual([true]);
    fire(false);
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([true, false]);
    fire(true);
    expect(seen).toEqual([true, false, true]);
    a.destroy();
  });

  it('counts the element as visible where IntersectionObserver is missing', () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    const seen: boolean[] = [];
    whenVisible({} as Element, { onChange: (v) => seen.push(v) });
    expect(seen).toEqual([true]);
  });
});
