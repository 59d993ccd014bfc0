/**
 * ch09-03's three cases (the course's 1 → 3, 2 → 1 and 2 → 3 channels on its fixed 5×5 images) and the kernels a
 * slot can hold. Plain data: the info lists their names as option choices, the model computes with them.
 */
import { COURSE_KERNELS, centreKernel } from '../convFixtures.ts';

export interface ChannelCase {
  /** Input channel images (names in CHANNEL_IMAGES), in channel order. */
  inputs: string[];
  /** Kernel names, [out][in], in KERNEL_LIBRARY. */
  kernels: string[][];
}

/** Kernels a slot can hold. */
export const KERNEL_LIBRARY: Record<string, number[][]> = {
  'Sobel-x 3×3': COURSE_KERNELS['Sobel-x 3×3']!,
  'Sobel-y 3×3': COURSE_KERNELS['Sobel-y 3×3']!,
  'ones 3×3': COURSE_KERNELS['ones 3×3']!,
  'centre 1': centreKernel(1),
  'centre −1': centreKernel(-1),
  'centre −2': centreKernel(-2),
  'centre 0.5': centreKernel(0.5),
  zeros: centreKernel(0),
};

export const CH09_03_CASES: Record<string, ChannelCase> = {
  '1 → 3 channels': {
    inputs: ['vertical line 5×5'],
    kernels: [['Sobel-x 3×3'], ['Sobel-y 3×3'], ['ones 3×3']],
  },
  '2 → 1 channel': {
    inputs: ['row 2 = −2 5×5', 'row 2 = 1 5×5'],
    kernels: [['centre 1', 'centre −2']],
  },
  '2 → 3 channels': {
    inputs: ['all ones 5×5', 'centre dot 5×5'],
    kernels: [
      ['centre 0.5', 'centre 0.5'],
      ['centre 1', 'centre −1'],
      ['Sobel-x 3×3', 'Sobel-y 3×3'],
    ],
  },
};
