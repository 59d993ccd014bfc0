/**
 * Which runs of a comparison this viewer has hidden (a click on a legend entry; never sent to the server). A run
 * is named by its place and its label together, so a run whose label changes (an option changed the variants:
 * ch03-03's learning rates, ch08-06's activations) is a new run, shown again, and two runs that happen to share a
 * label stay apart.
 */

/** The key of run `index` (0-based, the run's row in the metrics frame) labelled `label`. */
export function runKey(index: number, label: string): string {
  return `${index}|${label}`;
}

/** The indices of `labels` (runs 0…n − 1) that are not hidden. */
export function shownRuns(labels: readonly string[], hidden: ReadonlySet<string>): number[] {
  return labels.flatMap((label, k) => (hidden.has(runKey(k, label)) ? [] : [k]));
}
