import { describe, expect, it } from 'vitest';
import type { MemberInfo, MembersUpdate } from '@gradcast/shared';
import { applyMembers, roomSize } from './members.ts';

const presenter: MemberInfo = { id: 'p', name: 'Prof', role: 'presenter', canControl: true };
const alice: MemberInfo = { id: 'a', name: 'Alice', role: 'viewer', canControl: true };

describe('applyMembers', () => {
  it('takes the room size from viewers, not from the short list', () => {
    const update: MembersUpdate = { viewers: 812, locked: true, members: [presenter, alice] };
    const p = applyMembers(update, presenter);
    expect(p.viewers).toBe(812);
    expect(p.members).toHaveLength(2);
    expect(p.locked).toBe(true);
  });

  it('refreshes you from the short list when it is there', () => {
    const stale: MemberInfo = { ...alice, canControl: false };
    const p = applyMembers({ viewers: 3, locked: true, members: [presenter, alice] }, stale);
    expect(p.you).toEqual(alice);
  });

  it('keeps you when the short list does not name you (an ordinary viewer of a big room)', () => {
    const me: MemberInfo = { id: 'v', name: 'Bob', role: 'viewer', canControl: false };
    const p = applyMembers({ viewers: 1000, locked: false, members: [presenter] }, me);
    expect(p.you).toBe(me);
    expect(p.viewers).toBe(1000);
    expect(p.locked).toBe(false);
  });

  it('keeps a null you null', () => {
    expect(applyMembers({ viewers: 1, locked: true, members: [presenter] }, null).you).toBeNull();
  });
});

describe('roomSize', () => {
  it('is viewers when it is a count', () => {
    expect(roomSize(41, [presenter])).toBe(41);
  });
  it('is never fewer than the members listed', () => {
    expect(roomSize(1, [presenter, alice])).toBe(2);
  });
  it('falls back to the list without a usable count (an older server)', () => {
    expect(roomSize(undefined, [presenter, alice])).toBe(2);
    expect(roomSize(Number.NaN, [presenter])).toBe(1);
    expect(roomSize('12', [])).toBe(0);
  });
});
