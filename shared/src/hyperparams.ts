/**
 * The one hyperparameter schema, shared by server (validation, defaults) and client (slider ranges).
 *
 * `apply` says what a change costs:
 *  - "hot": applied between two steps, the run continues (learning rate, momentum, dropout rate…);
 *  - "rebuild": the model is rebuilt, the generation number goes up and weights that still fit are kept.
 *  - "pace": only changes how often the engine schedules steps (speed); never touches the model.
 * No handler resets anything itself: the trainer reads `apply` and decides.
 *
 * Each spec also holds the value a run starts with (`default`): HYPERPARAM_DEFAULTS collects them, and a lesson's
 * `defaults` override them. This is the only place they are written.
 */
import { z } from 'zod';

export const OPTIMIZERS = ['sgd', 'momentum', 'rmsprop', 'adam'] as const;
export const INITS = ['default', 'uniform', 'xavier', 'he', 'zeros'] as const;

export type ApplyKind = 'hot' | 'rebuild' | 'pace';

interface SpecBase<T> {
  /** Human label for controls. */
  label: string;
  /** zod validator of one value (the contract's ranges). */
  schema: z.ZodType<T>;
  apply: ApplyKind;
  /** Units or meaning, shown as a tooltip. */
  help: string;
  /** The value a run starts with unless its lesson says otherwise (LessonInfo.defaults). */
  default: T;
}
export interface NumberSpec extends SpecBase<number> {
  kind: 'number';
  /** Slider range (the schema may allow more). */
  min: number;
  max: number;
  /** Slider on a log scale (learning rates). */
  log?: boolean;
  /** Slider step for linear sliders. */
  step?: number;
}
export interface BooleanSpec extends SpecBase<boolean> {
  kind: 'boolean';
}
export interface EnumSpec<T extends string> extends SpecBase<T> {
  kind: 'enum';
  options: readonly T[];
}

export const hyperparamSpecs = {
  lr: {
    kind: 'number',
    label: 'Learning rate',
    schema: z.number().finite().gt(0, 'lr must be > 0'),
    apply: 'hot',
    default: 0.1,
    min: 1e-4,
    max: 10,
    log: true,
    help: 'Step size η: θ ← θ − η·∇L',
  },
  momentum: {
    kind: 'number',
    label: 'Momentum',
    schema: z.number().finite().min(0).lt(1, 'momentum must be < 1'),
    apply: 'hot',
    default: 0,
    min: 0,
    max: 0.99,
    step: 0.01,
    help: 'β of the velocity buffer, 0 ≤ β < 1',
  },
  dropout: {
    kind: 'number',
    label: 'Dropout',
    schema: z.number().finite().min(0).lt(1, 'dropout must be < 1'),
    apply: 'hot',
    default: 0,
    min: 0,
    max: 0.9,
    step: 0.05,
    help: 'Probability p of zeroing a hidden unit in training (inverted dropout)',
  },
  batchNorm: {
    kind: 'boolean',
    label: 'Batch norm',
    schema: z.boolean(),
    apply: 'rebuild',
    default: false,
    help: 'Normalise pre-activations per mini-batch (γ, β learnable)',
  },
  optimizer: {
    kind: 'enum',
    label: 'Optimizer',
    schema: z.enum(OPTIMIZERS),
    options: OPTIMIZERS,
    apply: 'hot',
    default: 'sgd',
    help: 'Update rule; changing it keeps the weights',
  },
  batchSize: {
    kind: 'number',
    label: 'Batch size',
    schema: z.number().int('batchSize must be an integer').min(1),
    apply: 'hot',
    default: 1,
    min: 1,
    // The course's largest batch: 2,000 MNIST images (ch07-04, ch07-05, ch08-01, ch08-06, ch08-09).
    max: 2000,
    step: 1,
    help: 'Samples per optimizer step',
  },
  weightDecay: {
    kind: 'number',
    label: 'Weight decay',
    schema: z.number().finite().min(0),
    apply: 'hot',
    default: 0,
    min: 0,
    max: 0.1,
    step: 0.001,
    help: 'λ of L2: g ← g + λ·w',
  },
  init: {
    kind: 'enum',
    label: 'Initialisation',
    schema: z.enum(INITS),
    options: INITS,
    apply: 'rebuild',
    default: 'default',
    help: 'How weights are drawn when the model is (re)built',
  },
  speed: {
    kind: 'number',
    label: 'Speed',
    schema: z.number().finite().min(0),
    apply: 'pace',
    default: 0,
    min: 0,
    max: 200,
    step: 1,
    help: 'Training steps per second; 0 runs as fast as the machine allows',
  },
} as const satisfies Record<string, NumberSpec | BooleanSpec | EnumSpec<string>>;

export type HyperparamName = keyof typeof hyperparamSpecs;
export const HYPERPARAM_NAMES = Object.keys(hyperparamSpecs) as HyperparamName[];

export interface Hyperparams {
  lr: number;
  momentum: number;
  dropout: number;
  batchNorm: boolean;
  optimizer: (typeof OPTIMIZERS)[number];
  batchSize: number;
  weightDecay: number;
  init: (typeof INITS)[number];
  speed: number;
}
export type HyperparamPatch = Partial<Hyperparams>;

/** Each spec's default, typed by name: a spec whose default is not a value of its hyperparameter fails to compile. */
type SpecDefaults = { -readonly [K in HyperparamName]: (typeof hyperparamSpecs)[K]['default'] };
const specDefaults = Object.fromEntries(HYPERPARAM_NAMES.map((name) => [name, hyperparamSpecs[name].default])) as SpecDefaults;

/** The value of every hyperparameter a run starts with (each spec's `default`); a lesson's `defaults` override them. */
export const HYPERPARAM_DEFAULTS: Readonly<Hyperparams> = Object.freeze(specDefaults satisfies Hyperparams);

export interface PatchError {
  code: 'invalid' | 'unsupported';
  message: string;
}

export function isHyperparamName(name: string): name is HyperparamName {
  return Object.prototype.hasOwnProperty.call(hyperparamSpecs, name);
}

/**
 * Checks a client's `hp:set` payload. The patch is refused whole on the first problem:
 * unknown name, a name this lesson does not list in `controls`, or a bad type or range.
 */
export function validatePatch(
  input: unknown,
  allowed: readonly HyperparamName[],
): { ok: true; patch: HyperparamPatch } | { ok: false; error: PatchError } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, error: { code: 'invalid', message: 'hp:set expects an object of { name: value }' } };
  }
  const entries = Object.entries(input as Record<string, unknown>);
  if (entries.length === 0) {
    return { ok: false, error: { code: 'invalid', message: 'hp:set needs at least one hyperparameter' } };
  }
  const patch: Record<string, unknown> = {};
  for (const [name, value] of entries) {
    if (!isHyperparamName(name)) {
      return { ok: false, error: { code: 'invalid', message: `unknown hyperparameter "${name}"` } };
    }
    if (!allowed.includes(name)) {
      return {
        ok: false,
        error: { code: 'unsupported', message: `this lesson has no control "${name}" (it has: ${allowed.join(', ')})` },
      };
    }
    const parsed = (hyperparamSpecs[name].schema as z.ZodType).safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return {
        ok: false,
        error: { code: 'invalid', message: `${name}: ${issue ? issue.message : 'invalid value'}` },
      };
    }
    patch[name] = parsed.data;
  }
  return { ok: true, patch: patch as HyperparamPatch };
}
