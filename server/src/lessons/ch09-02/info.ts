/** ch09-02: what the lesson is (its catalogue entry and option specs); model.ts is how it computes. */
import { choice, int } from '@gradcast/shared';
import { demoInfo } from '../lessonInfo.ts';
import { windowControl } from '../windowControl.ts';

/** Largest pooling output side any choice gives (4×4 input, kernel 1, stride 1): the window's range. */
const MAX_OUT = 4;

export const info = demoInfo({
  id: 'ch09-02',
  title: 'Activation & max pooling',
  chapter: 9,
  description:
    'A convolution followed by an activation (Sobel-x on the vertical line gives rows [−4, 0, 4]; ReLU makes them ' +
    '[0, 0, 4]), then max pooling with kernel and stride controls on the course’s 4×4 image (or on the activation ' +
    'map): the output, the size rule ⌊(n − k)/s⌋ + 1, every window with its maximum, and how many windows each ' +
    'input cell wins. PyTorch’s default pooling stride equals the kernel size.',
  options: [
    choice('convKernel', ['Sobel-x 3×3', 'Sobel-y 3×3', 'ones 3×3'], { label: 'Conv kernel', default: 'Sobel-x 3×3', help: 'Applied to the 5×5 vertical line.' }),
    choice('activation', ['ReLU', 'sigmoid', 'tanh', 'none'], { label: 'Activation', default: 'ReLU' }),
    choice('poolInput', ['pooling 4×4 (course)', 'activation map'], { label: 'Pool what', default: 'pooling 4×4 (course)' }),
    int('kernel', { label: 'Pool kernel', min: 1, max: 4, step: 1, default: 2, help: 'Window side k (course: 2).' }),
    int('stride', { label: 'Pool stride', min: 1, max: 4, step: 1, default: 2, help: 'Window step s; PyTorch’s default is the kernel size (course: 1 and the default).' }),
    windowControl(MAX_OUT, 'pooled'),
  ],
});
