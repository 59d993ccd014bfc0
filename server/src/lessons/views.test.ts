/**
 * Every training lesson that streams `panels` produces a well-formed views frame on the embedded backend: each
 * panel names fields the frame has, with the shapes its kind needs, the frame survives the codec, and computing
 * the views leaves no tensor behind. Also: every lesson option (info.options) has a default its validator
 * accepts, so a room can start.
 */
import * as tf from '@tensorflow/tfjs-core';
import { type DemoPanel, decodeFrame, encodeFrame, type Field, type Frame, validateOptionValues } from '@gradcast/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select.ts';
import { framesOf } from '../probe/trainerFrames.ts';
import { Trainer } from '../train/trainer.ts';
import { getTrainingLesson, listLessons } from './registry.ts';

beforeAll(async () => {
  await selectBackend('wasm');
});

const size = (f: Field): number => f.dims.reduce((a, b) => a * b, 1);

/** The shape rules a panel's kind puts on the fields it names (shared/src/lessons.ts, DemoPanel). */
function checkPanel(p: DemoPanel, frame: Frame): void {
  const get = (name: string | undefined, what: string): Field => {
    expect(name, `${p.kind} "${p.title}" needs ${what}`).toBeTypeOf('string');
    const f = frame.fields[name as string];
    expect(f, `${p.kind} "${p.title}": field ${name} missing`).toBeDefined();
    expect(size(f as Field)).toBe((f as Field).data.length);
    return f as Field;
  };
  const main = p.kind === 'text' ? null : get(p.field, 'field');
  switch (p.kind) {
    case 'grid':
      // Points over the heatmap: (x, y, value) rows, placed by a 4-number extent.
      if (p.points) {
        expect(get(p.points, 'points').dims[1]).toBe(3);
        expect(p.extent?.length, `grid "${p.title}" with points needs an extent`).toBe(4);
      }
      break;
    case 'tiles':
      expect(main?.dims.length).toBe(3);
      if (p.captions) expect(p.captions.length).toBe(main?.dims[0]);
      break;
    case 'regions': {
      expect(main?.dims.length).toBe(2);
      expect(p.extent?.length).toBe(4);
      if (p.y2) expect(get(p.y2, 'y2').dims).toEqual(main?.dims);
      if (p.points) expect(get(p.points, 'points').dims[1]).toBe(3);
      if (p.segments) expect(get(p.segments, 'segments').dims[1]).toBe(4);
      break;
    }
    case 'histogram': {
      const bins = main?.dims[main.dims.length - 1] as number;
      expect(get(p.x, 'x (bin edges)').data.length).toBe(bins + 1);
      if (p.names) expect(p.names.length).toBe(main?.dims.length === 2 ? main.dims[0] : 1);
      break;
    }
    case 'scatter':
      expect(main?.dims[1]).toBe(2);
      if (p.labels) expect(get(p.labels, 'labels').data.length).toBe(main?.dims[0]);
      break;
    case 'series': {
      const n = main?.data.length;
      if (p.x) expect(get(p.x, 'x').data.length).toBe(n);
      if (p.y2) expect(get(p.y2, 'y2').data.length).toBe(n);
      for (const l of p.lines ?? []) expect(get(l, 'line').data.length).toBe(n);
      if (p.points) expect(get(p.points, 'points').dims[1]).toBe(2);
      break;
    }
    case 'vectors':
      expect(main?.dims[1]).toBe(4);
      break;
    case 'network': {
      // sizes: nodes drawn per layer (≥ 2 layers, 1 to 16 each); field: E = Σ sizes[l]·sizes[l+1] weights.
      const sizes = p.sizes ?? [];
      expect(sizes.length, `network "${p.title}" needs sizes`).toBeGreaterThanOrEqual(2);
      for (const s of sizes) expect(Number.isInteger(s) && s >= 1 && s <= 16, `layer of ${s} nodes`).toBe(true);
      const edges = sizes.slice(1).reduce((e, s, l) => e + (sizes[l] as number) * s, 0);
      const nodes = sizes.reduce((a, b) => a + b, 0);
      expect(main?.data.length).toBe(edges);
      if (p.y2) expect(get(p.y2, 'y2 (node values)').data.length).toBe(nodes);
      if (p.labels) {
        const mask = Array.from(get(p.labels, 'labels (node mask)').data);
        expect(mask.length).toBe(nodes);
        for (const m of mask) expect([0, 1]).toContain(m);
      }
      if (p.names) expect(p.names.length).toBe(sizes.length);
      if (p.totals) {
        expect(p.totals.length).toBe(sizes.length);
        p.totals.forEach((t, l) => expect(t).toBeGreaterThanOrEqual(sizes[l] as number));
      }
      break;
    }
    default:
      break;
  }
}

const withPanels = listLessons()
  .filter((l) => l.trains && l.channels.includes('panels'))
  .map((l) => l.id);

describe('lesson options', () => {
  it.each(listLessons().filter((l) => l.trains).map((l) => l.id))('%s: defaults pass their own validation', (id) => {
    const controls = getTrainingLesson(id)!.info.options ?? [];
    expect(controls.map((c) => c.name)).toContain('lrSchedule');
    const defaults = Object.fromEntries(controls.map((c) => [c.name, c.default]));
    expect(validateOptionValues(defaults, controls).ok).toBe(true);
    expect(new Set(controls.map((c) => c.name)).size).toBe(controls.length);
  });
});

describe.skipIf(withPanels.length === 0).each(withPanels)('views of %s', (id) => {
  it('are well formed, survive the codec and leak no tensors', async () => {
    const lesson = getTrainingLesson(id)!;
    await lesson.prepare?.();
    const t = new Trainer(lesson, 1, { speed: 0 }, 20, false);
    for (let i = 0; i < 3; i++) t.trainStep();
    framesOf(t, new Set(['panels']), { all: true }); // first call builds anything views cache
    t.trainStep();
    t.state = 'paused'; // a paused trainer recomputes its views for every new step
    const before = tf.memory().numTensors;
    const frames = framesOf(t, new Set(['panels']), { all: true });
    expect(tf.memory().numTensors).toBe(before);
    const frame = frames.find((f) => f.channel === 'panels');
    expect(frame, 'a panels frame').toBeDefined();
    const decoded = decodeFrame(encodeFrame(frame as Frame));
    const layout = JSON.parse(String(decoded.meta.layout)) as DemoPanel[];
    expect(layout.length).toBeGreaterThan(0);
    for (const p of layout) checkPanel(p, decoded);
    t.dispose();
  }, 120_000);
});

describe('recorded paths on the embedded backend', () => {
  // ch04-01 trains without the tape on wasm (train/denseChain.ts): its (w1, w2) path must still gain a point per
  // step (it once kept only the current one, recordOnTraining wrapping loss() alone).
  it('ch04-01 records one (w1, w2) point per training step, plus the current one', () => {
    const t = new Trainer(getTrainingLesson('ch04-01')!, 1, { speed: 0 }, 20, false);
    for (let i = 0; i < 5; i++) t.trainStep();
    const view = t.runs[0]!.model.views!();
    expect(view.fields['wPath.points']?.dims).toEqual([6, 2]);
    t.dispose();
  });
});
