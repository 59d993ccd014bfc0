/**
 * Socket.IO handlers: join by handshake (join.ts), then one named handler per event, made for each member by
 * `memberHandlers`. The two events that change the run's settings, hp:set and options:set (and its deprecated name
 * demo:set), share one skeleton, `changeHandler`: authorise → validate → apply (the engine, at the next step
 * boundary) → acknowledge → broadcast. A bad payload gets an error ack and changes nothing; nothing a client sends
 * can throw out of a handler.
 */
import type { Channel, ErrorBody, HyperparamPatch, OptionValues, RunAction } from '@gradcast/shared';
import { CHANNELS, markedChanges, MEMBERS_PAGE_MAX, RUN_ACTIONS, validateOptionValues, validatePatch } from '@gradcast/shared';
import type { Logger } from 'pino';
import { z } from 'zod';
import { EngineError } from '../engine/client.ts';
import type { ReplyResult, RequestBody } from '../engine/messages.ts';
import { channelsToFrame } from '../probe/delivery.ts';
import type { GradcastSocket } from './io.ts';
import { admit, type Joined, join, type RoomContext, takeUp, zodMessage } from './join.ts';
import { sendFramesTo } from './pacer.ts';
import { TokenBucket } from './tokenBucket.ts';
import { canAdminister } from './roles.ts';
import { fastForwardHandler } from './fastForward.ts';
import { type LectureEvent, lectureHandlers } from './lectureHandlers.ts';

const controlSchema = z.object({ action: z.enum(RUN_ACTIONS as [RunAction, ...RunAction[]]) });
const subscribeSchema = z.object({ channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length) });
const lockSchema = z.object({ locked: z.boolean() });
const grantSchema = z.object({ memberId: z.string().min(1).max(64), control: z.boolean() });
const rateSchema = z.object({ fps: z.number().min(1).max(30) });
const listSchema = z.object({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(MEMBERS_PAGE_MAX) });

type AnyAck = (res: { ok: true; [key: string]: unknown } | { ok: false; error: ErrorBody }) => void;
type Failure = { ok: false; error: ErrorBody };

const fail = (code: ErrorBody['code'], message: string): Failure => ({ ok: false, error: { code, message } });

/** An engine failure as an error ack: the engine's codes are the contract's own. */
function engineFailure(err: unknown): Failure {
  if (err instanceof EngineError) return fail(err.code, err.message);
  return fail('internal', err instanceof Error ? err.message : String(err));
}

/**
 * Events one member may send: a burst, then so many a second (all events together). A presenter dragging a slider
 * (about 12 hp:set a second) while orbiting the camera (5 view updates a second) stays well inside; a student's
 * script flooding the room is refused with `rate_limited`, and nothing it sent past the limit is applied.
 */
export const MEMBER_EVENT_BURST = 60;
export const MEMBER_EVENTS_PER_SECOND = 30;

/**
 * Wraps a handler: tolerates a missing ack callback, refuses the event when the member is over its rate, and
 * turns any throw into an `internal` error ack.
 */
function guarded(log: Logger, event: string, fn: (payload: unknown, ack: AnyAck) => Promise<void> | void, budget?: TokenBucket) {
  return (payload: unknown, maybeAck?: unknown): void => {
    const ack: AnyAck = typeof maybeAck === 'function' ? (maybeAck as AnyAck) : () => {};
    if (budget && !budget.take()) {
      ack(fail('rate_limited', `${event}: too many events from this member (at most ${MEMBER_EVENTS_PER_SECOND} a second); wait a moment`));
      return;
    }
    Promise.resolve()
      .then(() => fn(payload, ack))
      .catch((err: unknown) => {
        log.error({ err, event }, 'handler failed');
        ack(fail('internal', 'internal error'));
      });
  };
}

export function registerHandlers(ctx: RoomContext): void {
  ctx.io.use(admit(ctx.rooms));
  ctx.io.on('connection', (socket) => {
    const joined = join(ctx, socket);
    if (!joined) return;
    const h = memberHandlers(ctx, socket, joined);
    const { log } = ctx;
    // One budget for every event this member sends (MEMBER_EVENTS_PER_SECOND).
    const budget = new TokenBucket(MEMBER_EVENT_BURST, MEMBER_EVENTS_PER_SECOND);
    socket.on('hp:set', guarded(log, 'hp:set', h.setHyperparameters, budget));
    socket.on('run:control', guarded(log, 'run:control', h.controlRun, budget));
    socket.on('run:fastForward', guarded(log, 'run:fastForward', fastForwardHandler(ctx, joined.room, joined.member), budget));
    socket.on('options:set', guarded(log, 'options:set', h.setOptions, budget));
    // Deprecated name (before 0.2), same handler and ack; removed in the next release.
    socket.on('demo:set', guarded(log, 'demo:set', h.setOptionsDeprecated, budget));
    socket.on('frames:subscribe', guarded(log, 'frames:subscribe', h.subscribe, budget));
    socket.on('room:lock', guarded(log, 'room:lock', h.lock, budget));
    socket.on('room:grant', guarded(log, 'room:grant', h.grant, budget));
    socket.on('members:list', guarded(log, 'members:list', h.listMembers, budget));
    socket.on('frames:rate', guarded(log, 'frames:rate', h.setFrameRate, budget));
    // Teaching: follow the presenter, a member's own views, the poll, raised hands (lectureHandlers.ts).
    const lecture = lectureHandlers(ctx, socket, joined);
    for (const event of Object.keys(lecture.events) as LectureEvent[]) socket.on(event, guarded(log, event, lecture.events[event], budget));
    socket.on('disconnect', lecture.leave);
    socket.on('disconnect', h.leave);
  });
}

