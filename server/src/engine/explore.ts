/**
 * A member's own look inside the model (view:explore): the lesson's views computed with the member's own
 * view-only options (a test image's index, a digit drawn by hand) in place of the room's, from the run's current
 * weights. The views read the trainer's live option values (lesson model.ts: `options` is that object), so the
 * member's values go in for the one synchronous call and the room's come back before anything else runs on this
 * thread: the run, the room's views cache (keyed by those values) and every other member see no change.
 */
import type { Frame, OptionValues } from '@gradcast/shared';
import { DIVERGED_VIEW } from '../probe/trainerFrames.ts';
import { mergeViews, viewsFrame } from '../probe/views.ts';
import { RunError, type Session } from '../train/session.ts';
import { Trainer } from '../train/trainer.ts';

/** The `panels` frame of `session`'s views with `values` over its own (`meta.explore`: one member's, not the room's). */
export function exploreFrame(session: Session, values: OptionValues): Frame {
  if (!(session instanceof Trainer) || !session.runs.some((r) => r.model.views)) {
    throw new RunError('invalid', 'this lesson has no views of its model to explore');
  }
  const live = session.values;
  const unknown = Object.keys(values).find((name) => !(name in live));
  if (unknown !== undefined) throw new RunError('invalid', `unknown option "${unknown}"`);
  const saved: OptionValues = {};
  for (const name of Object.keys(values)) saved[name] = live[name] as OptionValues[string];
  try {
    Object.assign(live, values);
    const runs = session.runs;
    const views = runs.map((r) => (r.diverged ? (runs.length > 1 ? DIVERGED_VIEW : null) : (r.model.views?.() ?? null)));
    const frame = viewsFrame(mergeViews(views, runs.map((r) => r.label)), session.generation, session.step);
    frame.meta.explore = true;
    return frame;
  } finally {
    Object.assign(live, saved);
  }
}
