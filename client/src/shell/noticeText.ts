/**
 * The room's notices (ChangeNotices.svelte): a short line for everyone on each change of the run ("Asha: lr 2→0.355",
 * from hp:changed and options:changed, in the change markers' words), and a line to a member whose rights changed.
 */
import type { LessonOption, MemberInfo, Role } from '@gradcast/shared';
import { changesText } from '../charts/markerLabel.ts';

/** "Asha: lr 2→0.355"; a drawing is named, not written out. "" when nothing is worth a line. */
export function changeNotice(
  change: { by: { name: string; role: Role }; changes: Record<string, readonly [unknown, unknown]> },
  controls: readonly LessonOption[] = [],
): string {
  const what = changesText(change.changes, controls);
  return what ? `${change.by.name}: ${what}` : '';
}

/** A member's own change needs no notice: they made it. */
export function madeBy(change: { by: { name: string; role: Role } }, you: MemberInfo | null): boolean {
  return !!you && change.by.name === you.name && change.by.role === you.role;
}

/** What a member hears when their right to change the run comes or goes; "" when it did not change. */
export function rightsNotice(before: MemberInfo | null, after: MemberInfo | null, locked: boolean): string {
  if (!before || !after || after.role === 'presenter' || before.canControl === after.canControl) return '';
  if (after.canControl) return locked ? 'The presenter gave you control of the run' : 'The presenter unlocked the room: you can change the run';
  return locked ? 'You no longer control the run: the presenter has it' : 'You no longer control the run';
}
