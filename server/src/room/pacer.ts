/**
 * Sends a room's frames to its members, each getting only the channels it subscribed to. Members with the
 * same subscription form a group, and each group is a Socket.IO room (`<roomId>#<channels>`), so one packet
 * serves every member of a group and the adapter fans it out. Members that asked for packed frames
 * (JoinAuth.frames) form groups of their own, whose packet is packed once (shared/packedFrames.ts) and written
 * to each member's connection as one binary message: half the messages of a `frames` event, and no parser.
 *
 * Live frames are coalesced per channel (newest wins) and flushed at most `frameRate` times a second as ONE
 * volatile `frames` packet per group, or at the lower rate a member's page asked for (frames:rate: groups are keyed
 * by rate too, so a phone that draws 5 a second gets the newest frame 5 times a second, still O(1) per member): a volatile emit is dropped when the transport is still busy writing the
 * previous one, so separate emits per channel would lose all but the first. Frames marked reliable (static
 * channels, history rewrites: the worker marks them by probe/delivery.ts's policy, which also sets the rate) go
 * out at once and reliably, because nothing would ever repeat them.
 */
import { type Channel, type EncodedFrame, FRAME_RATE_TIERS } from '@gradcast/shared';
import { packFrames } from '@gradcast/shared/packedFrames';
import { WebSocket } from 'ws';
import type { Metrics } from '../metrics.ts';
import { FRAME_RATE, frameInterval } from '../probe/delivery.ts';
import type { GradcastServer, GradcastSocket } from './io.ts';

interface Group {
  room: string;
  channels: ReadonlySet<Channel>;
  /** Packets per second, at most, to this group's members: the rate they can draw (frames:rate). */
  fps: number;
  members: number;
  /** Packed groups: their members' sockets (they are not in a Socket.IO room: each is written to directly). */
  packed: Set<GradcastSocket> | null;
}

/** A rate's flushes: when the last went, the one waiting, and the newest frame of each channel it has sent. */
interface Tier {
  lastFlush: number;
  timer: NodeJS.Timeout | null;
  sent: Map<Channel, number>;
}

export class Pacer {
  /** The newest live frame of each channel, numbered so each rate sends it once. */
  private readonly latest = new Map<Channel, { frame: EncodedFrame; seq: number }>();
  private seq = 0;
  private readonly groups = new Map<string, Group>();
  private readonly tiers = new Map<number, Tier>();
  /** Each member (socket id): the rate it asked for, and its channels and group once subscribed. */
  private readonly members = new Map<string, { fps: number; channels?: readonly Channel[]; key?: string }>();

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

  /** Puts a member in the group of its channel set and rate (replacing an earlier subscription). */
  subscribe(socket: GradcastSocket, channels: readonly Channel[]): void {
    const before = this.channels().join(',');
    this.leave(socket);
    const sorted = [...new Set(channels)].sort();
    const member = this.members.get(socket.id) ?? { fps: this.frameRate };
    const packed = socket.data?.packed === true;
    const key = `${member.fps}|${sorted.join(',')}${packed ? '|packed' : ''}`;
    let group = this.groups.get(key);
    if (!group) {
      group = { room: `${this.roomId}#${key}`, channels: new Set(sorted), fps: member.fps, members: 0, packed: packed ? new Set() : null };
      this.groups.set(key, group);
    }
    group.members += 1;
    this.members.set(socket.id, { fps: member.fps, channels: sorted, key });
    if (group.packed) group.packed.add(socket);
    else void socket.join(group.room);
    this.changed(before);
  }

  /**
   * The most packets a second this member is sent (what its page can draw): the largest tier at or below `fps`
   * and the room's rate. Returns the rate in use. Reliable frames are not held back by it.
   */
  setRate(socket: GradcastSocket, fps: number): number {
    const tier = FRAME_RATE_TIERS.find((t) => t <= Math.min(fps, this.frameRate)) ?? (FRAME_RATE_TIERS.at(-1) as number);
    const member = this.members.get(socket.id);
    this.members.set(socket.id, { ...member, fps: tier });
    if (member?.channels) this.subscribe(socket, member.channels);
    return tier;
  }

  unsubscribe(socket: GradcastSocket): void {
    const before = this.channels().join(',');
    this.leave(socket);
    this.members.delete(socket.id);
    this.changed(before);
  }

  private leave(socket: GradcastSocket): void {
    const member = this.members.get(socket.id);
    const key = member?.key;
    if (!member || key === undefined) return;
    delete member.key;
    const group = this.groups.get(key) as Group;
    if (group.packed) group.packed.delete(socket);
    else void socket.leave(group.room);
    if (--group.members === 0) this.groups.delete(key);
  }

