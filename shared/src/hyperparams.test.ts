import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { HYPERPARAM_DEFAULTS, HYPERPARAM_NAMES, hyperparamSpecs } from './hyperparams.ts';

describe('hyperparameter defaults', () => {
  it('are the specs’ own defaults, one per hyperparameter, each valid under its schema', () => {
    expect(Object.keys(HYPERPARAM_DEFAULTS).sort()).toEqual([...HYPERPARAM_NAMES].sort());
    for (const name of HYPERPARAM_NAMES) {
      expect(HYPERPARAM_DEFAULTS[name]).toBe(hyperparamSpecs[name].default);
      expect((hyperparamSpecs[name].schema as z.ZodType).safeParse(HYPERPARAM_DEFAULTS[name]).success, name).toBe(true);
    }
  });

  it('are the values a run has always started with (lr 0.1, plain SGD, batch 1, as fast as it goes)', () => {
    expect(HYPERPARAM_DEFAULTS).toEqual({
      lr: 0.1,
      momentum: 0,
      dropout: 0,
      batchNorm: false,
      optimizer: 'sgd',
      batchSize: 1,
      weightDecay: 0,
      init: 'default',
      speed: 0,
    });
    expect(Object.isFrozen(HYPERPARAM_DEFAULTS)).toBe(true);
  });
});
