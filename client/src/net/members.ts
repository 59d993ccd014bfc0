/**
 * Who is in the room, as the page keeps it. The server sends `room:members` (coalesced, about twice a second at
 * most) and the snapshot with `members` holding only the people who matter (the presenter, members granted
 * control; at most MEMBERS_SHOWN, presenter first) and `viewers`, everyone in the room: the room's size is
 * `viewers`, never `members.length`. The whole list is paged on demand with `members:list` (the presenter's).
 */
import type { MemberInfo, MembersUpdate } from '@gradcast/shared';

export interface Presence {
  /** Everyone in the room, the presenter included. */
  viewers: number;
  locked: boolean;
  /** The short list: presenter first, then members granted control. */
  members: MemberInfo[];
  /** This page's member, refreshed from the short list when it is there (room:you tells its rights otherwise). */
  you: MemberInfo | null;
}

/**
 * The room's size from a members update or snapshot: its `viewers`, never fewer than the people it lists (an older
 * server without the field, or a malformed count, falls back to the list's length).
 */
export function roomSize(viewers: unknown, members: readonly MemberInfo[]): number {
  const n = typeof viewers === 'number' && Number.isFinite(viewers) ? Math.floor(viewers) : 0;
  return Math.max(n, members.length);
}

/** The presence after a `room:members`; `you` keeps its value unless the short list names this page's member. */
export function applyMembers(update: MembersUpdate, you: MemberInfo | null): Presence {
  const me = you ? update.members.find((m) => m.id === you.id) : undefined;
  return {
    viewers: roomSize(update.viewers, update.members),
    locked: update.locked,
    members: update.members,
    you: me ?? you,
  };
}
