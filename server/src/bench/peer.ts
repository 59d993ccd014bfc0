/**
 * `gradcast bench pytorch`: our step time on the embedded backend (wasm) against PyTorch on the CPU (the
 * course's own framework) for the same lessons, measured in one run on the same machine. PyTorch comes from
 * Debian's python3-torch through scripts/pytorch_baseline.py (one thread: more stalls on a shared 2-core box).
 * ratio = ours / PyTorch: below 1 means we are faster. Two ratios: of the median step's wall time, and of the
 * median step's process CPU time (every thread included, on both sides), which other work on a shared machine
 * disturbs less.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listLessons } from '../lessons/catalogue.ts';
import { measureTrain } from './train.ts';

const SCRIPT = fileURLToPath(new URL('../../../scripts/pytorch_baseline.py', import.meta.url));

/**
 * Debian's python3-torch installs into Debian's own interpreter; a `python3` earlier on PATH (pyenv, a venv)
 * would not see it. So Debian's interpreter first, where there is one.
 */
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

export interface PeerRow {
  lesson: string;
  oursMs: number;
  pytorchMs: number | null;
  ratio: number | null;
  oursCpuMs: number;
  pytorchCpuMs: number | null;
  cpuRatio: number | null;
}

interface Side {
  ms: number;
  cpuMs: number;
}

export class PeerUnavailableError extends Error {}

/**
 * Lesson by lesson, PyTorch then ours, so both sides of a ratio are measured minutes apart at most under the
 * same load (run all of PyTorch first and the shared machine's load can change before ours runs: ratios moved
 * by 1.5× that way). With `rounds` > 1 the pair is measured again after every lesson's first round and each
 * side keeps its fastest median (the run least disturbed by other work on the machine).
 */
export async function benchPeer(opts: { lessons?: string[]; rounds?: number; log?: (line: string) => void } = {}): Promise<PeerRow[]> {
  const ids = opts.lessons ?? listLessons().filter((l) => l.trains).map((l) => l.id);
  const rounds = opts.rounds ?? 1;
  if (!Number.isInteger(rounds) || rounds < 1) throw new RangeError(`rounds must be a whole number ≥ 1, got ${rounds}`);
  opts.log?.(`PyTorch: ${PYTHON} ${path.relative(process.cwd(), SCRIPT)} --threads 1, interleaved with ours lesson by lesson (${ids.length} lessons, ${rounds} round(s))…`);
  const best = new Map<string, { ours: Side; theirs: Side | null }>();
  const faster = (a: Side | null | undefined, b: Side | null): Side | null =>
    !a ? b : !b ? a : { ms: Math.min(a.ms, b.ms), cpuMs: Math.min(a.cpuMs, b.cpuMs) };
  for (let round = 0; round < rounds; round++) {
    for (const id of ids) {
      const theirs = pytorchSide(id);
      const [ours] = await measureTrain({ backends: ['wasm'], lessons: [id], log: opts.log });
      if (!ours) continue;
      const prev = best.get(id);
      best.set(id, { ours: faster(prev?.ours, { ms: ours.msPerStep, cpuMs: ours.cpuMsPerStep }) as Side, theirs: faster(prev?.theirs, theirs) });
    }
  }
  const ratio = (a: number, b: number | undefined): number | null => (b ? Number((a / b).toFixed(2)) : null);
  return ids.flatMap((id) => {
    const b = best.get(id);
    if (!b) return [];
    const { ours, theirs } = b;
    return [
      {
        lesson: id,
        oursMs: ours.ms,
        pytorchMs: theirs?.ms ?? null,
        ratio: ratio(ours.ms, theirs?.ms),
        oursCpuMs: ours.cpuMs,
        pytorchCpuMs: theirs?.cpuMs ?? null,
        cpuRatio: ratio(ours.cpuMs, theirs?.cpuMs),
      },
    ];
  });
}

/** PyTorch's median ms per step and CPU ms per step for one lesson (null when the script has no model for it). */
function pytorchSide(id: string): Side | null {
  const py = spawnSync(PYTHON, [SCRIPT, '--json', '--threads', '1', '--lessons', id], { encoding: 'utf8', maxBuffer: 16 << 20 });
  if (py.status === 3 || py.error) {
    throw new PeerUnavailableError('PyTorch is not available: apt-get install -y python3-torch');
  }
  if (py.status !== 0) throw new Error(`pytorch_baseline.py failed on ${id}: ${(py.stderr || py.stdout).trim().split('\n').pop()}`);
  const rows = JSON.parse(py.stdout.trim().split('\n').pop() as string) as { lesson: string; msPerStep: number; cpuMsPerStep: number }[];
  const row = rows.find((r) => r.lesson === id);
  return row ? { ms: row.msPerStep, cpuMs: row.cpuMsPerStep } : null;
}
