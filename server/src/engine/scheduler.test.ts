import { describe, expect, it } from 'vitest';
import { Scheduler } from './scheduler.ts';

/** Simulates `ms` of virtual time where each step costs `cost(key)` ms; returns steps per key. */
function simulate(s: Scheduler<string>, ms: number, cost: (k: string) => number): Record<string, number> {
  const counts: Record<string, number> = {};
  let now = 0;
  while (now < ms) {
    const n = s.next(now);
    if ('key' in n) {
      now += cost(n.key);
      s.stepped(n.key, now);
      counts[n.key] = (counts[n.key] ?? 0) + 1;
    } else {
      now += n.waitMs ?? 1;
    }
  }
  return counts;
}

describe('Scheduler', () => {
  it('caps a room at its speed', () => {
    const s = new Scheduler<string>();
    s.add('toy', 5, true, 0);
    const c = simulate(s, 10_000, () => 0.1);
    expect(c.toy).toBeGreaterThanOrEqual(49);
    expect(c.toy).toBeLessThanOrEqual(51);
  });

  it('round-robins unpaced rooms, so a slow lesson does not stall a fast one', () => {
    const s = new Scheduler<string>();
    s.add('cnn', 0, true, 0);
    s.add('mlp', 0, true, 0);
    const c = simulate(s, 10_000, (k) => (k === 'cnn' ? 30 : 2));
    // Alternation: equal step counts, so the cheap room gets most of its turns despite the slow one.
    expect(Math.abs((c.cnn ?? 0) - (c.mlp ?? 0))).toBeLessThanOrEqual(1);
  });

  it('a paced room keeps its rate next to an unpaced hog', () => {
    const s = new Scheduler<string>();
    s.add('hog', 0, true, 0);
    s.add('toy', 10, true, 0);
    const c = simulate(s, 10_000, (k) => (k === 'hog' ? 20 : 0.5));
    expect(c.toy).toBeGreaterThanOrEqual(95);
    expect(c.toy).toBeLessThanOrEqual(101);
  });

  it('skips paused rooms and reports no wait when nothing runs', () => {
    const s = new Scheduler<string>();
    s.add('a', 0, false, 0);
    expect(s.next(0)).toEqual({ waitMs: null });
    s.update('a', { running: true }, 5);
    expect(s.next(5)).toEqual({ key: 'a' });
    s.remove('a');
    expect(s.next(6)).toEqual({ waitMs: null });
  });
});
