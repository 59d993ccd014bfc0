/** ch09-01: what the lesson is (its catalogue entry and option specs); model.ts is how it computes. */
import { choice, int, num } from '@gradcast/shared';
import { COURSE_IMAGES, COURSE_KERNELS } from '../convFixtures.ts';
import { demoInfo } from '../lessonInfo.ts';
import { windowControl } from '../windowControl.ts';

/** The kernel option that reads the nine cells k0…k8 instead of a preset. */
export const CUSTOM_KERNEL = 'custom 3×3';

/** The custom kernel's cells k0 … k8, row-major, and their defaults (Sobel-x). */
export const KERNEL_CELLS = [0, 1, 2, 3, 4, 5, 6, 7, 8] as const;
const CUSTOM_DEFAULT = COURSE_KERNELS['Sobel-x 3×3']!.flat();

/** Largest output side any choice gives (5×5 image, padding 3, 2×2 kernel, stride 1): the window's range. */
const MAX_OUT = 10;

export const info = demoInfo({
  id: 'ch09-01',
  title: 'Convolution: stride and padding',
  chapter: 9,
  description:
    'Slides a kernel over one of the course’s fixed images and shows the padded input, the kernel and the output ' +
    'with the size rule ⌊(n + 2p − k)/s⌋ + 1. The operation is cross-correlation (no kernel flip), as in PyTorch.',
  options: [
    choice('image', Object.keys(COURSE_IMAGES), { label: 'Image', default: 'vertical line 5×5' }),
    choice('kernel', [...Object.keys(COURSE_KERNELS), CUSTOM_KERNEL], {
      label: 'Kernel',
      default: 'Sobel-x 3×3',
      help: `“${CUSTOM_KERNEL}” uses the kernel cells below`,
    }),
    int('stride', { label: 'Stride', min: 1, max: 4, step: 1, default: 1 }),
    int('padding', { label: 'Padding', min: 0, max: 3, step: 1, default: 0 }),
    windowControl(MAX_OUT, 'computed'),
    ...KERNEL_CELLS.map((i) =>
      num(`k${i}`, {
      label: `Kernel cell [${Math.floor(i / 3)},${i % 3}]`,
      min: -10,
      max: 10,
      step: 0.5,
      default: CUSTOM_DEFAULT[i]!,
      help: `Used when the kernel is “${CUSTOM_KERNEL}”`,
      shownWhen: { control: 'kernel', equals: [CUSTOM_KERNEL] },
      // The client draws the nine cells as one 3×3 block of number boxes, laid out like the kernel.
      matrix: { name: 'Kernel cells', rows: 3, cols: 3, index: i },
      }),
    ),
  ],
});
