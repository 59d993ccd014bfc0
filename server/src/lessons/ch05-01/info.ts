/** ch05-01: what the lesson is (its catalogue entry and option specs); model.ts is how it computes. */
import { bool, num } from '@gradcast/shared';
import { demoInfo } from '../lessonInfo.ts';

export const info = demoInfo({
  id: 'ch05-01',
  title: 'Sigmoid & logistic prediction',
  chapter: 5,
  description:
    'A sigmoid explorer: σ(w·x + b) against σ(z) as w and b change, the saturation to 0 or 1 at large |z| (the course ' +
    'draws σ on z = −100…100, 2000 values), and logistic predictions of Linear 1→1 + σ (2 parameters) and Linear ' +
    '2→1 + σ (3 parameters) on the course’s inputs, with a probability heatmap over two inputs. A toggle uses ' +
    'PyTorch’s default init (U(±1/√fan_in)) drawn from the room’s seed instead of the sliders; the course’s custom ' +
    'logistic module is the same function as Linear + σ.',
  options: [
    bool('defaultInit', { label: 'Default init (seeded)', default: false, help: 'Use PyTorch’s default init, drawn from the room’s seed, instead of the sliders.' }),
    num('w', { label: 'w (weight of x, or x1)', min: -10, max: 10, step: 0.1, default: 1 }),
    num('w2', { label: 'w2 (weight of x2)', min: -10, max: 10, step: 0.1, default: 1, help: 'Second weight of the 2-input model.' }),
    num('b', { label: 'b (bias)', min: -10, max: 10, step: 0.1, default: 0 }),
    num('x', { label: 'x (or x1)', min: -10, max: 10, step: 0.1, default: 1 }),
    num('x2', { label: 'x2', min: -10, max: 10, step: 0.1, default: 2 }),
  ],
});
