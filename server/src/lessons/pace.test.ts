/**
 * A teaching pace (issue 12): every training lesson starts at a speed chosen for its picture, never at "as fast as
 * the machine allows" (speed 0), which ran ch06-02's 55,000 steps in 30 s before anyone looked. A room's
 * hyperparameters start as HYPERPARAM_DEFAULTS under the lesson's defaults (room.ts, trainer.ts), so a lesson that
 * names no speed would start at the schema's 0: the sweep checks what a new room gets, not only what info.ts says.
 */
import { HYPERPARAM_DEFAULTS } from '@gradcast/shared';
import { describe, expect, it } from 'vitest';
import { listLessons } from './catalogue.ts';

/** The pace a new room of a training lesson may start at, steps per second (both ends allowed). */
const PACE = { min: 1, max: 60 };

describe('the default pace of every training lesson', () => {
  const training = listLessons().filter((l) => l.trains);

  it('covers the whole catalogue of training lessons', () => {
    expect(training.length).toBeGreaterThanOrEqual(25);
  });

  it.each(training.map((l) => [l.id, l] as const))('%s starts between 1 and 60 steps per second', (_id, info) => {
    expect(typeof info.defaults.speed, 'the lesson names its own speed').toBe('number');
    const speed = { ...HYPERPARAM_DEFAULTS, ...info.defaults }.speed;
    expect(speed).toBeGreaterThanOrEqual(PACE.min);
    expect(speed).toBeLessThanOrEqual(PACE.max);
  });
});
