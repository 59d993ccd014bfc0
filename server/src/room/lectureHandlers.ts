/**
 * The teaching events of one member (docs/protocol.md "Lecture"): the presenter's view relayed to followers
 * (`view:follow`), a member's own computation of the lesson's views (`view:explore`), the poll (`poll:open`,
 * `poll:answer`, `poll:reveal`, `poll:close`) and raised hands (`hand:raise`, `hands:lower`). Each validates, checks
 * the role where it is the presenter's, acknowledges, then tells the room through the room's pacing (lecture.ts):
 * to everyone as one broadcast, to presenters one by one (a room has a few). A bad payload gets an error ack and
 * changes nothing.
 */
import { type ErrorBody, type FollowView, validateOptionValues } from '@gradcast/shared';
import { exploreOptions } from '@gradcast/shared/exploreOptions';
import type { GradcastSocket } from './io.ts';
import { type Joined, type RoomContext, zodMessage } from './join.ts';
import { MEMBER_EXPLORE_BURST, MEMBER_EXPLORE_PER_SECOND } from './lecture.ts';
import { followSchema } from './follow.ts';
import { lowerSchema, raiseSchema } from './hands.ts';
import { answerSchema, openSchema, Poll, pollIdSchema } from './poll.ts';
import { canAdminister } from './roles.ts';
import type { Room } from './room.ts';
import { TokenBucket } from './tokenBucket.ts';
import { EngineError } from '../engine/client.ts';

type AnyAck = (res: { ok: true; [key: string]: unknown } | { ok: false; error: ErrorBody }) => void;
type Handler = (payload: unknown, ack: AnyAck) => Promise<void> | void;

const fail = (code: ErrorBody['code'], message: string) => ({ ok: false as const, error: { code, message } });

/** The client → server events these handlers answer, by name. */
export type LectureEvent = 'view:follow' | 'view:explore' | 'poll:open' | 'poll:answer' | 'poll:reveal' | 'poll:close' | 'hand:raise' | 'hands:lower';

/** Presenters of `room`: the members who hear tallies and hands. */
function presenters(room: Room): string[] {
  return [...room.members.values()].filter((m) => m.role === 'presenter').map((m) => m.socketId);
}

/** Tells everyone the room's poll (counts to presenters; to the rest only once revealed), paced. */
export function publishPoll(ctx: RoomContext, room: Room): void {
  room.lecture.pollPace.schedule(() => {
    const poll = room.lecture.poll;
    const hosts = presenters(room);
    ctx.io.to(room.id).except(hosts).emit('poll:state', poll ? poll.view(false) : null);
    if (hosts.length) ctx.io.to(hosts).emit('poll:state', poll ? poll.view(true) : null);
  });
}

/** Tells presenters who has a hand up, paced. */
export function publishHands(ctx: RoomContext, room: Room): void {
  room.lecture.handsPace.schedule(() => {
    const hosts = presenters(room);
    if (hosts.length) ctx.io.to(hosts).emit('hands:state', room.lecture.hands.view());
  });
}

