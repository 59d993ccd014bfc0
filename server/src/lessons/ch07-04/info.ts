/** ch07-04: what the lesson is (its catalogue entry and option specs); model.ts is how it trains. */
import { choice, int } from '@gradcast/shared';
import { hiddenUnitsControl } from '../hiddenUnitsControl.ts';
import { trainingInfo } from '../lessonInfo.ts';

export const info = trainingInfo({
  id: 'ch07-04',
  title: 'MNIST with one sigmoid hidden layer',
  chapter: 7,
  controls: ['lr', 'batchSize', 'optimizer', 'momentum', 'weightDecay', 'dropout', 'batchNorm', 'init', 'speed'],
  channels: ['metrics', 'panels', 'landscape'],
  // Pace: 30 steps per epoch, so an evaluation every 3 s; the slow sigmoid plateau stays watchable.
  defaults: { lr: 0.01, optimizer: 'sgd', batchSize: 2000, speed: 10 },
  description:
    'A 784 → 100 (σ) → 10 network on the full MNIST training set: cross-entropy, SGD lr 0.01, batch 2,000 ' +
    'reshuffled every epoch (seeded), test accuracy on the 10,000 test images after every epoch (30 steps). ' +
    'At the course’s lr 0.01 the sigmoid layer learns slowly — the loss barely leaves log 10 ≈ 2.30 in the ' +
    'course’s single epoch; raise lr (or switch optimizer) to see how much faster it can go. The original’s ' +
    'unused duplicate Sequential model is not built. Live controls beyond the course: weight decay, dropout, ' +
    'batch norm (rebuilds the network, keeping the weights) and the initialisation (draws the weights anew); ' +
    'lesson options: the hidden width and activation (restart the run) and the test image the heatmap shows. ' +
    'Panels: each hidden unit’s 784 incoming weights as a 28×28 tile, the chosen test image with the ' +
    'network’s prediction and its hidden activations as a heatmap, and the first misclassified test images ' +
    'of the last evaluation.',
  options: [
    int('sample', { label: 'test image', default: 0, min: 0, max: 9999, step: 1, help: 'test image whose hidden activations are shown', hot: true, viewOnly: true }),
    hiddenUnitsControl(100, 300, ''),
    choice('activation', ['sigmoid', 'tanh', 'relu'], { label: 'activation', default: 'sigmoid', help: 'hidden activation (the course: sigmoid)' }),
  ],
});
