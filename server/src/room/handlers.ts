/**
 * Socket.IO handlers: join by handshake, then control events. Every handler follows the same order:
 * validate the payload and the sender's role, ask the engine, ack, then broadcast. A bad payload gets an
 * error ack and changes nothing; nothing a client sends can throw out of a handler.
 */
import type { Channel, ErrorBody, JoinAuth, RunAction } from '@gradcast/shared';
import { CHANNELS, markedChanges, RUN_ACTIONS, validateOptionValues, validatePatch } from '@gradcast/shared';
import type { Logger } from 'pino';
import { z } from 'zod';
import { EngineError } from '../engine/client.ts';
import type { Metrics } from '../metrics.ts';
import type { GradcastServer } from './io.ts';
import { canAdminister, type Member } from './roles.ts';
import { newMemberId, type Room } from './room.ts';
import type { Rooms } from './rooms.ts';

const authSchema = z.object({
  roomId: z.string().min(1).max(64),
  name: z.string().trim().max(40).optional(),
  presenterKey: z.string().max(128).optional(),
});
const controlSchema = z.object({ action: z.enum(RUN_ACTIONS as [RunAction, ...RunAction[]]) });
const subscribeSchema = z.object({ channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length) });
const lockSchema = z.object({ locked: z.boolean() });
const grantSchema = z.object({ memberId: z.string().min(1).max(64), control: z.boolean() });

type AnyAck = (res: { ok: true; [key: string]: unknown } | { ok: false; error: ErrorBody }) => void;

const fail = (code: ErrorBody['code'], message: string): { ok: false; error: ErrorBody } => ({
  ok: false,
  error: { code, message },
});

function engineFailure(err: unknown): { ok: false; error: ErrorBody } {
  if (err instanceof EngineError) {
    const code = err.code === 'not_found' ? 'not_found' : err.code === 'internal' ? 'internal' : err.code;
    return fail(code, err.message);
  }
  return fail('internal', err instanceof Error ? err.message : String(err));
}

/** Wraps a handler: tolerates a missing ack callback and turns any throw into an `internal` error ack. */
function guarded<P>(log: Logger, event: string, fn: (payload: P, ack: AnyAck) => Promise<void>) {
  return (payload: P, maybeAck?: unknown): void => {
    const ack: AnyAck = typeof maybeAck === 'function' ? (maybeAck as AnyAck) : () => {};
    fn(payload, ack).catch((err: unknown) => {
      log.error({ err, event }, 'handler failed');
      ack(fail('internal', 'internal error'));
    });
  };
}

