/**
 * The slice worker through its client (remoteCompute.ts, sliceWorker.ts): a slice computed there equals the one
 * computed here, a loss too, on a batch-norm net (ch08-10: its running statistics travel with each job); it takes a core only when one is free and gives it back when idle; a cancelled slice
 * stops.
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ch08_10 } from '../lessons/ch08-10/model.ts';
import { localSlice, type SliceRequest, type SliceTask } from '../probe/landscape/compute.ts';
import { livePlane } from '../probe/landscape/directions.ts';
import { readParams } from '../probe/landscape/paramArrays.ts';
import type { SliceLevel } from '../probe/landscape/slice.ts';
import { statsOf } from '../probe/landscape/sourceSpec.ts';
import { trueLoss } from '../probe/landscape/trueLoss.ts';
import type { LandscapeSource } from '../train/landscapeSource.ts';
import { Trainer } from '../train/trainer.ts';
import { CoreBudget } from './coreBudget.ts';
import { SliceWorkerClient } from './remoteCompute.ts';

let trainer: Trainer;
let source: LandscapeSource;
let request: SliceRequest;

beforeAll(async () => {
  await tf.setBackend('cpu');
  trainer = new Trainer(ch08_10, 3, { speed: 0 });
  for (let i = 0; i < 3; i++) trainer.trainStep();
  source = trainer.runs.map((r) => r.model.landscape!).find((s) => s.ops.some((op) => op.kind === 'batchNorm'))!;
  // Moved off their start (0 and 1), so a slice there that missed them would differ.
  expect(statsOf(source).some((a) => a.some((v) => v !== 0 && v !== 1))).toBe(true);
  const { centre, d1, d2 } = livePlane(source, 5);
  request = { plane: { centre, d1, d2 }, range: 1, levels: [3, 5] };
}, 60_000);

afterAll(() => trainer?.dispose());

/** Polls a remote task until done, waking on each arrival. */
async function finish(task: SliceTask): Promise<SliceLevel[]> {
  const out: SliceLevel[] = [];
  const end = Date.now() + 60_000;
  while (!task.done) {
    if (Date.now() > end) throw new Error('the slice did not finish');
    out.push(...task.poll(0));
    await new Promise((r) => setTimeout(r, 20));
  }
  return out;
}

describe('SliceWorkerClient', () => {
  const cores = new CoreBudget(new SharedArrayBuffer(4), 2);
  const client = new SliceWorkerClient('cpu', cores);
  afterAll(() => client.close());

  it('computes what this thread computes: every level of a slice, and a loss', async () => {
    let wakes = 0;
    const remote = client.slice(source, request, () => wakes++)!;
    expect(remote).not.toBeNull();
    expect(cores.used).toBe(1);
    const local = localSlice(source, request);
    const here: SliceLevel[] = [];
    while (!local.done) here.push(...local.poll(1000));
    const there = await finish(remote);
    expect(there.map((l) => l.n)).toEqual([3, 5]);
    there.forEach((l, i) => {
      const want = here[i]!.values;
      l.values.forEach((v, k) => expect(v).toBeCloseTo(want[k]!, 4));
    });
    expect(wakes).toBeGreaterThanOrEqual(1);
    const values = readParams(source.params.map((p) => p.variable));
    const loss = await new Promise<number | null>((resolve) => expect(client.loss(source, values, (l) => resolve(l))).toBe(true));
    expect(loss).toBeCloseTo(trueLoss(source, values), 4);
    // Nothing in flight: the core is free again.
    expect(cores.used).toBe(0);
  }, 90_000);

  it('offers nothing while every core trains, and a cancelled slice gives its core back', async () => {
    cores.training(true);
    cores.training(true);
    expect(client.slice(source, request, () => {})).toBeNull();
    expect(client.loss(source, readParams(source.params.map((p) => p.variable)), () => {})).toBe(false);
    cores.training(false);
    const task = client.slice(source, { ...request, levels: [9, 17, 33] }, () => {})!;
    expect(cores.used).toBe(2);
    task.dispose();
    expect(task.done).toBe(true);
    expect(cores.used).toBe(1);
    cores.training(false);
  }, 30_000);
});
