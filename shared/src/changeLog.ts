/**
 * A room's change log (the snapshot's `annotations`): each hyperparameter change, and each hot lesson option that
 * shapes the training, with the step it took effect at (the number of updates done before it applied) and the
 * model generation it applied to. Late joiners draw their loss chart's change markers from it, so it holds the
 * changes along the history the charts show now, and a new generation edits it as it edits that history:
 *  - a generation that starts at step s > 0 keeps the history up to s (a revert to the checkpoint at step s, or
 *    a rebuild such as batch norm on, which goes on from the current step): entries at steps ≤ s stay, later
 *    ones go;
 *  - a generation that starts at step 0 (reset, a restarting option, a revert to the step-0 checkpoint) starts
 *    a history of its own: the log empties.
 * One class, one rule: the server's room (server/src/room/room.ts) and each client's session keep their log with it,
 * the client told each generation's start step by run:status (RunStatus.start). Which changes get an entry at all is
 * markedChanges (annotations.ts).
 */
import type { Annotation } from './protocol.ts';

/** Entries kept; older ones go first (a lecture makes a few dozen changes). */
const MAX_CHANGES = 500;

export class ChangeLog {
  #entries: Annotation[] = [];

  constructor(private readonly max = MAX_CHANGES) {}

  /** Oldest first. */
  get entries(): readonly Annotation[] {
    return this.#entries;
  }

  add(a: Annotation): void {
    this.#entries.push(a);
    if (this.#entries.length > this.max) this.#entries.splice(0, this.#entries.length - this.max);
  }

  /** A new generation started at `step` (its first update is update step + 1). */
  restartAt(step: number): void {
    this.#entries = step > 0 ? this.#entries.filter((a) => a.step <= step) : [];
  }
}
