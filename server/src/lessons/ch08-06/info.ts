/** ch08-06: what the lesson is (its catalogue entry and option specs); model.ts is how it trains. */
import { choice } from '@gradcast/shared';
import { trainingInfo } from '../lessonInfo.ts';

export const info = trainingInfo({
  id: 'ch08-06',
  title: 'Initialisation methods (MNIST)',
  chapter: 8,
  // Every variant fixes its init, so init is no control here.
  controls: ['lr', 'batchSize', 'optimizer', 'momentum', 'speed'],
  channels: ['metrics', 'panels', 'landscape'],
  comparison: { count: 4, sharedStart: false },
  // Pace: the four inits part over the course's 450 steps (15 epochs of 30): 30 s at 15 steps/s.
  defaults: { lr: 0.01, optimizer: 'sgd', batchSize: 2000, speed: 15 },
  description:
    'One 784 → 100 → 200 → 100 → 10 network (119,810 parameters) initialised four ways, trained side by side on ' +
    'the same shuffled MNIST batches: cross-entropy, SGD lr 0.01, batch 2,000, test accuracy after every epoch ' +
    '(30 steps). PyTorch’s default U(±1/√fan_in) and Xavier uniform U(±√(6/(fan_in + fan_out))) with tanh, He ' +
    '(Kaiming uniform, U(±√(6/fan_in))) with ReLU, and U(0, 1) weights with tanh. Xavier and He keep the ' +
    'activations’ spread roughly constant from layer to layer and learn fastest; the default init shrinks it ' +
    'layer by layer and learns more slowly; all-positive U(0, 1) weights sum hundreds of inputs, saturate every ' +
    'tanh unit (tanh′ ≈ 0) and leave the network stuck (in our runs, after the course’s 450 steps: Xavier ' +
    '86 %, He 87 %, default 58 %, uniform 11 % test accuracy). Course bugs fixed: all four methods run (the ' +
    'original ran only Default and He, its He result overwrote the Default one, and its plots crashed on the missing ' +
    'Xavier and Uniform results and on an accuracy stored under a loss key), and the activation is no longer tied ' +
    'to the init: by default the course’s pairing is kept (He with ReLU, the others with tanh, so the He row ' +
    'differs in its activation as well as its init), and the activation option (ReLU for all, tanh for all) ' +
    'gives all four methods the same activation, so only the init differs; the legend labels name both. ' +
    'Panels, per method: histograms of each layer’s weights and of each hidden layer’s ' +
    'activations on a fixed batch of 100 training images, live and at initialisation (U(0, 1) piles every ' +
    'tanh unit up at +1). Option: the hidden activation (course pairing, ReLU for all, tanh for all; restarts ' +
    'the run).',
  options: [
    choice('activation', ['course pairing', 'ReLU for all', 'tanh for all'], {
      label: 'hidden activation',
      default: 'course pairing',
      help: 'The hidden activation of each method. Course pairing (the course): He with ReLU, the other three with tanh, so the He row differs in its activation as well as its init; ReLU for all or tanh for all give every method the same activation, so only the init differs (U(0, 1) weights with ReLU blow the activations up instead of saturating them: that run’s loss starts in the millions). Restarts the run.',
    }),
  ],
});
