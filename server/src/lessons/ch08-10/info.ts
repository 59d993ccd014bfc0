/** ch08-10: what the lesson is (its catalogue entry and option specs); model.ts is how it trains. */
import { bool, choice, num } from '@gradcast/shared';
import { trainingInfo } from '../lessonInfo.ts';

export const info = trainingInfo({
  id: 'ch08-10',
  title: 'Plain vs “advanced” network (momentum, batch norm, dropout)',
  chapter: 8,
  // Every variant fixes its momentum (and so the optimizer); dropout applies to the two "advanced" runs. No
  // batch size control (the catalogue lists none here): at batch 1 batch norm has nothing to normalise over.
  controls: ['lr', 'dropout', 'speed'],
  channels: ['metrics', 'panels', 'landscape'],
  comparison: { count: 3, sharedStart: false },
  // Pace: the three networks part over the first ~1,000 steps (13 epochs of 75): about 30 s at 30 steps/s.
  defaults: { lr: 0.1, optimizer: 'momentum', momentum: 0, dropout: 0, batchSize: 20, speed: 30 },
  description:
    'The 2-100-3 ReLU network on the three-arm spiral (1,500 points), three ways side by side from the same ' +
    'initial weights and on the same batches: SGD lr 0.1, batch 20. “plain” is the course’s model A (603 ' +
    'parameters, no momentum). “momentum 0.4” is exactly what the course trained as its “advanced” model B: ' +
    'dropout at p = 0 and no batch norm, so it differs from A by momentum alone. “momentum 0.4 + BN” is the ' +
    'advanced network the lesson’s title claims: the same, with batch norm on the hidden pre-activation (before ' +
    'dropout and ReLU, where the course notes place it; 803 parameters). The dropout control sets p for both ' +
    'advanced runs (default 0, the course’s value; the plain run has none); on this small data set dropout mostly ' +
    'slows the fit. In our runs momentum gives the lowest loss, and batch norm the highest accuracy early on, ' +
    'though its training-mode loss stays noisier (batch statistics over 20 points). Training accuracy is over ' +
    'all 1,500 points in evaluation mode (no dropout, batch-norm running statistics). Course ' +
    'bugs fixed: the “advanced” comparison now holds what its name says (issue 20: the original’s Adv net ran ' +
    'p = 0 with its batch norms unused, so the figures credited momentum alone); batch norm is only created where ' +
    'it is used, on the hidden layer (the original registered BatchNorm1d(3) on the outputs as well, 206 unused ' +
    'parameters); accuracy is evaluated in evaluation mode (the original never switched, which matters once ' +
    'p > 0 or BN is on); no graph-attached loss tensors are stored; the class-ordered points are reshuffled every ' +
    'epoch in one seeded order for all runs (unshuffled, every batch held one class, ch08-02’s issue 13); the ' +
    'spiral is drawn from the run seed. The regions panels show each run’s predicted class side by side ' +
    '(evaluation mode, every third point drawn). Options: the advanced runs’ momentum (0 to 0.99, the course’s ' +
    '0.4; both advanced runs and their legend labels follow it, the plain run keeps 0), the hidden activation ' +
    '(ReLU as the course, or its ' +
    'commented-out sigmoid and tanh), the batch-norm run’s position of BN (before the activation, or after it as ' +
    'the course’s commented-out BN(ReLU(z))) and shuffle (off: the original’s single-class batches); each ' +
    'restarts the run.',
  options: [
    num('momentum', {
      label: 'advanced runs’ momentum',
      default: 0.4,
      min: 0,
      max: 0.99,
      step: 0.01,
      help: 'Momentum μ of the two “advanced” runs, PyTorch form buf = μ·buf + g (the course’s model B: 0.4; the plain run keeps 0, and the legend labels follow). Restarts the run.',
    }),
    choice('activation', ['relu', 'sigmoid', 'tanh'], {
      label: 'hidden activation',
      default: 'relu',
      help: 'Activation of the hidden layer of all three runs (the course: ReLU; its commented-out variants: sigmoid, tanh). Restarts the run.',
    }),
    choice('bnPosition', ['before activation', 'after activation'], {
      label: 'batch norm position',
      default: 'before activation',
      help: 'Where the “+ BN” run normalises: the hidden pre-activation, before dropout and the activation (the course notes), or the activation’s output (the order of the course’s commented-out BN(ReLU(z))). Restarts the run.',
    }),
    bool('shuffle', {
      label: 'shuffle',
      default: true,
      help: 'Reshuffle the batches every epoch, in one order for all runs (on: the fix of issue 13); off: the course’s class-ordered batches. Restarts the run.',
    }),
  ],
});
