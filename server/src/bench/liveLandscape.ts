/**
 * The live landscape as a room gets it: a training engine (EngineHost, on this thread as in a training worker) with
 * a slice worker on another thread, one room of the lesson at full speed. Windows with nobody watching the landscape
 * (solo) alternate with windows where it is watched (live); a live window starts on a fresh plane (a new seed).
 * - liveRateKept: steps per second in live windows over solo ones (what the landscape costs training);
 * - liveFirstViewMs / liveSliceMs: from taking the channel up to its first 9×9 and its first 33×33 frame (nearest-rank
 *   medians over the windows where they arrived; null when none did within the window);
 * - liveOffThread: whether slices went to the slice worker (a core was free; else they shared the training thread).
 */
import { decodeFrame } from '@gradcast/shared';
import type { BackendPref } from '../backend/prefs.ts';
import { CoreBudget } from '../engine/coreBudget.ts';
import { EngineHost } from '../engine/host.ts';
import type { WorkerMessage } from '../engine/messages.ts';
import { SliceWorkerClient } from '../engine/remoteCompute.ts';
import { quantile } from './stats.ts';

export interface LiveLandscapeRow {
  liveRateKept: number;
  liveFirstViewMs: number | null;
  liveSliceMs: number | null;
  liveOffThread: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function measureLive(lessonId: string, backend: BackendPref, opts: { windowMs?: number; rounds?: number } = {}): Promise<LiveLandscapeRow> {
  const windowMs = opts.windowMs ?? 12_000;
  const rounds = opts.rounds ?? 2;
  const cores = new CoreBudget();
  const remote = cores.cores >= 2 ? new SliceWorkerClient(backend, cores) : null;
  const posted: { at: number; msg: WorkerMessage }[] = [];
  const host = new EngineHost((msg) => posted.push({ at: performance.now(), msg }), 30, undefined, { remote, cores });
  let id = 1;
  const ask = async (body: Record<string, unknown>) => {
    const rid = id++;
    await host.handle({ ...body, id: rid, roomId: 'bench' } as Parameters<EngineHost['handle']>[0]);
    const r = posted.find((p) => p.msg.t === 'reply' && p.msg.id === rid)?.msg;
    if (!r || r.t !== 'reply' || !r.ok) throw new Error(`bench live landscape: ${JSON.stringify(r)}`);
    return r.result;
  };
  try {
    await ask({ t: 'create', lessonId, seed: 1, hp: { speed: 0 } });
    // Warm-up, the landscape watched: the slice worker starts, the slice's ways are tried.
    await ask({ t: 'channels', channels: ['metrics', 'landscape'] });
    await sleep(3000);
    await ask({ t: 'channels', channels: ['metrics'] });
    await sleep(500);
    const sentBefore = remote?.slicesSent ?? 0;
    const rates = { solo: [] as number[], live: [] as number[] };
    const first: number[] = [];
    const whole: number[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const live of [false, true]) {
        if (live) await ask({ t: 'options', values: { landscapePlane: 'random', landscapeDirections: r + 2 } });
        const from = (await ask({ t: 'channels', channels: live ? ['metrics', 'landscape'] : ['metrics'] })).status.step;
        const t0 = performance.now();
        posted.length = 0;
        await sleep(windowMs);
        const to = (await ask({ t: 'channels', channels: ['metrics'] })).status.step;
        (live ? rates.live : rates.solo).push(((to - from) * 1000) / (performance.now() - t0));
        if (!live) continue;
        const arrivals = posted.flatMap((p) =>
          p.msg.t === 'frames' ? p.msg.frames.filter((f) => f.channel === 'landscape').map((f) => ({ at: p.at, n: decodeFrame(f.bytes).meta.resolution })) : [],
        );
        const at = (n: number) => arrivals.find((a) => a.n === n)?.at;
        const [a9, a33] = [at(9), at(33)];
        if (a9 !== undefined) first.push(a9 - t0);
        if (a33 !== undefined) whole.push(a33 - t0);
      }
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    return { liveRateKept: mean(rates.live) / mean(rates.solo), liveFirstViewMs: quantile(first, 0.5), liveSliceMs: quantile(whole, 0.5), liveOffThread: (remote?.slicesSent ?? 0) > sentBefore };
  } finally {
    host.close();
    remote?.close();
  }
}
