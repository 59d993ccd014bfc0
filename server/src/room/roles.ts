/**
 * Who may change a run. A room starts locked: only its presenter, and members the presenter grants control,
 * may send hp:set and run:control. Unlocked, every member may. Lock and grant are presenter-only.
 */
import type { MemberInfo, Role } from '@gradcast/shared';

export interface Member {
  id: string;
  socketId: string;
  name: string;
  role: Role;
  /** Control granted by the presenter while the room is locked. */
  granted: boolean;
}

export function canControl(member: Member, locked: boolean): boolean {
  return member.role === 'presenter' || !locked || member.granted;
}

export function canAdminister(member: Member): boolean {
  return member.role === 'presenter';
}

export function memberInfo(member: Member, locked: boolean): MemberInfo {
  return { id: member.id, name: member.name, role: member.role, canControl: canControl(member, locked) };
}
