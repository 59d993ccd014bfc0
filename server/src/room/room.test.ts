import { type Annotation, encodeFrame, HYPERPARAM_DEFAULTS, type LessonInfo, type RunStatus } from '@gradcast/shared';
import { describe, expect, it } from 'vitest';
import { Room } from './room.ts';

const lesson = { id: 'x', title: 'X', chapter: 1, trains: true, controls: ['lr', 'speed'], channels: ['metrics', 'surface'], defaults: { lr: 0.5 } } as unknown as LessonInfo;
const status = (generation: number, step: number, start = 0): RunStatus => ({ state: 'running', step, generation, start, loss: null, stepsPerSecond: 0 });
const note = (step: number, generation: number): Annotation => ({ step, generation, by: { name: 'A', role: 'presenter' }, kind: 'hp', changes: { lr: [0.1, 0.2] }, at: 0 });

describe('Room.apply, the one writer of the run state', () => {
  it('starts from the lesson’s defaults at generation 0, before the engine reports', () => {
    const room = new Room('r', 'X', lesson, 'key');
    expect(room.hp).toEqual({ ...HYPERPARAM_DEFAULTS, lr: 0.5 });
    expect(room.status.generation).toBe(0);
    expect(room.options).toBeUndefined();
    expect(room.publicHyperparameters()).toEqual({ lr: 0.5, speed: 0 });
  });

  it('takes status, hyperparameters and options from a reply, and frames into what members receive', () => {
    const room = new Room('r', 'X', lesson, 'key');
    const surface = { channel: 'surface' as const, generation: 1, step: 0, bytes: encodeFrame({ channel: 'surface', generation: 1, step: 0, meta: {}, fields: {} }), reliable: true };
    room.apply({ status: status(1, 0), frames: [surface] });
    room.apply({ status: status(1, 3), hp: { ...HYPERPARAM_DEFAULTS, lr: 0.25 }, options: { noise: 1 } });
    expect(room.status.step).toBe(3);
    expect(room.hp.lr).toBe(0.25);
    expect(room.options).toEqual({ noise: 1 });
    expect(room.frames.get('surface')).toBe(surface);
    // A framing tick carries no hyperparameters or options: they stay as reported.
    room.apply({ status: status(1, 4) });
    expect([room.hp.lr, room.options?.noise]).toEqual([0.25, 1]);
  });

  it('edits the change log as a new generation edits the history: kept up to its start, emptied from step 0', () => {
    const room = new Room('r', 'X', lesson, 'key');
    room.apply({ status: status(1, 0) });
    room.annotate(note(5, 1));
    room.annotate(note(30, 1));
    room.apply({ status: status(2, 20, 20) });
    expect(room.annotations.map((a) => a.step)).toEqual([5]);
    room.apply({ status: status(2, 25, 20) });
    expect(room.annotations.map((a) => a.step)).toEqual([5]);
    room.apply({ status: status(3, 0, 0) });
    expect(room.annotations).toEqual([]);
  });
});