/**
 * A change of the run's settings, as the skeleton runs it: the event's name, how to check its payload (value V, or
 * an error), the engine request that applies it, the ack once it is in effect, and what the room tells everyone
 * when something changed.
 */
interface ChangeSpec<V> {
  event: 'hp:set' | 'options:set' | 'demo:set';
  validate(payload: unknown): { ok: true; value: V } | Failure;
  request(value: V): RequestBody;
  acknowledge(value: V, result: ReplyResult): { ok: true; [key: string]: unknown };
  broadcast(changes: Record<string, [unknown, unknown]>, result: ReplyResult, by: { name: string; role: Joined['member']['role'] }): void;
}

/** The named handlers of one member's events. */
export function memberHandlers(ctx: RoomContext, socket: GradcastSocket, joined: Joined) {
  const { io, rooms, metrics, log } = ctx;
  const { room, member } = joined;
  const roomId = room.id;
  let channels = joined.channels;

  const count = (event: string, outcome: 'ok' | 'invalid' | 'forbidden' | 'error'): void => metrics.controlEvents.inc({ event, outcome });

  /** authorise → validate → apply → acknowledge → broadcast, shared by hp:set and options:set. */
  const changeHandler =
    <V>(spec: ChangeSpec<V>) =>
    async (payload: unknown, ack: AnyAck): Promise<void> => {
      if (!room.canControl(member)) {
        count(spec.event, 'forbidden');
        return ack(fail('forbidden', 'the room is locked: only the presenter (or a member granted control) can change the run'));
      }
      const checked = spec.validate(payload);
      if (!checked.ok) {
        count(spec.event, 'invalid');
        return ack(checked);
      }
      let result: ReplyResult;
      try {
        result = await rooms.request(room, spec.request(checked.value));
      } catch (err) {
        count(spec.event, 'error');
        return ack(engineFailure(err));
      }
      count(spec.event, 'ok');
      ack(spec.acknowledge(checked.value, result));
      const changes = result.changes ?? {};
      if (Object.keys(changes).length) spec.broadcast(changes, result, { name: member.name, role: member.role });
    };

  const hyperparameters: ChangeSpec<HyperparamPatch> = {
    event: 'hp:set',
    validate(payload) {
      const checked = validatePatch(payload, room.lesson.controls);
      return checked.ok ? { ok: true, value: checked.patch } : { ok: false, error: checked.error };
    },
    request: (patch) => ({ t: 'hp', roomId, patch }),
    acknowledge: (patch, result) => ({ ok: true, applied: patch, step: result.status.step }),
    broadcast(changes, result, by) {
      const { step, generation } = result.status;
      const marked = markedChanges({ kind: 'hp', changes }, []);
      if (Object.keys(marked).length) room.annotate({ step, generation, by, kind: 'hp', changes: marked, at: Date.now() });
      io.to(roomId).emit('hp:changed', { by, changes, step });
      log.info({ roomId, by: member.name, changes, step }, 'hyperparameters changed');
    },
  };

  const options = (event: 'options:set' | 'demo:set'): ChangeSpec<OptionValues> => ({
    event,
    validate(payload) {
      const specs = room.lesson.options;
      if (!specs?.length) return fail('unsupported', 'this lesson has no options of its own (use hp:set)');
      const checked = validateOptionValues(payload, specs);
      return checked.ok ? { ok: true, value: checked.values } : { ok: false, error: checked.error };
    },
    request: (values) => ({ t: 'options', roomId, values }),
    acknowledge: (values) => ({ ok: true, applied: values }),
    broadcast(changes, result, by) {
      // A hot option applied after `step` updates, like hp:set; a restarting one at step 0 of a new generation.
      const { step, generation } = result.status;
      const trains = room.lesson.trains;
      const change = { by, changes, ...(trains ? { step } : {}) };
      io.to(roomId).emit('options:changed', change);
      // Deprecated name, for clients of the last release; removed in the next one.
      io.to(roomId).emit('demo:changed', change);
      const marked = trains ? markedChanges({ kind: 'option', changes }, room.lesson.options ?? []) : {};
      if (Object.keys(marked).length) room.annotate({ step, generation, by, kind: 'option', changes: marked, at: Date.now() });
      // A training lesson's option may have restarted the run (step 0, new generation).
      rooms.publishStatus(room);
    },
  });

  return {
    setHyperparameters: changeHandler(hyperparameters),
    setOptions: changeHandler(options('options:set')),
    setOptionsDeprecated: changeHandler(options('demo:set')),

    async controlRun(payload: unknown, ack: AnyAck): Promise<void> {
      if (!room.canControl(member)) {
        count('run:control', 'forbidden');
        return ack(fail('forbidden', 'the room is locked: only the presenter (or a member granted control) can change the run'));
      }
      room.idlePaused = false;
      const parsed = controlSchema.safeParse(payload);
      if (!parsed.success) {
        count('run:control', 'invalid');
        return ack(fail('invalid', `run:control: ${zodMessage(parsed.error)} (actions: ${RUN_ACTIONS.join(', ')})`));
      }
      const { action } = parsed.data;
      let status;
      try {
        ({ status } = await rooms.request(room, { t: 'control', roomId, action }));
      } catch (err) {
        count('run:control', 'error');
        return ack(engineFailure(err));
      }
      count('run:control', 'ok');
      ack({ ok: true, applied: { action }, step: status.step, state: status.state, generation: status.generation });
      rooms.publishStatus(room);
      log.info({ roomId, by: member.name, action, step: status.step }, 'run control');
    },

    /**
     * Replaces the member's channels. A channel taken up again (views scrolled back into sight) starts from its
     * latest frame, from the room (a static channel, the history whole) or, for a costly channel the worker has not
     * been making, from the worker once.
     */
    subscribe(payload: unknown, ack: AnyAck): void {
      const parsed = subscribeSchema.safeParse(payload);
      if (!parsed.success) return ack(fail('invalid', `frames:subscribe: ${zodMessage(parsed.error)}`));
      const next = parsed.data.channels.filter((c) => room.lesson.channels.includes(c));
      const added = next.filter((c) => !channels.includes(c));
      channels = next;
      const pacer = rooms.pacer(roomId);
      if (added.length) {
        sendFramesTo(socket, room.frames.held(added, room.status).map((f) => f.bytes));
        const framed = channelsToFrame(room.lesson, new Set<Channel>(pacer?.channels() ?? []));
        takeUp(ctx, socket, room, room.frames.stale(added, framed, room.status));
      }
      pacer?.subscribe(socket, channels);
      ack({ ok: true, channels: next });
    },

    lock(payload: unknown, ack: AnyAck): void {
      if (!canAdminister(member)) return ack(fail('forbidden', 'only the presenter can lock or unlock the room'));
      const parsed = lockSchema.safeParse(payload);
      if (!parsed.success) return ack(fail('invalid', `room:lock: ${zodMessage(parsed.error)}`));
      room.locked = parsed.data.locked;
      ack({ ok: true });
      rooms.publishMembers(room, true);
    },

    grant(payload: unknown, ack: AnyAck): void {
      if (!canAdminister(member)) return ack(fail('forbidden', 'only the presenter can grant control'));
      const parsed = grantSchema.safeParse(payload);
      if (!parsed.success) return ack(fail('invalid', `room:grant: ${zodMessage(parsed.error)}`));
      const target = room.members.get(parsed.data.memberId);
      if (!target) return ack(fail('not_found', 'no such member in this room'));
      target.granted = parsed.data.control;
      ack({ ok: true });
      io.to(target.socketId).emit('room:you', room.info(target));
      rooms.publishMembers(room);
    },

    /** The most frames a second this member's page can draw: it joins the group paced at that rate. */
    setFrameRate(payload: unknown, ack: AnyAck): void {
      const parsed = rateSchema.safeParse(payload);
      if (!parsed.success) return ack(fail('invalid', `frames:rate: ${zodMessage(parsed.error)}`));
      const pacer = rooms.pacer(roomId);
      if (!pacer) return ack(fail('not_found', 'the room is closing'));
      ack({ ok: true, fps: pacer.setRate(socket, parsed.data.fps) });
    },

    /** A page of everyone in the room, for the presenter's panel (others only ever hear the people who matter). */
    listMembers(payload: unknown, ack: AnyAck): void {
      if (!canAdminister(member)) return ack(fail('forbidden', 'only the presenter can list every member'));
      const parsed = listSchema.safeParse(payload);
      if (!parsed.success) return ack(fail('invalid', `members:list: ${zodMessage(parsed.error)}`));
      ack({ ok: true, total: room.viewers, members: room.memberPage(parsed.data.offset, parsed.data.limit) });
    },

    leave(): void {
      rooms.pacer(roomId)?.unsubscribe(socket);
      room.remove(member.id);
      metrics.members.dec();
      rooms.publishMembers(room);
    },
  };
}
