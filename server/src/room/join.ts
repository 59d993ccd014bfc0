/**
 * Joining a room: the handshake (who you are, which room, which role), then the join itself, answered by the room
 * alone: one `room:snapshot` with the room's state and the latest frame of every channel the member receives (the
 * history whole: loss, path and evaluation log), sent at once, whatever the training worker is doing. Only a costly
 * channel the worker has not been making (probe/delivery.ts WATCHED_ONLY) comes from the worker afterwards, as
 * ordinary `frames` (takeUp).
 */
import type { Channel, FrameBytes, JoinAuth, RoomSnapshot } from '@gradcast/shared';
import type { Logger } from 'pino';
import { z } from 'zod';
import { cleanName } from './memberName.ts';
import { sendFramesTo } from './pacer.ts';
import type { Metrics } from '../metrics.ts';
import { channelsToFrame } from '../probe/delivery.ts';
import type { GradcastServer, GradcastSocket } from './io.ts';
import type { Member } from './roles.ts';
import { newMemberId, type Room } from './room.ts';
import type { Rooms } from './rooms.ts';

/** What the join and the event handlers work with. */
export interface RoomContext {
  io: GradcastServer;
  rooms: Rooms;
  metrics: Metrics;
  log: Logger;
}

const authSchema = z.object({
  roomId: z.string().min(1).max(64),
  // Generous here (a name is cleaned and cut to NAME_MAX after), bounded so a handshake stays small.
  name: z.string().max(400).optional(),
  presenterKey: z.string().max(128).optional(),
  frames: z.literal('packed').optional(),
});

export function zodMessage(err: z.ZodError): string {
  const issue = err.issues[0];
  if (!issue) return 'invalid payload';
  return issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

/** Socket.IO middleware: admits a handshake naming a room (and a right key for the presenter), or refuses it with why. */
export function admit(rooms: Rooms): Parameters<GradcastServer['use']>[0] {
  return (socket, next) => {
    const parsed = authSchema.safeParse(socket.handshake.auth ?? {});
    if (!parsed.success) return next(new Error(`bad handshake: ${zodMessage(parsed.error)}`));
    const auth: JoinAuth = parsed.data;
    const room = rooms.get(auth.roomId);
    if (!room) return next(new Error('room not found'));
    let role: Member['role'] = 'viewer';
    if (auth.presenterKey !== undefined && auth.presenterKey !== '') {
      if (!room.checkKey(auth.presenterKey)) return next(new Error('bad presenter key'));
      role = 'presenter';
    }
    if (role !== 'presenter' && room.viewers >= rooms.maxMembers) {
      return next(new Error(`room is full: it holds at most ${rooms.maxMembers} members`));
    }
    const memberId = newMemberId();
    socket.data = {
      roomId: room.id,
      memberId,
      role,
      packed: auth.frames === 'packed',
      name: cleanName(auth.name ?? '') || (role === 'presenter' ? 'Presenter' : `Viewer ${memberId.slice(0, 4)}`),
    };
    next();
  };
}

/** A member in its room, and the channels it receives. */
export interface Joined {
  room: Room;
  member: Member;
  channels: Channel[];
}

/**
 * Joins an admitted socket to its room: the member is added and announced, the snapshot sent, and the member
 * subscribed to every channel of the lesson. Returns null (and disconnects) when the room closed meanwhile.
 */
export function join(ctx: RoomContext, socket: GradcastSocket): Joined | null {
  const started = performance.now();
  const { rooms, metrics, log } = ctx;
  const { roomId, memberId, name, role } = socket.data;
  const room = rooms.get(roomId);
  const pacer = rooms.pacer(roomId);
  if (!room || !pacer) {
    socket.disconnect(true);
    return null;
  }
  const member: Member = { id: memberId, socketId: socket.id, name, role, granted: false };
  room.add(member);
  metrics.members.inc();
  rooms.wake(room).catch((err: unknown) => log.warn({ err, roomId }, 'resume on join failed'));
  void socket.join(roomId);
  const channels: Channel[] = [...room.lesson.channels];
  rooms.publishMembers(room);
  const [snapshot, frames] = snapshotOf(room, member, rooms.engine.backend.name, channels);
  socket.emit('room:snapshot', snapshot, frames);
  // Subscribed right after the snapshot: every live frame from now on is at least as new as what it holds.
  const framed = channelsToFrame(room.lesson, new Set(pacer.channels()));
  pacer.subscribe(socket, channels);
  metrics.joinSeconds.observe((performance.now() - started) / 1000);
  takeUp(ctx, socket, room, room.frames.stale(channels, framed, room.status));
  return { room, member, channels };
}

/** The snapshot a member receives on joining, and the frames of `channels` the room holds (history whole). */
export function snapshotOf(room: Room, member: Member, backend: string, channels: readonly Channel[]): [RoomSnapshot, FrameBytes[]] {
  const { status } = room;
  const snapshot: RoomSnapshot = {
    roomId: room.id,
    title: room.title,
    lesson: room.lesson,
    state: status.state,
    step: status.step,
    generation: status.generation,
    loss: status.loss,
    hyperparameters: room.publicHyperparameters(),
    locked: room.locked,
    you: room.info(member),
    members: room.shownMembers(),
    viewers: room.viewers,
    annotations: [...room.annotations],
    backend,
    // `demo`: the deprecated name of `options` (docs/protocol.md), sent alongside it for one release.
    ...(room.options ? { options: room.options, demo: room.options } : {}),
    // Where the presenter's view is, the poll with this member's answer, their hand (and, for presenters, everyone's).
    ...room.lecture.snapshotFor(member),
  };
  return [snapshot, room.frames.held(channels, status).map((f) => Buffer.from(f.bytes))];
}

/**
 * Asks the worker once for `channels` (costly channels it has not been making) and sends what it answers to this
 * member as ordinary frames. The member's snapshot or subscription never waits for it.
 */
export function takeUp(ctx: RoomContext, socket: GradcastSocket, room: Room, channels: readonly Channel[]): void {
  if (!channels.length) return;
  ctx.metrics.takeUps.inc();
  ctx.rooms
    .request(room, { t: 'latest', roomId: room.id, channels: [...channels] })
    .then(({ frames }) => {
      if (socket.connected) sendFramesTo(socket, (frames ?? []).map((f) => f.bytes));
    })
    .catch((err: unknown) => ctx.log.warn({ err, roomId: room.id }, 'frames for a new subscription failed'));
}
