/** The fixed images and kernels of the course's convolution lessons (ch09-01..03), as row-major rows. */

const zeros = (n: number): number[][] => Array.from({ length: n }, () => new Array<number>(n).fill(0));

/** 5×5 zeros with column 2 set to 1: the "vertical line" of ch09-01..03. */
const verticalLine = zeros(5).map((row) => row.map((_, c) => (c === 2 ? 1 : 0)));

export const COURSE_IMAGES: Record<string, number[][]> = {
  'vertical line 5×5': verticalLine,
  'all ones 4×4': Array.from({ length: 4 }, () => [1, 1, 1, 1]),
  /** ch09-02's max-pooling image. */
  'pooling 4×4': [
    [1, 2, 3, -4],
    [0, 2, -3, 0],
    [0, 2, 3, 1],
    [0, 0, 0, 0],
  ],
};

export const COURSE_KERNELS: Record<string, number[][]> = {
  'Sobel-x 3×3': [
    [1, 0, -1],
    [2, 0, -2],
    [1, 0, -1],
  ],
  'Sobel-y 3×3': [
    [1, 2, 1],
    [0, 0, 0],
    [-1, -2, -1],
  ],
  'ones 3×3': [
    [1, 1, 1],
    [1, 1, 1],
    [1, 1, 1],
  ],
  'ones 2×2': [
    [1, 1],
    [1, 1],
  ],
};

/** 5×5 zeros with row 2 set to `v`: ch09-03's 2→1 inputs (channel 0: v = −2, channel 1: v = 1). */
const horizontalLine = (v: number): number[][] => zeros(5).map((row, r) => row.map(() => (r === 2 ? v : 0)));

/** A 3×3 kernel that is zero except for `v` at the centre (ch09-03's "centre-only" kernels). */
export const centreKernel = (v: number): number[][] => [
  [0, 0, 0],
  [0, v, 0],
  [0, 0, 0],
];

/**
 * ch09-03's input channels, 5×5 each: the 1→3 case reads the vertical line; 2→1 reads two horizontal lines
 * (row 2 = −2 and row 2 = 1); 2→3 reads all ones and a single 1 at (2, 2).
 */
export const CHANNEL_IMAGES: Record<string, number[][]> = {
  'vertical line 5×5': verticalLine,
  'row 2 = −2 5×5': horizontalLine(-2),
  'row 2 = 1 5×5': horizontalLine(1),
  'all ones 5×5': Array.from({ length: 5 }, () => [1, 1, 1, 1, 1]),
  'centre dot 5×5': zeros(5).map((row, r) => row.map((_, c) => (r === 2 && c === 2 ? 1 : 0))),
};
