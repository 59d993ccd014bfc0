/** ch03-01: what the lesson is (its catalogue entry and option specs); model.ts is how it trains. */
import { bool, int, num } from '@gradcast/shared';
import { trainingInfo } from '../lessonInfo.ts';

/** The points in the data set: the largest batch (full batch). */
export const N = 60;

/** One option per run: its batch size, with the course's 60, 1, 5 and 10 as defaults. */
export const BATCH_OPTIONS = [
  { name: 'batchRun1', course: 60 },
  { name: 'batchRun2', course: 1 },
  { name: 'batchRun3', course: 5 },
  { name: 'batchRun4', course: 10 },
] as const;

export const info = trainingInfo({
  id: 'ch03-01',
  title: 'Batch, stochastic and mini-batch gradient descent',
  chapter: 3,
  // Every variant fixes its batch size, so batchSize is no control here; lr applies to all four.
  controls: ['lr', 'speed'],
  channels: ['metrics', 'params', 'surface', 'path', 'data', 'fit'],
  defaults: { lr: 0.1, optimizer: 'sgd', batchSize: 60, speed: 10 },
  description:
    'Four copies of ŷ = w·x + b start from (w, b) = (−15, −10) on the same 60 points y = x − 1 + 0.1·ε and take ' +
    'one gradient-descent update each per step, lr 0.1: full batch (60), stochastic (batch 1) and mini-batches ' +
    'of 5 and 10, in order. Their paths share the exact MSE surface over all 60 points (w ∈ [−15, 15], ' +
    'b ∈ [−13, 13]): the full-batch path descends smoothly, the smaller the batch the more it zig-zags, because ' +
    'each update follows its own mini-batch’s gradient (a path point’s loss is that mini-batch’s loss). Per update ' +
    'the small batches are cheaper but noisier; per epoch (60, 12 or 6 updates) they get further. The evaluation ' +
    'row trainLoss is each run’s loss over all 60 points, the course’s per-epoch curve. Course bugs fixed: the ' +
    'original’s loader runs trained on the noise-free y = x − 1 while their loss was measured on the noisy data ' +
    '(issue 3), so the batch sizes did not see the same problem; here every run trains on the same noisy data it ' +
    'is scored on. The surface uses the training formula (the original’s sign error put its minimum at b = +1). ' +
    'No graph-attached loss list and no per-input printing. Options: the four runs’ batch sizes (1…60, the ' +
    'course’s 60, 1, 5 and 10 by default; each run is labelled by its batch size), shuffle (a new order every ' +
    'epoch, off as in the course) and the start (w, b); each restarts the run.',
  options: [
    ...BATCH_OPTIONS.map(({ name, course }, i) =>
      int(name, {
        label: `run ${i + 1} batch size`,
        default: course,
        min: 1,
        max: N,
        step: 1,
        help: `Batch size of run ${i + 1} (the course: ${course}${course === N ? ', the full batch' : course === 1 ? ', stochastic gradient descent' : ''}); ${N} is full-batch gradient descent, 1 stochastic. Restarts the run.`,
      }),
    ),
    bool('shuffle', {
      label: 'shuffle',
      default: false,
      help: 'Draw a new order of the 60 points every epoch (PyTorch’s shuffle=True), the same order sequence for every batch size; off: in order, as the course. Restarts the run.',
    }),
    num('w0', { label: 'start w', default: -15, min: -15, max: 15, step: 0.5, help: 'w where every run starts (the course: −15). Restarts the run.' }),
    num('b0', { label: 'start b', default: -10, min: -13, max: 13, step: 0.5, help: 'b where every run starts (the course: −10). Restarts the run.' }),
  ],
});
