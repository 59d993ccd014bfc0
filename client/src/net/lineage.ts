/**
 * Where each model generation seen since joining began, in optimizer steps. A new generation keeps the history up
 * to its start step (a revert to the checkpoint at step s, a rebuild at the current step) or begins afresh (start
 * step 0: reset, a restarting option); what that means for the change markers is the charts' business
 * (charts/changeMarkers.ts). The session only records the facts.
 */
export interface Lineage {
  /** The generation of the snapshot this page joined with: the server's change log is already cut to it. */
  base: number;
  /** Generation → the step it started at, for generations after `base`. */
  starts: Readonly<Record<number, number>>;
}

export const joinedAt = (generation: number): Lineage => ({ base: generation, starts: {} });

/**
 * Notes a sighting of `generation` at `step`. The server's first word of a new generation (its first frames and
 * run:status, sent as it starts) is at the start step and everything later is at or after it, so the smallest
 * step seen is the start. Returns the same object when nothing changed (no needless reactivity).
 */
export function noteGeneration(lineage: Lineage, generation: number, step: number): Lineage {
  if (generation <= lineage.base) return lineage;
  const known = lineage.starts[generation];
  if (known !== undefined && known <= step) return lineage;
  return { base: lineage.base, starts: { ...lineage.starts, [generation]: step } };
}
