import { describe, expect, it, vi } from 'vitest';
import { Pacer } from './pacer.ts';
import type { GradcastServer, GradcastSocket } from './io.ts';

const socket = (id: string) => ({ id, join: () => {}, leave: () => {} }) as unknown as GradcastSocket;

describe('Pacer channel union', () => {
  it('reports the union of the members’ channels when, and only when, it changes', () => {
    const seen: string[][] = [];
    const p = new Pacer({} as GradcastServer, 'r', {} as never, 30, (c) => seen.push(c));
    const a = socket('a');
    const b = socket('b');
    p.subscribe(a, ['metrics', 'panels']);
    p.subscribe(b, ['metrics']);
    expect(seen).toEqual([['metrics', 'panels']]); // b adds nothing new
    p.subscribe(a, ['metrics']); // a scrolls its views away
    expect(seen.at(-1)).toEqual(['metrics']);
    p.unsubscribe(b);
    expect(seen.length).toBe(2); // a still watches metrics
    p.unsubscribe(a);
    expect(seen.at(-1)).toEqual([]);
    expect(p.channels()).toEqual([]);
  });
});

describe('Pacer rates', () => {
  it('sends each group the newest frames at its own rate, one packet per flush; reliable ones go to all at once', async () => {
    vi.useFakeTimers();
    try {
      const emits: { room: string; volatile: boolean; count: number }[] = [];
      const target = (room: string, volatile: boolean) => ({ emit: (_e: string, frames: unknown[]) => emits.push({ room, volatile, count: frames.length }) });
      const io = { to: (room: string) => ({ ...target(room, false), volatile: target(room, true) }) } as unknown as GradcastServer;
      const metrics = { framesSent: { inc() {} }, bytesSent: { inc() {} } } as never;
      const p = new Pacer(io, 'r', metrics, 30);
      const fast = socket('fast');
      const slow = socket('slow');
      p.subscribe(fast, ['metrics']);
      p.subscribe(slow, ['metrics']);
      expect(p.setRate(slow, 7)).toBe(5); // rounded down to a tier
      expect(p.setRate(fast, 99)).toBe(30); // never above the room's rate
      const frame = (reliable = false) => ({ channel: 'metrics' as const, generation: 1, step: 0, bytes: new ArrayBuffer(8), reliable });
      // Two seconds of frames at 100 a second.
      for (let i = 0; i < 200; i++) {
        p.push([frame()]);
        vi.advanceTimersByTime(10);
      }
      const count = (room: string) => emits.filter((e) => e.volatile && e.room.endsWith(room)).length;
      expect(count('30|metrics')).toBeGreaterThanOrEqual(55);
      expect(count('30|metrics')).toBeLessThanOrEqual(61);
      expect(count('5|metrics')).toBeGreaterThanOrEqual(9);
      expect(count('5|metrics')).toBeLessThanOrEqual(11);
      expect(emits.every((e) => e.count === 1)).toBe(true);
      emits.length = 0;
      p.push([frame(true)]);
      expect(emits.map((e) => [e.room.split('#')[1], e.volatile]).sort()).toEqual([
        ['30|metrics', false],
        ['5|metrics', false],
      ]);
      p.close();
    } finally {
      vi.useRealTimers();
    }
  });
});
