/**
 * The `gradcast` command: serve, lessons, train, bench. Bad arguments print one line on stderr naming the
 * problem and exit with code 2, never a stack trace.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { BACKEND_PREFS, type BackendPref, BackendUnavailableError } from './backend/prefs.ts';
import { benchViewer } from './bench/viewer.ts';
import { table } from './bench/stats.ts';
import { getLesson, listLessons } from './lessons/catalogue.ts';

class UsageError extends Error {}

const USAGE = `Usage: gradcast <command> [options]

Commands:
  serve    [--port 3000] [--host 127.0.0.1] [--data-dir ./data] [--backend auto|gpu|node|wasm|cpu]
           [--redis redis://host:port] [--room <lessonId>]...
  lessons  [--json]
  train    <lessonId> [--steps N | --seconds S] [--backend …] [--seed N] [--json]
  bench    <suite> [--json]        (gradcast bench --help lists the suites)
`;

const BENCH_USAGE = `Usage: gradcast bench <suite> [--json] [--backend …] [--lessons id,id…] [--seconds S] [--rounds N] [--share S]
                              [--viewers N,N…]

Suites:
  train    milliseconds per training step, for each training lesson and each available backend
  viewer   frames and bytes per second that one viewer receives (ch02-03, or --lessons; default speed and unpaced)
  pytorch  ms per step on wasm against PyTorch on the CPU (Debian's python3-torch), same lessons, one run,
           the two measured lesson by lesson; --rounds N repeats each pair N times and keeps each side's best
  accuracy the MNIST goals on wasm: ch06-02 for 60 s (test accuracy ≥ 0.90), ch09-05 for 120 s (≥ 0.97)
  surface  loss-landscape slices of each lesson with more than two parameters (default backend wasm): the 33×33
           slice over 1,000 probe samples, its first 9×9 view, the naive loop it replaces, the training rate
           kept in a room while its landscape is watched (slices on a slice worker when a core is free), and
           while slices share the training thread (--share S, the slices' fraction of it, default 0.2)
  fanout   many viewers in one room while it trains (ch09-05, or --lessons): --viewers 100,500,1000,2000 join
           from a separate load-generator process within 5 s, then for --seconds S (default 10) the presenter
           sends hp:set once a second; per viewer count: joined, frames packets/s per viewer (p50, p5), bytes/s,
           hp:changed latency p50/p99, disconnects, server CPU (% of one core) and RSS, the generator's CPU;
           --frames packed|event (default packed, as the page asks), --stalled K: K viewers stop reading once
           joined (the server's RSS and how many it closed as too slow)
  wire     the per-message cost floor of fanning a binary payload (1,700 B, 12 ticks/s) out to --viewers N,N…
           (default 1000) raw ws clients in a separate process, for --seconds S (default 5): plain ws, socket.io
           (default parser, msgpack parser) and raw engine.io messages; per way: delivered packets/s, server CPU,
           µs per delivered packet and per WebSocket message, the ratio to plain ws, bytes/s per viewer, load
`;

type Values = Record<string, string | boolean | string[] | undefined>;

function parse(
  args: string[],
  options: ParseArgsConfig['options'],
  positionals = 0,
): { values: Values; positionals: string[] } {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: positionals > 0, strict: true }) as {
      values: Values;
      positionals: string[];
    };
  } catch (err) {
    throw new UsageError((err as Error).message.split('\n')[0]);
  }
  if (parsed.positionals.length > positionals) {
    throw new UsageError(`unexpected argument "${parsed.positionals[positionals]}"`);
  }
  return parsed;
}

function intOption(value: unknown, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^-?\d+$/.test(String(value)) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be an integer from ${min} to ${max}, got "${String(value)}"`);
  }
  return n;
}

function numberOption(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (String(value).trim() === '' || !Number.isFinite(n) || n <= 0) {
    throw new UsageError(`--${name} must be a number > 0, got "${String(value)}"`);
  }
  return n;
}

function backendOption(value: unknown): BackendPref {
  if (value === undefined) return 'auto';
  if (!(BACKEND_PREFS as readonly string[]).includes(String(value))) {
    throw new UsageError(`--backend must be one of ${BACKEND_PREFS.join(', ')}, got "${String(value)}"`);
  }
  return value as BackendPref;
}

const backendOpt = { backend: { type: 'string' } } as const;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;

    case 'serve': {
      const { values } = parse(rest, {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        redis: { type: 'string' },
        room: { type: 'string', multiple: true },
        ...backendOpt,
      });
      const port = intOption(values.port, 'port', 0, 65535) ?? 3000;
      const backend = backendOption(values.backend);
      const rooms = (values.room as string[] | undefined) ?? [];
      for (const id of rooms) if (!getLesson(id)) throw new UsageError(`--room: unknown lesson "${id}" (see gradcast lessons)`);
      if (values.redis !== undefined) {
        throw new UsageError('--redis: scale-out over Redis is not available in this build yet; run one process without it');
      }
      const { serve } = await import('./main.ts');
      await serve({
        port,
        host: (values.host as string | undefined) ?? '127.0.0.1',
        dataDir: (values['data-dir'] as string | undefined) ?? './data',
        backend,
        rooms,
      });
      return -1; // keep running
    }

    case 'lessons': {
      const { values } = parse(rest, { json: { type: 'boolean' } });
      const lessons = listLessons();
      if (values.json) {
        process.stdout.write(JSON.stringify(lessons.map((l) => ({ id: l.id, title: l.title, trains: l.trains }))) + '\n');
      } else {
        process.stdout.write(table(lessons.map((l) => ({ id: l.id, title: l.title, trains: l.trains ? 'yes' : 'no' }))) + '\n');
      }
      return 0;
    }

    case 'train': {
      const { values, positionals } = parse(
        rest,
        { steps: { type: 'string' }, seconds: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean' }, ...backendOpt },
        1,
      );
      const id = positionals[0];
      if (!id) throw new UsageError('train needs a lesson id (see gradcast lessons)');
      const info = getLesson(id);
      if (!info) throw new UsageError(`unknown lesson "${id}" (see gradcast lessons)`);
      if (!info.trains) throw new UsageError(`lesson "${id}" is a demo and does not train`);
      if (values.steps !== undefined && values.seconds !== undefined) throw new UsageError('give --steps or --seconds, not both');
      const steps = intOption(values.steps, 'steps', 1);
      const seconds = numberOption(values.seconds, 'seconds');
      const seed = intOption(values.seed, 'seed', 0, 2 ** 31 - 1) ?? 1;
      const { selectBackend } = await import('./backend/select.ts');
      const backend = await selectBackend(backendOption(values.backend));
      // The model builders load tfjs: only the commands that train import them (serve's socket thread never does).
      const { getTrainingLesson } = await import('./lessons/registry.ts');
      const lesson = getTrainingLesson(id);
      if (!lesson) throw new UsageError(`lesson "${id}" is a demo and does not train`);
      if (lesson.prepare) {
        let last = -1;
        await lesson.prepare((fraction, message) => {
          const pct = Math.floor(fraction * 10);
          if (pct !== last) process.stderr.write(`${message}\n`);
          last = pct;
        });
      }
      const { trainHeadless } = await import('./train/headless.ts');
      const result = trainHeadless(lesson, backend.name, {
        steps: steps ?? (seconds === undefined ? 100 : undefined),
        seconds,
        seed,
        onProgress: (p) =>
          process.stderr.write(`step ${p.step}  loss ${p.loss.toPrecision(5)}  ${(p.fraction * 100).toFixed(0)}%\n`),
      });
      const { diverged, ...out } = result;
      if (values.json) process.stdout.write(JSON.stringify(out) + '\n');
      else {
        const { variants, ...summary } = out;
        process.stdout.write(table([summary]) + '\n');
        if (variants) process.stdout.write('\n' + table(variants.map((v) => ({ ...v, diverged: v.diverged ? 'yes' : 'no' }))) + '\n');
        if (diverged) process.stdout.write('The run diverged (loss not finite); try a smaller learning rate.\n');
      }
      return 0;
    }

    case 'bench': {
      const [suite, ...more] = rest;
      if (suite === undefined || suite === '--help' || suite === '-h') {
        process.stdout.write(BENCH_USAGE);
        return suite === undefined ? 2 : 0;
      }
      const { values } = parse(more, { json: { type: 'boolean' }, seconds: { type: 'string' }, lessons: { type: 'string' }, rounds: { type: 'string' }, share: { type: 'string' }, viewers: { type: 'string' }, frames: { type: 'string' }, stalled: { type: 'string' }, ...backendOpt });
      const lessons = values.lessons === undefined ? undefined : String(values.lessons).split(',').filter(Boolean);
      for (const id of lessons ?? []) {
        if (!getLesson(id)?.trains) throw new UsageError(`--lessons: "${id}" is not a training lesson (see gradcast lessons)`);
      }
      const log = (line: string): void => void process.stderr.write(line + '\n');
      let rows: object[];
      if (suite === 'train') {
        const backends = values.backend === undefined ? undefined : [backendOption(values.backend)];
        const { benchTrain } = await import('./bench/train.ts');
        rows = await benchTrain({ backends, lessons, log });
      } else if (suite === 'viewer') {
        rows = [];
        for (const lesson of lessons ?? ['ch02-03']) {
          const backend = values.backend === undefined ? undefined : backendOption(values.backend);
          rows.push(...(await benchViewer({ lesson, seconds: numberOption(values.seconds, 'seconds'), backend, log })));
        }
      } else if (suite === 'accuracy') {
        const { benchAccuracy } = await import('./bench/accuracy.ts');
        rows = await benchAccuracy({ log });
      } else if (suite === 'pytorch') {
        const { benchPeer } = await import('./bench/peer.ts');
        rows = await benchPeer({ lessons, rounds: intOption(values.rounds, 'rounds', 1, 10), log });
      } else if (suite === 'surface') {
        const share = numberOption(values.share, 'share');
        if (share !== undefined && share >= 1) throw new UsageError(`--share must be below 1, got "${String(values.share)}"`);
        const backend = values.backend === undefined ? undefined : backendOption(values.backend);
        const { benchSurface } = await import('./bench/surface.ts');
        rows = await benchSurface({ backend, lessons, share, log });
      } else if (suite === 'fanout') {
        const viewers = values.viewers === undefined ? undefined : String(values.viewers).split(',').map((v) => intOption(v, 'viewers', 1, 20_000) as number);
        const backend = values.backend === undefined ? undefined : backendOption(values.backend);
        const { benchFanout } = await import('./bench/fanout.ts');
        rows = [];
        for (const lesson of lessons ?? ['ch09-05']) {
          const frames = values.frames === undefined ? undefined : String(values.frames);
          if (frames !== undefined && frames !== 'packed' && frames !== 'event') throw new UsageError(`--frames must be packed or event, got "${frames}"`);
          const stalled = intOption(values.stalled, 'stalled', 0, 20_000);
          rows.push(...(await benchFanout({ lesson, viewers, seconds: numberOption(values.seconds, 'seconds'), frames, stalled, backend, log })));
        }
      } else if (suite === 'wire') {
        const viewers = values.viewers === undefined ? undefined : String(values.viewers).split(',').map((v) => intOption(v, 'viewers', 1, 20_000) as number);
        const { benchWire } = await import('./bench/wire.ts');
        rows = await benchWire({ viewers, seconds: numberOption(values.seconds, 'seconds'), log });
      } else {
        throw new UsageError(`unknown bench suite "${suite}" (suites: train, viewer, pytorch, accuracy, surface, fanout, wire)`);
      }
      if (values.json) process.stdout.write(JSON.stringify(rows) + '\n');
      else process.stdout.write(table(rows as Record<string, string | number>[]) + '\n');
      return 0;
    }

    default:
      throw new UsageError(`unknown command "${command}" (commands: serve, lessons, train, bench)`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    if (err instanceof UsageError || err instanceof BackendUnavailableError) {
      process.stderr.write(`gradcast: ${err.message}\n`);
      process.exit(2);
    }
    const msg = err instanceof Error ? err.message : String(err);
    process.stderr.write(`gradcast: ${msg}\n`);
    process.exit(1);
  },
);