  push(frames: EncodedFrame[]): void {
    const reliable: EncodedFrame[] = [];
    for (const f of frames) {
      if (f.reliable) {
        // Nothing older of its channel may follow it.
        this.latest.delete(f.channel);
        reliable.push(f);
      } else {
        this.latest.set(f.channel, { frame: f, seq: ++this.seq });
      }
    }
    if (reliable.length) this.send(reliable, false, null);
    for (const fps of new Set([...this.groups.values()].map((g) => g.fps))) this.schedule(fps);
  }

  close(): void {
    for (const t of this.tiers.values()) if (t.timer) clearTimeout(t.timer);
    this.tiers.clear();
    this.latest.clear();
  }

  /** The next flush of the groups at `fps`, one interval after their last. */
  private schedule(fps: number): void {
    let tier = this.tiers.get(fps);
    // A new rate starts from the frames of now: what came before reached its members with their snapshot.
    if (!tier) this.tiers.set(fps, (tier = { lastFlush: 0, timer: null, sent: new Map([...this.latest].map(([c, e]) => [c, e.seq - 1])) }));
    if (tier.timer) return;
    const t = tier;
    const wait = Math.max(0, t.lastFlush + frameInterval(fps) - Date.now());
    t.timer = setTimeout(() => this.flush(fps, t), wait);
  }

  /** Sends the groups at `fps` the newest frame of each channel they have not had yet. */
  private flush(fps: number, tier: Tier): void {
    tier.timer = null;
    tier.lastFlush = Date.now();
    const frames: EncodedFrame[] = [];
    for (const [channel, { frame, seq }] of this.latest) {
      if ((tier.sent.get(channel) ?? 0) >= seq) continue;
      tier.sent.set(channel, seq);
      frames.push(frame);
    }
    if (frames.length) this.send(frames, true, fps);
  }

  /** To every group (`fps` null) or to the groups at `fps`. */
  private send(frames: EncodedFrame[], volatile: boolean, fps: number | null): void {
    for (const group of this.groups.values()) {
      if (fps !== null && group.fps !== fps) continue;
      const mine = frames.filter((f) => group.channels.has(f.channel));
      if (!mine.length) continue;
      if (group.packed) {
        const packed = packFrames(mine.map((f) => f.bytes));
        const packet = Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength);
        const framed = { wsPreEncodedFrame: wsFrame(packet) };
        for (const socket of group.packed) writePacked(socket, packet, framed, volatile);
      } else {
        const bytes = mine.map((f) => Buffer.from(f.bytes));
        (volatile ? this.io.to(group.room).volatile : this.io.to(group.room)).emit('frames', bytes);
      }
      const mode = volatile ? 'volatile' : 'reliable';
      for (const b of mine) {
        this.metrics.framesSent.inc({ channel: b.channel, mode }, group.members);
        this.metrics.bytesSent.inc({ channel: b.channel }, group.members * b.bytes.byteLength);
      }
    }
  }
}

/**
 * Sends one member frames of its own, reliably (a subscription's catch-up, a costly channel taken up on joining):
 * packed for a member that asked for packed frames, as its live ones come; else the `frames` event.
 */
export function sendFramesTo(socket: GradcastSocket, frames: readonly ArrayBuffer[]): void {
  if (!frames.length) return;
  if (!socket.data?.packed) {
    socket.emit('frames', frames.map((f) => Buffer.from(f)));
    return;
  }
  const packed = packFrames(frames);
  const packet = Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength);
  writePacked(socket, packet, { wsPreEncodedFrame: wsFrame(packet) }, false);
}

/** ws's frame builder (which @types/ws leaves out). */
const Sender = (WebSocket as unknown as { Sender: { frame(data: Buffer, options: object): Buffer[] } }).Sender;

/**
 * The WebSocket frame of a binary message, built once for all the members it goes to: engine.io writes it as it
 * is to each WebSocket connection (`wsPreEncodedFrame`, as Socket.IO's adapter does for a broadcast text
 * packet), about 5% less work per member than framing it for each (`gradcast bench wire`).
 */
const wsFrame = (data: Buffer): Buffer[] => Sender.frame(data, { readOnly: false, mask: false, rsv1: false, opcode: 2, fin: true });

/**
 * Writes one packed message to a member's connection, as Socket.IO writes a packet: not once the connection is
 * closing, and, volatile, not while the transport is still writing the last one (newest wins; the next flush
 * carries newer frames). Reliable ones queue in engine.io's write buffer, in order with the member's events.
 */
function writePacked(socket: GradcastSocket, packet: Buffer, framed: { wsPreEncodedFrame: Buffer[] }, volatile: boolean): void {
  const conn = socket.conn;
  if (conn.readyState !== 'open') return;
  if (volatile && !conn.transport.writable) return;
  conn.write(packet, framed as { compress?: boolean });
}
