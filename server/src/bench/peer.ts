/**
 * `gradcast bench pytorch`: our step time on the embedded backend (wasm) against PyTorch on the CPU (the
 * course's own framework) for the same lessons, measured in one run on the same machine. PyTorch comes from
 * Debian's python3-torch through scripts/pytorch_baseline.py (one thread: more stalls on a shared 2-core box).
 * ratio = ours / PyTorch: below 1 means we are faster.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listLessons } from '../lessons/index.ts';
import { benchTrain } from './train.ts';

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
}

export class PeerUnavailableError extends Error {}

export async function benchPeer(opts: { lessons?: string[]; log?: (line: string) => void } = {}): Promise<PeerRow[]> {
  const ids = opts.lessons ?? listLessons().filter((l) => l.trains).map((l) => l.id);
  opts.log?.(`PyTorch: ${PYTHON} ${path.relative(process.cwd(), SCRIPT)} --threads 1 (${ids.length} lessons)…`);
  const py = spawnSync(PYTHON, [SCRIPT, '--json', '--threads', '1', '--lessons', ids.join(',')], {
    encoding: 'utf8',
    maxBuffer: 16 << 20,
  });
  if (py.status === 3 || py.error) {
    throw new PeerUnavailableError('PyTorch is not available: apt-get install -y python3-torch');
  }
  if (py.status !== 0) throw new Error(`pytorch_baseline.py failed: ${(py.stderr || py.stdout).trim().split('\n').pop()}`);
  const theirs = new Map<string, number>(
    (JSON.parse(py.stdout.trim().split('\n').pop() as string) as { lesson: string; msPerStep: number }[]).map((r) => [r.lesson, r.msPerStep]),
  );
  const ours = await benchTrain({ backends: ['wasm'], lessons: ids, log: opts.log });
  return ours.map((r) => {
    const p = theirs.get(r.lesson) ?? null;
    return { lesson: r.lesson, oursMs: r.msPerStep, pytorchMs: p, ratio: p ? Number((r.msPerStep / p).toFixed(2)) : null };
  });
}
