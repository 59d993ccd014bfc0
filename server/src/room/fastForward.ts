/**
 * run:fastForward (issue 12): a member who may control the run (the same roles as run:control) trains the room at full
 * speed to a step, or to the end of an epoch, and the run pauses there. The engine does the stepping and stops exactly
 * at the target (engine/fastForward.ts). Every member sees the progress in run:status (`forward`, sent every
 * FORWARD_STATUS_MS while it lasts: rooms.ts) and hears how it ended in a reliable run:fastForwarded (rooms.ts).
 *
 * Checked in this order, each refusal changing nothing: the sender's role (`forbidden`), a demo lesson
 * (`unsupported`), the payload (`invalid`); then the engine, which knows where the run is, refuses a target that is
 * not ahead (`conflict`), one too far ahead (`invalid`, FAST_FORWARD_MAX_STEPS) and a diverged run (`conflict`).
 */
import type { ErrorBody, FastForwardAck, FastForwardTarget } from '@gradcast/shared';
import { EngineError } from '../engine/client.ts';
import type { RoomContext } from './join.ts';
import type { Member } from './roles.ts';
import type { Room } from './room.ts';

const fail = (code: ErrorBody['code'], message: string): { ok: false; error: ErrorBody } => ({ ok: false, error: { code, message } });

const EXPECTED = 'expected { toStep: n } or { toEpoch: n }';

/** The target of a run:fastForward payload, or why it is not one: exactly one of toStep, toEpoch, a whole number ≥ 1. */
export function parseTarget(payload: unknown): { ok: true; target: FastForwardTarget } | { ok: false; message: string } {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return { ok: false, message: `run:fastForward: ${EXPECTED}` };
  const entries = Object.entries(payload);
  const unknown = entries.find(([k]) => k !== 'toStep' && k !== 'toEpoch');
  if (unknown) return { ok: false, message: `run:fastForward: unknown field "${unknown[0]}" (${EXPECTED})` };
  if (entries.length !== 1) return { ok: false, message: `run:fastForward: give one of toStep and toEpoch, not ${entries.length ? 'both' : 'neither'}` };
  const [[name, value]] = entries as [[string, unknown]];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    return { ok: false, message: `run:fastForward: ${name} must be a whole number ≥ 1 (got ${JSON.stringify(value) ?? String(value)})` };
  }
  return { ok: true, target: name === 'toStep' ? { toStep: value } : { toEpoch: value } };
}

/** The run:fastForward handler of one member: authorise → validate → start (engine) → acknowledge → status to all. */
export function fastForwardHandler(ctx: RoomContext, room: Room, member: Member) {
  const { rooms, metrics, log } = ctx;
  const count = (outcome: 'ok' | 'invalid' | 'forbidden' | 'error'): void => metrics.controlEvents.inc({ event: 'run:fastForward', outcome });
  return async (payload: unknown, ack: (res: FastForwardAck) => void): Promise<void> => {
    if (!room.canControl(member)) {
      count('forbidden');
      return ack(fail('forbidden', 'the room is locked: only the presenter (or a member granted control) can change the run'));
    }
    if (!room.lesson.trains) {
      count('invalid');
      return ack(fail('unsupported', 'this lesson is a demo: it has no run to fast-forward'));
    }
    const parsed = parseTarget(payload);
    if (!parsed.ok) {
      count('invalid');
      return ack(fail('invalid', parsed.message));
    }
    let status;
    try {
      ({ status } = await rooms.request(room, { t: 'forward', roomId: room.id, target: parsed.target, by: { name: member.name, role: member.role } }));
    } catch (err) {
      count('error');
      if (err instanceof EngineError) return ack(fail(err.code, err.message));
      return ack(fail('internal', err instanceof Error ? err.message : String(err)));
    }
    // The engine answers before it steps again, so the fast-forward it started is still under way.
    if (!status.forward) return ack(fail('internal', 'the fast-forward did not start'));
    count('ok');
    room.idlePaused = false;
    ack({ ok: true, forward: status.forward, step: status.step, state: status.state, generation: status.generation });
    rooms.publishStatus(room);
    log.info({ roomId: room.id, by: member.name, from: status.forward.from, to: status.forward.to }, 'fast-forward');
  };
}
