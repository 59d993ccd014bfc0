/**
 * A slice worker: a thread that computes loss-landscape slices and snapshot losses for the rooms of one training
 * worker (remoteCompute.ts), on its own tfjs, so that slices take a free core instead of the training thread's
 * time. Losses go first (a path point waits on each); slices take turns in passes of about SLICE_PASS_MS, between
 * which messages (a cancel: the plane changed) are read.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { selectBackend } from '../backend/select.ts';
import { SliceJob } from '../probe/landscape/slice.ts';
import { type DetachedSource, detachSource } from '../probe/landscape/sourceSpec.ts';
import { trueLoss } from '../probe/landscape/trueLoss.ts';
import { SOURCE_SLOTS, type SliceWorkerInit, type SliceWorkerMessage, type SliceWorkerRequest } from './sliceMessages.ts';

/** Milliseconds of a slice's work between two looks at the messages. */
const SLICE_PASS_MS = 25;

const port = parentPort;
if (!port) throw new Error('engine/sliceWorker.ts must run in a worker thread');
const post = (msg: SliceWorkerMessage): void => port.postMessage(msg);

const sources = new Map<number, DetachedSource>();
const losses: Extract<SliceWorkerRequest, { t: 'loss' }>[] = [];
const slices: { id: number; job: SliceJob }[] = [];
let scheduled = false;
let ready = false;
const early: SliceWorkerRequest[] = [];

function source(key: number): DetachedSource {
  const s = sources.get(key);
  if (!s) throw new Error(`no source ${key}`);
  return s;
}

function handle(msg: SliceWorkerRequest): void {
  switch (msg.t) {
    case 'source': {
      sources.set(msg.key, detachSource(msg.spec));
      // The oldest falls out, as on the sending side (sliceMessages.ts).
      while (sources.size > SOURCE_SLOTS) {
        const [oldest, s] = sources.entries().next().value as [number, DetachedSource];
        s.dispose();
        sources.delete(oldest);
      }
      return;
    }
    case 'cancel': {
      const at = slices.findIndex((s) => s.id === msg.id);
      if (at >= 0) (slices.splice(at, 1)[0] as { job: SliceJob }).job.dispose();
      return;
    }
    case 'loss':
      losses.push(msg);
      break;
    case 'slice':
      try {
        const s = source(msg.key);
        s.setStats(msg.stats);
        // The plan copies the statistics when it is made: at the job's first pass, before another job's set.
        const job = new SliceJob(s.source, msg.plane, { range: msg.range, ...(msg.levels ? { levels: msg.levels } : {}) });
        job.run(0);
        slices.push({ id: msg.id, job });
        report(msg.id, job, []);
      } catch (err) {
        post({ t: 'error', id: msg.id, message: err instanceof Error ? err.message : String(err) });
      }
      break;
  }
  schedule();
}

function schedule(): void {
  if (scheduled || (!losses.length && !slices.length)) return;
  scheduled = true;
  setImmediate(work);
}

/** One loss, or one pass of the slice whose turn it is; then back to the messages. */
function work(): void {
  scheduled = false;
  const loss = losses.shift();
  if (loss) {
    const t0 = performance.now();
    try {
      const s = source(loss.key);
      s.setStats(loss.stats);
      post({ t: 'loss', id: loss.id, loss: trueLoss(s.source, loss.values), ms: performance.now() - t0 });
    } catch (err) {
      post({ t: 'error', id: loss.id, message: err instanceof Error ? err.message : String(err) });
    }
  } else {
    const turn = slices.shift();
    if (turn) {
      try {
        const levels = turn.job.run(SLICE_PASS_MS);
        if (!turn.job.done) slices.push(turn);
        report(turn.id, turn.job, levels);
      } catch (err) {
        turn.job.dispose();
        post({ t: 'error', id: turn.id, message: err instanceof Error ? err.message : String(err) });
      }
    }
  }
  schedule();
}

function report(id: number, job: SliceJob, levels: ReturnType<SliceJob['run']>): void {
  levels.forEach((level, i) => post({ t: 'level', id, level, done: job.done && i === levels.length - 1 }));
  if (job.done) job.dispose();
}

port.on('message', (msg: SliceWorkerRequest) => {
  if (ready) handle(msg);
  else early.push(msg);
});

try {
  const choice = await selectBackend((workerData as SliceWorkerInit).backend);
  ready = true;
  post({ t: 'ready', backend: choice.name });
  for (const msg of early.splice(0)) handle(msg);
} catch (err) {
  post({ t: 'fatal', message: err instanceof Error ? err.message : String(err) });
}
