/**
 * What a room holds for teaching, beside the run: the presenter's view that followers mirror (follow.ts), the poll
 * (poll.ts), raised hands (hands.ts), and the pacing of what members hear about them: tallies and hands at most
 * 2 a second (POLL_INTERVAL_MS), whatever the rate of answers, and the room-wide budget of members' own view
 * computations (view:explore), which take the training thread's time.
 */
import { type FollowView, type MemberInfo, POLL_INTERVAL_MS, type RoomSnapshot } from '@gradcast/shared';
import { Coalescer } from './coalescer.ts';
import { FollowRelay } from './follow.ts';
import { Hands } from './hands.ts';
import type { Poll } from './poll.ts';
import { TokenBucket } from './tokenBucket.ts';

/** Members' view:explore computations one room may ask of its training thread: a burst, then per second. */
export const ROOM_EXPLORE_BURST = 8;
export const ROOM_EXPLORE_PER_SECOND = 4;
/** One member's view:explore requests: a burst, then per second. */
export const MEMBER_EXPLORE_BURST = 3;
export const MEMBER_EXPLORE_PER_SECOND = 1;

export class Lecture {
  poll: Poll | null = null;
  readonly hands = new Hands();
  readonly pollPace = new Coalescer(POLL_INTERVAL_MS);
  readonly handsPace = new Coalescer(POLL_INTERVAL_MS);
  readonly exploreBudget = new TokenBucket(ROOM_EXPLORE_BURST, ROOM_EXPLORE_PER_SECOND);
  #follow: FollowRelay | null = null;

  /** The presenter's latest view (empty before any). */
  get followView(): FollowView {
    return this.#follow?.view ?? {};
  }

  /** The relay of the presenter's view, made on the first `view:follow` with how it reaches the room. */
  followRelay(send: (view: FollowView, volatile: boolean) => void): FollowRelay {
    this.#follow ??= new FollowRelay(send);
    return this.#follow;
  }

  /** The snapshot's lecture fields for `member`: the view to start from, the poll with their answer, their hand. */
  snapshotFor(member: Pick<MemberInfo, 'id' | 'role'>): Pick<RoomSnapshot, 'follow' | 'poll' | 'hand' | 'hands'> {
    const presenter = member.role === 'presenter';
    const follow = this.followView;
    return {
      ...(Object.keys(follow).length ? { follow } : {}),
      ...(this.poll ? { poll: this.poll.view(presenter, member.id) } : {}),
      hand: this.hands.has(member.id),
      ...(presenter ? { hands: this.hands.view() } : {}),
    };
  }

  /** A member left: their hand goes down, and their answer goes while the poll is open. What changed. */
  leave(memberId: string): { poll: boolean; hands: boolean } {
    return { poll: this.poll?.drop(memberId) ?? false, hands: this.hands.lower(memberId).length > 0 };
  }

  close(): void {
    this.pollPace.cancel();
    this.handsPace.cancel();
    this.#follow?.close();
  }
}
