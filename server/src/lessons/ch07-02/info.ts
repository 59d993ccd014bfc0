/** ch07-02: what the lesson is (its catalogue entry and option specs); model.ts is how it trains. */
import { hiddenUnitsControl } from '../hiddenUnitsControl.ts';
import { trainingInfo } from '../lessonInfo.ts';

/** The widest hidden layer offered. */
const MAX_HIDDEN = 32;

/** One option per run: its hidden units, the course's 7 and 13 by default. */
export const HIDDEN_OPTIONS = [
  { name: 'hiddenRun1', course: 7 },
  { name: 'hiddenRun2', course: 13 },
] as const;

export const info = trainingInfo({
  id: 'ch07-02',
  title: 'More hidden units: 7 vs 13',
  chapter: 7,
  controls: ['lr', 'optimizer', 'momentum', 'batchSize', 'speed'],
  channels: ['metrics', 'data', 'fit', 'panels', 'landscape'],
  comparison: { count: 2, sharedStart: false },
  defaults: { lr: 0.1, optimizer: 'adam', batchSize: 100, speed: 20 },
  description:
    'Two bumps of 1s (−10 < x < −5 and 5 < x < 10, 100 points in [−20, 20]) need four sigmoid edges; a ' +
    '1 → 7 (σ) → 1 (σ) network (22 parameters) and a 1 → 13 (σ) → 1 (σ) network (40 parameters) learn them side ' +
    'by side, from the same weight stream (the course reset the seed before building the second), with BCE and ' +
    'Adam lr 0.1 on the full batch. Training accuracy is over all 100 points at threshold 0.5; the fit panel ' +
    'shows both networks’ output probability over the labels, and the bumps panel each hidden unit’s weighted ' +
    'sigmoid v_j·σ(w_j·x + b_j) with their sum z(x), the output’s pre-activation: each unit is one rising or ' +
    'falling edge, scaled by its output weight, and the bumps are where they overlap; the network graph shows ' +
    'each network’s weights (edges coloured by sign, as wide as |w|) and biases (node fill). Course bugs fixed: ' +
    'BCE gets targets shaped N×1 like the predictions (the original passed N targets against N×1 outputs, which current PyTorch rejects ' +
    'and a broadcasting loss would turn into an N×N average); the unused histogram helper, which called a ' +
    'method the model lacks, is not ported. Options: the two networks’ hidden units (1…32, the course’s 7 and 13 by ' +
    'default; each run is labelled by its width); each restarts the run.',
  options: HIDDEN_OPTIONS.map(({ name, course }, i) =>
    hiddenUnitsControl(course, MAX_HIDDEN, course === 7 ? 'the two bumps need four sigmoid edges' : 'more units than the four edges need', {
      name,
      index: i + 1,
    }),
  ),
});