function zodMessage(err: z.ZodError): string {
  const issue = err.issues[0];
  if (!issue) return 'invalid payload';
  return issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

export function registerHandlers(io: GradcastServer, rooms: Rooms, metrics: Metrics, log: Logger): void {
  // Join by handshake: refused with a connect_error whose message says why.
  io.use((socket, next) => {
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
    const memberId = newMemberId();
    socket.data = {
      roomId: room.id,
      memberId,
      role,
      name: auth.name || (role === 'presenter' ? 'Presenter' : `Viewer ${memberId.slice(0, 4)}`),
    };
    next();
  });

  io.on('connection', (socket) => {
    const started = performance.now();
    const { roomId, memberId, name, role } = socket.data;
    const room = rooms.get(roomId);
    if (!room) {
      socket.disconnect(true);
      return;
    }
    const member: Member = { id: memberId, socketId: socket.id, name, role, granted: false };
    room.add(member);
    metrics.members.inc();
    rooms.wake(room).catch((err: unknown) => log.warn({ err, roomId }, 'resume on join failed'));
    void socket.join(roomId);
    let channels: Channel[] = [...room.lesson.channels];
    broadcastMembers(io, room);

    // Snapshot first, then subscribe: every live frame after it is newer than what the snapshot holds.
    rooms.engine
      .request({ t: 'snapshot', roomId })
      .then(({ status, frames }) => {
        if (!socket.connected) return;
        room.status = status;
        const wanted = new Set(channels);
        const bytes = (frames ?? []).filter((f) => wanted.has(f.channel)).map((f) => Buffer.from(f.bytes));
        socket.emit(
          'room:snapshot',
          {
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
            members: room.memberList(),
            annotations: [...room.annotations],
            backend: rooms.engine.backend.name,
            ...(room.options ? { options: room.options, demo: room.options } : {}),
          },
          bytes,
        );
        rooms.pacer(roomId)?.subscribe(socket, channels);
        metrics.joinSeconds.observe((performance.now() - started) / 1000);
      })
      .catch((err: unknown) => {
        log.warn({ err, roomId }, 'snapshot failed');
        socket.emit('room:you', room.info(member));
      });

    const requireControl = (ack: AnyAck, event: string): boolean => {
      if (room.canControl(member)) return true;
      metrics.controlEvents.inc({ event, outcome: 'forbidden' });
      ack(fail('forbidden', 'the room is locked: only the presenter (or a member granted control) can change the run'));
      return false;
    };

    socket.on(
      'hp:set',
      guarded<unknown>(log, 'hp:set', async (payload, ack) => {
        if (!requireControl(ack, 'hp:set')) return;
        const checked = validatePatch(payload, room.lesson.controls);
        if (!checked.ok) {
          metrics.controlEvents.inc({ event: 'hp:set', outcome: 'invalid' });
          return ack({ ok: false, error: checked.error });
        }
        let result;
        try {
          result = await rooms.engine.request({ t: 'hp', roomId, patch: checked.patch });
        } catch (err) {
          metrics.controlEvents.inc({ event: 'hp:set', outcome: 'error' });
          return ack(engineFailure(err));
        }
        room.hp = result.hp;
        room.status = result.status;
        const changes = result.changes ?? {};
        const step = result.status.step;
        metrics.controlEvents.inc({ event: 'hp:set', outcome: 'ok' });
        ack({ ok: true, applied: checked.patch, step });
        if (Object.keys(changes).length === 0) return;
        const by = { name: member.name, role: member.role };
        const marked = markedChanges({ kind: 'hp', changes }, []);
        if (Object.keys(marked).length) room.annotate({ step, generation: result.status.generation, by, kind: 'hp', changes: marked, at: Date.now() });
        io.to(roomId).emit('hp:changed', { by, changes, step });
        log.info({ roomId, by: member.name, changes, step }, 'hyperparameters changed');
      }),
    );

    socket.on(
      'run:control',
      guarded<unknown>(log, 'run:control', async (payload, ack) => {
        if (!requireControl(ack, 'run:control')) return;
        room.idlePaused = false;
        const parsed = controlSchema.safeParse(payload);
        if (!parsed.success) {
          metrics.controlEvents.inc({ event: 'run:control', outcome: 'invalid' });
          return ack(fail('invalid', `run:control: ${zodMessage(parsed.error)} (actions: ${RUN_ACTIONS.join(', ')})`));
        }
        const { action } = parsed.data;
        let result;
        try {
          result = await rooms.engine.request({ t: 'control', roomId, action });
        } catch (err) {
          metrics.controlEvents.inc({ event: 'run:control', outcome: 'error' });
          return ack(engineFailure(err));
        }
        const { status } = result;
        metrics.controlEvents.inc({ event: 'run:control', outcome: 'ok' });
        ack({ ok: true, applied: { action }, step: status.step, state: status.state, generation: status.generation });
        rooms.publishStatus(room, status);
        log.info({ roomId, by: member.name, action, step: status.step }, 'run control');
      }),
    );

    const setOptions = (event: 'options:set' | 'demo:set') =>
      guarded<unknown>(log, event, async (payload, ack) => {
        if (!requireControl(ack, event)) return;
        const controls = room.lesson.options;
        if (!controls?.length) return ack(fail('unsupported', 'this lesson has no options of its own (use hp:set)'));
        const checked = validateOptionValues(payload, controls);
        if (!checked.ok) return ack({ ok: false, error: checked.error });
        let result;
        try {
          result = await rooms.engine.request({ t: 'options', roomId, values: checked.values });
        } catch (err) {
          return ack(engineFailure(err));
        }
        room.options = result.options;
        ack({ ok: true, applied: checked.values });
        const changes = result.changes ?? {};
        if (Object.keys(changes).length) {
          const by = { name: member.name, role: member.role };
          // A hot option applied after `step` updates, like hp:set; a restarting one at step 0 of a new generation.
          const { step, generation } = result.status;
          const change = { by, changes, ...(room.lesson.trains ? { step } : {}) };
          io.to(roomId).emit('options:changed', change);
          // Deprecated name, for clients of the last release; removed in the next one.
          io.to(roomId).emit('demo:changed', change);
          const marked = room.lesson.trains ? markedChanges({ kind: 'option', changes }, controls) : {};
          if (Object.keys(marked).length) room.annotate({ step, generation, by, kind: 'option', changes: marked, at: Date.now() });
          // A training lesson's option may have restarted the run (step 0, new generation).
          rooms.publishStatus(room, result.status);
        }
      });
    socket.on('options:set', setOptions('options:set'));
    // Deprecated name (before 0.2), same handler; removed in the next release.
    socket.on('demo:set', setOptions('demo:set'));

    socket.on(
      'frames:subscribe',
      guarded<unknown>(log, 'frames:subscribe', async (payload, ack) => {
        const parsed = subscribeSchema.safeParse(payload);
        if (!parsed.success) return ack(fail('invalid', `frames:subscribe: ${zodMessage(parsed.error)}`));
        const next = parsed.data.channels.filter((c) => room.lesson.channels.includes(c));
        const added = new Set(next.filter((c) => !channels.includes(c)));
        channels = next;
        if (added.size) {
          // A channel taken up again (views scrolled back into sight) starts from its latest frame: a paused
          // run's views, or a static channel, would otherwise not come again until the run changes.
          try {
            const { frames } = await rooms.engine.request({ t: 'snapshot', roomId });
            const bytes = (frames ?? []).filter((f) => added.has(f.channel)).map((f) => Buffer.from(f.bytes));
            if (bytes.length && socket.connected) socket.emit('frames', bytes);
          } catch (err) {
            log.warn({ err, roomId }, 'frames for a new subscription failed');
          }
        }
        rooms.pacer(roomId)?.subscribe(socket, channels);
        ack({ ok: true, channels: next });
      }),
    );

    socket.on(
      'room:lock',
      guarded<unknown>(log, 'room:lock', async (payload, ack) => {
        if (!canAdminister(member)) return ack(fail('forbidden', 'only the presenter can lock or unlock the room'));
        const parsed = lockSchema.safeParse(payload);
        if (!parsed.success) return ack(fail('invalid', `room:lock: ${zodMessage(parsed.error)}`));
        room.locked = parsed.data.locked;
        ack({ ok: true });
        broadcastMembers(io, room, true);
      }),
    );

    socket.on(
      'room:grant',
      guarded<unknown>(log, 'room:grant', async (payload, ack) => {
        if (!canAdminister(member)) return ack(fail('forbidden', 'only the presenter can grant control'));
        const parsed = grantSchema.safeParse(payload);
        if (!parsed.success) return ack(fail('invalid', `room:grant: ${zodMessage(parsed.error)}`));
        const target = room.members.get(parsed.data.memberId);
        if (!target) return ack(fail('not_found', 'no such member in this room'));
        target.granted = parsed.data.control;
        ack({ ok: true });
        io.to(target.socketId).emit('room:you', room.info(target));
        broadcastMembers(io, room);
      }),
    );

    socket.on('disconnect', () => {
      rooms.pacer(roomId)?.unsubscribe(socket);
      room.remove(memberId);
      metrics.members.dec();
      broadcastMembers(io, room);
    });
  });
}

/** Tells every member who is here; with `rights`, also tells each member its own (changed) rights. */
function broadcastMembers(io: GradcastServer, room: Room, rights = false): void {
  io.to(room.id).emit('room:members', { viewers: room.viewers, locked: room.locked, members: room.memberList() });
  if (rights) for (const m of room.members.values()) io.to(m.socketId).emit('room:you', room.info(m));
}