export function lectureHandlers(ctx: RoomContext, socket: GradcastSocket, joined: Joined) {
  const { io, rooms } = ctx;
  const { room, member } = joined;
  const lecture = room.lecture;
  const explores = new TokenBucket(MEMBER_EXPLORE_BURST, MEMBER_EXPLORE_PER_SECOND);
  const presenterOnly = (what: string) => fail('forbidden', `only the presenter can ${what}`);

  const events: Record<LectureEvent, Handler> = {
    'view:follow'(payload, ack) {
      if (!canAdminister(member)) return ack(presenterOnly('lead the view'));
      const parsed = followSchema.safeParse(payload);
      if (!parsed.success) return ack(fail('invalid', `view:follow: ${zodMessage(parsed.error)}`));
      const relay = lecture.followRelay((view: FollowView, volatile: boolean) => {
        if (volatile) io.to(room.id).volatile.emit('view:follow', view);
        else io.to(room.id).emit('view:follow', view);
      });
      relay.update(parsed.data as FollowView);
      ack({ ok: true });
    },

    async 'view:explore'(payload, ack) {
      const specs = exploreOptions(room.lesson);
      if (!specs.length) return ack(fail('unsupported', 'this lesson has no sample or drawing to explore'));
      const checked = validateOptionValues(payload, specs);
      if (!checked.ok) return ack(fail('invalid', `view:explore: ${checked.error.message}`));
      if (!explores.take()) return ack(fail('unavailable', `too many view:explore requests: at most ${MEMBER_EXPLORE_PER_SECOND} a second`));
      if (!lecture.exploreBudget.take()) return ack(fail('unavailable', 'the room is busy with other members’ views: try again in a moment'));
      try {
        // The engine answers with frames for this member only (`own`): the room's frames and run are untouched.
        const result = await rooms.request(room, { t: 'explore', roomId: room.id, values: checked.values });
        ack({ ok: true, frames: (result.own ?? []).map((f) => Buffer.from(f.bytes)) });
      } catch (err) {
        if (err instanceof EngineError) return ack(fail(err.code, err.message));
        throw err;
      }
    },

    'poll:open'(payload, ack) {
      if (!canAdminister(member)) return ack(presenterOnly('ask a poll'));
      const parsed = openSchema.safeParse(payload);
      if (!parsed.success) return ack(fail('invalid', `poll:open: ${zodMessage(parsed.error)}`));
      lecture.poll = new Poll(parsed.data.question, parsed.data.options);
      ack({ ok: true, poll: lecture.poll.view(true, member.id) });
      publishPoll(ctx, room);
    },

    'poll:answer'(payload, ack) {
      const parsed = answerSchema.safeParse(payload);
      if (!parsed.success) return ack(fail('invalid', `poll:answer: ${zodMessage(parsed.error)}`));
      const poll = lecture.poll;
      if (!poll) return ack(fail('not_found', 'there is no poll now'));
      const refused = poll.answer(member.id, parsed.data.id, parsed.data.choice);
      if (refused) return ack(fail(refused.code, refused.message));
      ack({ ok: true, choice: parsed.data.choice });
      publishPoll(ctx, room);
    },

    'poll:reveal'(payload, ack) {
      if (!canAdminister(member)) return ack(presenterOnly('reveal the answers'));
      const poll = current(payload, ack);
      if (!poll) return;
      poll.reveal();
      ack({ ok: true });
      publishPoll(ctx, room);
    },

    'poll:close'(payload, ack) {
      if (!canAdminister(member)) return ack(presenterOnly('close the poll'));
      if (!current(payload, ack)) return;
      lecture.poll = null;
      ack({ ok: true });
      publishPoll(ctx, room);
    },

    'hand:raise'(payload, ack) {
      const parsed = raiseSchema.safeParse(payload);
      if (!parsed.success) return ack(fail('invalid', `hand:raise: ${zodMessage(parsed.error)}`));
      const changed = lecture.hands.set(member.id, member.name, parsed.data.raised);
      ack({ ok: true });
      if (changed) publishHands(ctx, room);
    },

    'hands:lower'(payload, ack) {
      if (!canAdminister(member)) return ack(presenterOnly('lower hands'));
      const parsed = lowerSchema.safeParse(payload ?? {});
      if (!parsed.success) return ack(fail('invalid', `hands:lower: ${zodMessage(parsed.error)}`));
      const { memberId } = parsed.data;
      if (memberId !== undefined && !lecture.hands.has(memberId)) return ack(fail('not_found', 'that member’s hand is not raised'));
      const lowered = lecture.hands.lower(memberId);
      ack({ ok: true });
      for (const id of lowered) {
        const m = room.members.get(id);
        if (m) io.to(m.socketId).emit('hand:you', { raised: false });
      }
      if (lowered.length) publishHands(ctx, room);
    },
  };

  /** The poll a presenter's reveal or close names: the room's current one, else an error ack. */
  function current(payload: unknown, ack: AnyAck): Poll | null {
    const parsed = pollIdSchema.safeParse(payload);
    if (!parsed.success) {
      ack(fail('invalid', `poll: ${zodMessage(parsed.error)}`));
      return null;
    }
    if (!lecture.poll || lecture.poll.id !== parsed.data.id) {
      ack(fail('not_found', 'that poll is not the room’s poll now'));
      return null;
    }
    return lecture.poll;
  }

  return {
    events,
    /** The member left: their hand goes down, their open answer goes. */
    leave(): void {
      const changed = lecture.leave(member.id);
      if (changed.poll) publishPoll(ctx, room);
      if (changed.hands) publishHands(ctx, room);
    },
  };
}
