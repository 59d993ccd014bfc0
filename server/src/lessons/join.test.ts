import { bool, choice, int } from '@gradcast/shared';
import type { OptionValues } from '@gradcast/shared';
import { describe, expect, it } from 'vitest';
import { demoLesson, trainingLesson } from './join.ts';
import { demoInfo, trainingInfo } from './lessonInfo.ts';
import type { BuildContext, LessonModel, Tf } from './types.ts';

const info = trainingInfo({
  id: 'test-join',
  title: 'join',
  chapter: 0,
  controls: ['lr'],
  channels: ['metrics'],
  defaults: {},
  description: 'a lesson to test the join',
  options: [
    int('hidden', { label: 'hidden units', default: 2, min: 1, max: 8, step: 1 }),
    choice('activation', ['sigmoid', 'relu'], { label: 'activation', default: 'sigmoid' }),
  ],
});

/** A build context outside a trainer, with these option values. */
const ctx = (options: OptionValues): BuildContext => ({ tf: null as unknown as Tf, seed: 1, hp: null as never, options });

describe('trainingInfo', () => {
  it('sets trains and appends the lr schedule and the pause after N epochs to the lesson’s own options', () => {
    expect(info.trains).toBe(true);
    expect(info.options.map((o) => o.name)).toEqual(['hidden', 'activation', 'lrSchedule', 'lrDecay', 'stopAfterEpochs']);
    expect(Object.keys(info).slice(0, 4)).toEqual(['id', 'title', 'chapter', 'trains']);
    expect(trainingInfo({ ...info, id: 'no-options', options: undefined }).options.map((o) => o.name)).toEqual(['lrSchedule', 'lrDecay', 'stopAfterEpochs']);
  });
});

describe('trainingLesson', () => {
  const seen: unknown[] = [];
  const lesson = trainingLesson(info, {
    variantsFor: (options) => [{ label: `${options.hidden} units` }, { label: options.activation }],
    build: ({ options }) => {
      seen.push(options);
      return {} as LessonModel;
    },
  });

  it('gives build the live options object, made whole in place: defaults filled in, values within their specs', () => {
    const live: OptionValues = { hidden: 300 };
    lesson.build(ctx(live));
    expect(seen.at(-1)).toBe(live);
    expect(live).toMatchObject({ hidden: 8, activation: 'sigmoid', lrSchedule: 'constant', lrDecay: 1, stopAfterEpochs: 0 });
  });

  it('a build given no options at all gets the defaults', () => {
    lesson.build({ ...ctx({}), options: undefined as unknown as OptionValues });
    expect(seen.at(-1)).toMatchObject({ hidden: 2, activation: 'sigmoid' });
  });

  it('resolves the values variantsFor reads, and defaults the variants to those at the options’ defaults', () => {
    expect(lesson.variants?.map((v) => v.label)).toEqual(['2 units', 'sigmoid']);
    expect(lesson.variantsFor?.({ hidden: 0, activation: 'tanh' }).map((v) => v.label)).toEqual(['1 units', 'sigmoid']);
  });

  it('adds no variants or prepare the model does not have', () => {
    const single = trainingLesson(info, { build: () => ({}) as LessonModel });
    expect('variants' in single || 'variantsFor' in single || 'prepare' in single).toBe(false);
  });
});

describe('demoLesson', () => {
  it('computes from the values made whole in place', () => {
    const demo = demoLesson(demoInfo({ id: 'test-demo', title: 'demo', chapter: 0, description: 'd', options: [bool('on', { label: 'on', default: true })] }), {
      compute: (values) => ({ fields: {}, layout: [{ kind: 'text', title: 'on', text: String(values.on) }] }),
    });
    expect(demo.info).toMatchObject({ trains: false, controls: [], channels: ['panels'], defaults: {} });
    const values: OptionValues = {};
    expect(demo.compute(values, { tf: null as unknown as Tf, seed: 1 }).layout[0]!.text).toBe('true');
    expect(values).toEqual({ on: true });
  });
});
