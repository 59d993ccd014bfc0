/**
 * Sends a room's frames to its members, each getting only the channels it subscribed to. Members with the
 * same subscription form a group, and each group is a Socket.IO room (`<roomId>#<channels>`), so one packet
 * serves every member of a group and the adapter fans it out.
 *
 * Live frames are coalesced per channel (newest wins) and flushed at most `frameRate` times a second as ONE
 * volatile `frames` packet per group: a volatile emit is dropped when the transport is still busy writing the
 * previous one, so separate emits per channel would lose all but the first. Frames marked reliable (static
 * channels, history rewrites: the worker marks them by probe/delivery.ts's policy, which also sets the rate) go
 * out at once and reliably, because nothing would ever repeat them.
 */
import type { Channel, EncodedFrame } from '@gradcast/shared';
import type { Metrics } from '../metrics.ts';
import { FRAME_RATE, frameInterval } from '../probe/delivery.ts';
import type { GradcastServer, GradcastSocket } from './io.ts';

interface Group {
  room: string;
  channels: ReadonlySet<Channel>;
  members: number;
}

export class Pacer {
  private readonly pending = new Map<Channel, EncodedFrame>();
  private readonly groups = new Map<string, Group>();
  /** Group key of each subscribed socket id. */
  private readonly memberGroup = new Map<string, string>();
  private timer: NodeJS.Timeout | null = null;
  private lastFlush = 0;

  constructor(
    private readonly io: GradcastServer,
    private readonly roomId: string,
    private readonly metrics: Metrics,
    private readonly frameRate = FRAME_RATE,
    /** Called with the union of the members' channels whenever it changes (the engine computes only those). */
    private readonly onChannels?: (channels: Channel[]) => void,
  ) {}

  /** Every channel some member receives, sorted. */
  channels(): Channel[] {
    const all = new Set<Channel>();
    for (const g of this.groups.values()) for (const c of g.channels) all.add(c);
    return [...all].sort();
  }

  /** Reports the union when a (un)subscription changed it. */
  private changed(before: string): void {
    const now = this.channels();
    if (now.join(',') !== before) this.onChannels?.(now);
  }

  /** Puts a member in the group of its channel set (replacing an earlier subscription). */
  subscribe(socket: GradcastSocket, channels: readonly Channel[]): void {
    const before = this.channels().join(',');
    this.leave(socket);
    const sorted = [...new Set(channels)].sort();
    const key = sorted.join(',');
    let group = this.groups.get(key);
    if (!group) {
      group = { room: `${this.roomId}#${key}`, channels: new Set(sorted), members: 0 };
      this.groups.set(key, group);
    }
    group.members += 1;
    this.memberGroup.set(socket.id, key);
    void socket.join(group.room);
    this.changed(before);
  }

  unsubscribe(socket: GradcastSocket): void {
    const before = this.channels().join(',');
    this.leave(socket);
    this.changed(before);
  }

  private leave(socket: GradcastSocket): void {
    const key = this.memberGroup.get(socket.id);
    if (key === undefined) return;
    this.memberGroup.delete(socket.id);
    const group = this.groups.get(key) as Group;
    void socket.leave(group.room);
    if (--group.members === 0) this.groups.delete(key);
  }

  push(frames: EncodedFrame[]): void {
    const reliable: EncodedFrame[] = [];
    for (const f of frames) {
      if (f.reliable) {
        this.pending.delete(f.channel);
        reliable.push(f);
      } else {
        this.pending.set(f.channel, f);
      }
    }
    if (reliable.length) this.send(reliable, false);
    if (this.pending.size && !this.timer) {
      const wait = Math.max(0, this.lastFlush + frameInterval(this.frameRate) - Date.now());
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
    const frames = [...this.pending.values()];
    this.pending.clear();
    this.send(frames, true);
  }

  private send(frames: EncodedFrame[], volatile: boolean): void {
    for (const group of this.groups.values()) {
      const mine = frames.filter((f) => group.channels.has(f.channel));
      if (!mine.length) continue;
      const bytes = mine.map((f) => Buffer.from(f.bytes));
      (volatile ? this.io.to(group.room).volatile : this.io.to(group.room)).emit('frames', bytes);
      const mode = volatile ? 'volatile' : 'reliable';
      for (const b of mine) {
        this.metrics.framesSent.inc({ channel: b.channel, mode }, group.members);
        this.metrics.bytesSent.inc({ channel: b.channel }, group.members * b.bytes.byteLength);
      }
    }
  }
}
