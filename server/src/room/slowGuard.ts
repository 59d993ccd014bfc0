/**
 * Members whose connection has fallen far behind: a phone on bad Wi-Fi, a paused tab, a client that stopped
 * reading. Frames already skip them (a volatile packet is dropped while the transport is still writing the last
 * one), so what can grow is the reliable backlog: engine.io's write buffer (status, changes, presence, reliable
 * frames) and the WebSocket's unsent bytes. Checked every `checkMs`; past a cap the member is disconnected with a
 * WebSocket close (code 4008) whose reason says why, and its client reconnects to a fresh snapshot. Other members
 * never wait for it: each socket has its own buffers.
 */
import { SLOW_CLOSE_CODE } from '@gradcast/shared';
import type { Logger } from 'pino';
import type { Metrics } from '../metrics.ts';
import type { GradcastServer, GradcastSocket } from './io.ts';

export interface SlowLimits {
  /** Most unsent bytes the WebSocket may hold for one member. */
  maxBytes: number;
  /** Most packets engine.io may queue for one member. */
  maxPackets: number;
  checkMs: number;
}

export const SLOW_LIMITS: SlowLimits = { maxBytes: 4 << 20, maxPackets: 1000, checkMs: 1000 };


/** How long a too-slow member's close handshake may take before its connection is cut, ms. */
const CLOSE_GRACE_MS = 5000;

/** What one member has waiting to be sent: engine.io's queued packets and the WebSocket's unsent bytes. */
export function backlog(socket: GradcastSocket): { packets: number; bytes: number } {
  const conn = socket.conn as unknown as { writeBuffer?: unknown[]; transport?: { socket?: { bufferedAmount?: number } } };
  return { packets: conn.writeBuffer?.length ?? 0, bytes: conn.transport?.socket?.bufferedAmount ?? 0 };
}

export class SlowGuard {
  private readonly timer: NodeJS.Timeout;
  /** Members already told to go: their close frame waits behind the backlog, which keeps growing meanwhile. */
  private readonly closing = new WeakSet<GradcastSocket>();

  constructor(
    private readonly io: GradcastServer,
    private readonly metrics: Metrics,
    private readonly log: Logger,
    private readonly limits: SlowLimits = SLOW_LIMITS,
  ) {
    this.timer = setInterval(() => this.check(), limits.checkMs);
    this.timer.unref();
  }

  close(): void {
    clearInterval(this.timer);
  }

  /** Disconnects every member past a cap; returns how many. */
  check(): number {
    let dropped = 0;
    for (const socket of this.io.of('/').sockets.values()) {
      if (this.closing.has(socket)) continue;
      const { packets, bytes } = backlog(socket);
      if (packets <= this.limits.maxPackets && bytes <= this.limits.maxBytes) continue;
      const reason = `too slow: ${packets} messages and ${Math.round(bytes / 1024)} KB were waiting; reconnecting brings the room back`;
      this.log.info({ roomId: socket.data.roomId, memberId: socket.data.memberId, packets, bytes }, 'disconnected a member that fell behind');
      this.metrics.slowDisconnects.inc();
      this.closing.add(socket);
      const ws = (socket.conn as unknown as { transport?: { socket?: { close?: (code: number, reason: string) => void; terminate?: () => void } } })
        .transport?.socket;
      if (ws?.close) {
        // The reason travels in the close frame (at most 123 bytes), behind the backlog: a client that reads again
        // gets it; one that never does is cut off after CLOSE_GRACE_MS, and its buffers freed.
        ws.close(SLOW_CLOSE_CODE, reason.slice(0, 120));
        setTimeout(() => ws.terminate?.(), CLOSE_GRACE_MS).unref();
      } else socket.disconnect(true);
      dropped += 1;
    }
    return dropped;
  }
}
