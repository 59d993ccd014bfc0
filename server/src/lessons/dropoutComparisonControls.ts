/**
 * The dropout comparisons' shared options (ch08-03, ch08-04, both 2-300-300 networks): the second run's rate and the
 * hidden width, the course's 0.5 and 300 by default. Plain metadata (no tfjs), since the socket thread lists lessons.
 */
import { int, num } from '@gradcast/shared';

export const DROPOUT_COMPARISON_CONTROLS = [
  num('dropout', {
    label: 'dropout p (second run)',
    default: 0.5,
    min: 0,
    max: 0.9,
    step: 0.05,
    help: 'Dropout rate of the second network, on each hidden pre-activation in training (the course: 0.5; the first network keeps p = 0, and its legend label follows). Restarts the run.',
  }),
  int('width', {
    label: 'hidden width',
    default: 300,
    min: 2,
    max: 300,
    step: 1,
    help: 'Units in each of the two hidden layers (the course: 300). Restarts the run.',
  }),
] as const;
