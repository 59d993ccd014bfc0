/**
 * Sends a room's frames to the members subscribed to each channel. Each channel is a Socket.IO room
 * (`<roomId>#<channel>`), so one encode serves every viewer and the Redis adapter can fan out across
 * processes. Live frames go volatile at most `frameRate` times a second, newest wins: frames that arrive
 * between two flushes replace each other. Frames marked reliable (static channels, history rewrites) are
 * sent at once and reliably, because nothing would ever repeat them.
 */
import type { Channel, EncodedFrame } from '@gradcast/shared';
import type { GradcastServer } from "./io.ts";
import type { Metrics } from '../http/metrics.ts';

export const channelRoom = (roomId: string, channel: Channel): string => `${roomId}#${channel}`;

export class Pacer {
  private readonly pending = new Map<Channel, EncodedFrame>();
  private timer: NodeJS.Timeout | null = null;
  private lastFlush = 0;

  constructor(
    private readonly io: GradcastServer,
    private readonly roomId: string,
    private readonly metrics: Metrics,
    private readonly frameRate = 30,
  ) {}

  push(frames: EncodedFrame[]): void {
    for (const f of frames) {
      if (f.reliable) {
        this.pending.delete(f.channel);
        this.send(f, false);
      } else {
        this.pending.set(f.channel, f);
      }
    }
    if (this.pending.size && !this.timer) {
      const wait = Math.max(0, this.lastFlush + 1000 / this.frameRate - Date.now());
      this.timer = setTimeout(() => this.flush(), wait);
    }
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }

  private flush(): void {
    this.timer = null;
    this.lastFlush = Date.now();
    for (const f of this.pending.values()) this.send(f, true);
    this.pending.clear();
  }

  private send(frame: EncodedFrame, volatile: boolean): void {
    const target = channelRoom(this.roomId, frame.channel);
    const viewers = this.io.sockets.adapter.rooms.get(target)?.size ?? 0;
    if (viewers === 0) return;
    const bytes = Buffer.from(frame.bytes);
    const op = volatile ? this.io.to(target).volatile : this.io.to(target);
    op.emit('frame', bytes);
    this.metrics.framesSent.inc({ channel: frame.channel, mode: volatile ? 'volatile' : 'reliable' }, viewers);
    this.metrics.bytesSent.inc({ channel: frame.channel }, viewers * bytes.byteLength);
  }
}
