/**
 * A lesson option as it travels: its spec (LessonOption, listed in LessonInfo.options and in the join snapshot) and
 * the values a room holds for a lesson's options (OptionValues, sent by `options:set`). Plain wire data.
 */

/**
 * The limits of a `layers` control's list: `input`, then minHidden … maxHidden hidden widths, each minUnits …
 * maxUnits, then `output`. Widths are in units (neurons); the input and output widths are fixed by the data
 * (features in, classes out), so only the hidden layers are the member's to choose.
 */
export interface LayerLimits {
  /** Units of the input layer (the data's features). */
  input: number;
  /** Units of the output layer (e.g. one logit per class). */
  output: number;
  /** Fewest and most hidden layers. */
  minHidden: number;
  maxHidden: number;
  /** Fewest and most units of one hidden layer. */
  minUnits: number;
  maxUnits: number;
}

/**
 * A lesson's own option (LessonInfo.options): a parameter outside the contract's hyperparameters, of a demo or of a
 * training lesson. Lessons declare them with the builders of optionSpecs.ts, which keep their names and kinds as types.
 * `drawing`: a small greyscale image a member draws (e.g. a digit for the MNIST lessons), `width` × `height`
 * pixels. Its value is a string: '' for "no drawing", else the standard base64 (with padding, no line breaks)
 * of exactly width·height bytes, row-major from the top-left, 0 = black background, 255 = white ink (MNIST's
 * convention); 28×28 is 1,048 characters, small enough for `options:set`, snapshots and `options:changed`.
 * `layers`: a dense network's layer list (ch08-02's layer-list editor). Its value is a string of every layer's
 * width in units, input first, as decimal integers joined by single '-', e.g. '2-10-10-3' (2 inputs, two hidden
 * layers of 10, 3 outputs). One spelling per list: no spaces, signs or leading zeros. `layers` (the field) holds
 * the limits the value must keep (LayerLimits: the fixed input and output widths, how many hidden layers, how
 * wide each); `options`, when present, are presets the client offers (any list within the limits is accepted).
 * `animate` (integer controls): the client offers a ▶/⏸ button beside the slider that steps through the values,
 * value + step every ~600 ms, around again from min after max (one `options:set` at a time), until paused, e.g. a
 * sliding window's position (ch09-01).
 * `matrix` (number and integer controls): the control is one cell of a small matrix of values, e.g. a kernel's
 * weights. Controls whose `matrix.name` is equal are drawn together, where the first of them would be, as a
 * `rows` × `cols` grid of number boxes laid out like the matrix (cell `index` row-major: row ⌊index / cols⌋,
 * column index mod cols) under the heading `matrix.name`, in place of a slider each. Each cell is still its own
 * control: it is sent, validated and shown (shownWhen) on its own, exactly as without `matrix`.
 */
export interface LessonOption {
  name: string;
  label: string;
  kind: 'number' | 'integer' | 'boolean' | 'enum' | 'drawing' | 'layers';
  default: number | boolean | string;
  min?: number;
  max?: number;
  step?: number;
  options?: string[];
  /** drawing: image width and height in pixels. */
  width?: number;
  height?: number;
  /** layers: what a layer list may be (required for that kind; a control without it accepts no value). */
  layers?: LayerLimits;
  help?: string;
  /** Training lessons: applies at the next step without restarting the run (e.g. the lr schedule). */
  hot?: boolean;
  /** A hot option that only picks what a view shows (a drawn digit, the sample shown), not how training goes. */
  viewOnly?: boolean;
  /** integer: the client offers ▶ to step through the values (a "play" of the control; opt-in). */
  animate?: boolean;
  /**
   * Shown only while another control of the lesson has one of these values (e.g. ch09-01's kernel cells while
   * the kernel is "custom 3×3", the lr decay's constant while a schedule uses one). Always accepted by options:set.
   */
  shownWhen?: { control: string; equals: ReadonlyArray<number | boolean | string> };
  /** number / integer: a cell of a matrix of controls drawn as one grid (see above). */
  matrix?: MatrixCell;
}

/** Where a control sits in a matrix of controls (LessonOption.matrix). */
export interface MatrixCell {
  /** The matrix's heading, shared by all its cells (e.g. "Kernel cells"). */
  name: string;
  /** The matrix's shape: rows × cols cells. */
  rows: number;
  cols: number;
  /** This cell's place, row-major: 0 … rows·cols − 1. */
  index: number;
}

/** A lesson's option values by option name, as `options:set` sends them and a room holds them. */
export type OptionValues = Record<string, number | boolean | string>;
