/**
 * The slow-member policy (slowGuard.ts) on stand-in sockets: a member past either cap is closed with code 4008 and
 * a reason that says why (then cut off if it never answers), counted in /metrics; members within the caps are left
 * alone. (A real client that stops reading: test/slowViewer.test.ts.)
 */
import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { createMetrics } from '../metrics.ts';
import type { GradcastServer } from './io.ts';
import { SLOW_CLOSE_CODE } from '@gradcast/shared';
import { SlowGuard } from './slowGuard.ts';

function fakeSocket(packets: number, bytes: number) {
  const ws = { bufferedAmount: bytes, close: vi.fn(), terminate: vi.fn() };
  return { ws, socket: { data: { roomId: 'r', memberId: 'm' }, conn: { writeBuffer: new Array(packets).fill({}), transport: { socket: ws } }, disconnect: vi.fn() } };
}

describe('SlowGuard', () => {
  it('closes the members past a cap with a reason, and only those', async () => {
    vi.useFakeTimers();
    try {
      const within = fakeSocket(10, 1000);
      const tooMany = fakeSocket(11, 0);
      const tooBig = fakeSocket(0, 2001);
      const sockets = new Map(Object.entries({ a: within.socket, b: tooMany.socket, c: tooBig.socket }));
      const io = { of: () => ({ sockets }) } as unknown as GradcastServer;
      const metrics = createMetrics();
      const guard = new SlowGuard(io, metrics, pino({ level: 'silent' }), { maxPackets: 10, maxBytes: 2000, checkMs: 1_000_000 });
      expect(guard.check()).toBe(2);
      expect(guard.check()).toBe(0); // already closing: not closed, counted or logged again
      expect(within.ws.close).not.toHaveBeenCalled();
      for (const { ws } of [tooMany, tooBig]) {
        expect(ws.close).toHaveBeenCalledTimes(1);
        expect(ws.close).toHaveBeenCalledWith(SLOW_CLOSE_CODE, expect.stringMatching(/^too slow: /));
        expect((ws.close.mock.calls[0]![1] as string).length).toBeLessThanOrEqual(123);
        expect(ws.terminate).not.toHaveBeenCalled();
      }
      vi.advanceTimersByTime(5000);
      expect(tooMany.ws.terminate).toHaveBeenCalled();
      expect(await metrics.registry.metrics()).toMatch(/gradcast_slow_disconnects_total 2/);
      guard.close();
    } finally {
      vi.useRealTimers();
    }
  });
});
