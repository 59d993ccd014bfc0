/**
 * `gradcast bench fanout`: many viewers in one room while it trains (issue 11's goal: 1,000 viewers join one
 * ch09-05 room within 5 s, all stay, each gets ≥ 10 frames/s, and the presenter's hp:set reaches all with p99 ≤
 * 250 ms). The server runs here, as `gradcast serve` runs it (createApp + EnginePool on port 0, wasm, real
 * training workers); the viewers run in a child process on the same machine (bench/fanoutViewers.mjs), which
 * counts `frames` packets and their bytes without decoding them, hp:changed arrivals and disconnects.
 *
 * For each viewer count: a fresh room of the lesson (POST /api/rooms), its presenter (in this process, at 1
 * frame/s so that its own client costs the server process little; it sets speed 0, full speed), the viewers joining in batches every 50 ms
 * (all opened within 4 s), then a window of `seconds` once all joined (or after 10 s): the presenter sends
 * hp:set { lr } once a second with distinct values, and latency is a viewer's arrival time minus the send time
 * (Date.now() in both processes: the same clock). CPU is process.cpuUsage over the window, in percent of one
 * core: the whole server process (training threads included), its main (socket) thread alone from
 * /proc/self/task (Linux), and the load generator.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { CreateRoomResponse } from '@gradcast/shared';
import { io as connect } from 'socket.io-client';
import type { BackendPref } from '../backend/prefs.ts';
import { type LocalServer, startLocalServer } from './localServer.ts';
import { nextMessage } from './childMessages.ts';
import { clockTicks, hostBusyCpuS, load1, loads, mainThreadCpuS } from './procStats.ts';
import { quantile } from './stats.ts';

export const FANOUT_VIEWERS = [100, 500, 1000, 2000];
/** Issue 11's goal, checked at every viewer count. */
export const FANOUT_GOAL = { joinWithinS: 5, minFramesPerSecond: 10, hpP99Ms: 250 };

const VIEWERS_SCRIPT = fileURLToPath(new URL('./fanoutViewers.mjs', import.meta.url));
const BATCH_EVERY_MS = 50;
const OPEN_WITHIN_MS = 4000;
const JOIN_WAIT_MS = 10_000;
const HP_GRACE_MS = 2000;
/** File descriptors kept aside beyond one per socket (node, tfjs, pipes, the http server). */
const FD_SPARE = 256;

/** How the viewers get their frames: packed (one binary message per packet, as the page asks) or the Socket.IO event. */
export type FanoutFrames = 'packed' | 'event';

export interface FanoutRow {
  lesson: string;
  frames: FanoutFrames;
  viewers: number;
  joined: number;
  /** Viewers that stopped reading once joined (left out of frames/s and hp:changed). */
  stalled: number;
  /** Members the server closed as too slow during the row (room/slowGuard.ts). */
  slowClosed: number;
  /** Joins that asked the training engine for frames (the rest were answered by the room alone). */
  joinAsks: number;
  /** Viewers that had joined when the window began (the rest joined during it). */
  joinedAtStart: number;
  /** Seconds from the first viewer opened to the last one's room:snapshot (null: not all had joined by the report). */
  joinS: number | null;
  /** `frames` packets per second per viewer over the window: the median viewer and the 5th percentile. */
  fpsP50: number | null;
  fpsP5: number | null;
  /** Frames (channel buffers) per second per viewer, median. */
  bufsP50: number | null;
  bytesPerSecP50: number | null;
  hpP50Ms: number | null;
  hpP99Ms: number | null;
  /** hp:changed not received within the grace after the window, of those sent after the viewer joined. */
  hpMissed: number;
  disconnects: number;
  /** Percent of one core over the window: the whole server process, its socket thread, the load generator. */
  serverCpu: number;
  socketCpu: number | null;
  genCpu: number;
  /** What every other process on the machine used over the window (the host's busy time less the two above). */
  otherCpu: number | null;
  /** The load generator's event-loop delay, p99 over the window, ms (its own latency adds to hpP99Ms). */
  genLagP99Ms: number | null;
  rssMB: number;
  /** The server's RSS at the window's end less at its start, MB. */
  rssGrowMB: number;
  stepsPerSec: number | null;
  load1Start: number;
  load1End: number;
  goal: string;
}

interface Joined {
  t: 'joined';
  joined: number;
  failed: number;
  joinErrors: Record<string, number>;
  allJoinedMs: number;
  /** From the first viewer opened to the last (the plan: OPEN_WITHIN_MS; more when the generator fell behind). */
  allOpenedMs: number;
  /** The load generator's CPU from its first open to its last join, ms. */
  joinCpuMs: number;
  joinMs: number[];
}

interface Report {
  t: 'report';
  window: { ms: number; cpu: NodeJS.CpuUsage; lagP99Ms: number; lagMaxMs: number } | null;
  /** From the first viewer opened to the last one's snapshot, once every viewer joined (even past the wait). */
  allJoinedMs: number | null;
  /** Disconnects of the viewers that kept reading; the stalled ones' apart. */
  disconnects: number;
  stalledDisconnects: number;
  disconnectReasons: Record<string, number>;
  connected: number;
  viewers: { joined: boolean; joinedAt: number; packets: number; bufs: number; bytes: number; hp: [number, number][]; disconnects: number; stalled: boolean }[];
}

/** The soft limit on open files of a process started from this one (`ulimit -n`), or null where unknown. */
export function openFileLimit(): number | null {
  try {
    const n = Number(execFileSync('/bin/sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim());
    return Number.isFinite(n) && n > 0 ? n : null; // "unlimited" → NaN → null
  } catch {
    return null;
  }
}

/** Starts the load generator, raising its open-file limit through a shell where one is at hand. */
function startViewers(want: number): ChildProcess {
  const stdio: ['ignore', 'inherit', 'inherit', 'ipc'] = ['ignore', 'inherit', 'inherit', 'ipc'];
  if (!existsSync('/bin/sh')) return spawn(process.execPath, [VIEWERS_SCRIPT], { stdio });
  const raise = `ulimit -n ${want} 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$0" "$@"`;
  return spawn('/bin/sh', ['-c', raise, process.execPath, VIEWERS_SCRIPT], { stdio });
}

/** Members closed as too slow so far (the counter in /metrics). */
async function slowClosedSoFar(app: LocalServer['app']): Promise<number> {
  const metric = await app.metrics.slowDisconnects.get();
  return metric.values[0]?.value ?? 0;
}

/** Joins and subscriptions that had to ask the training engine so far (the counter in /metrics). */
async function takeUpsSoFar(app: LocalServer['app']): Promise<number> {
  const metric = await app.metrics.takeUps.get();
  return metric.values[0]?.value ?? 0;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const round1 = (v: number | null): number | null => (v === null ? null : Number(v.toFixed(1)));

export async function benchFanout(
  opts: {
    lesson?: string;
    viewers?: number[];
    seconds?: number;
    frames?: FanoutFrames;
    /** Viewers (of each count) that stop reading once joined. */
    stalled?: number;
    backend?: BackendPref;
    log?: (line: string) => void;
  } = {},
): Promise<FanoutRow[]> {
  const lesson = opts.lesson ?? 'ch09-05';
  const frames = opts.frames ?? 'packed';
  const seconds = opts.seconds ?? 10;
  const log = opts.log ?? (() => undefined);
  const ticks = clockTicks();
  const fdServer = openFileLimit();
  const server = await startLocalServer(opts.backend ? { backend: opts.backend } : {});
  const { app, engine, url } = server;
  log(`fanout: ${lesson} on ${engine.backend.name}, ${engine.size} training worker(s); server open-file limit ${fdServer ?? 'unknown'}; load average ${loads()}`);
  const rows: FanoutRow[] = [];
  try {
    for (const asked of opts.viewers ?? FANOUT_VIEWERS) {
      let count = asked;
      if (fdServer !== null && count + FD_SPARE > fdServer) {
        count = Math.max(1, fdServer - FD_SPARE);
        log(`  ${asked} viewers: the server's open-file limit (ulimit -n) is ${fdServer}; capped at ${count}`);
      }
      rows.push(await oneSize({ url, app, lesson, frames, stalled: Math.min(opts.stalled ?? 0, count), count, seconds, ticks, log }));
    }
  } finally {
    await server.close();
  }
  log(`fanout: load average at the end ${loads()}`);
  return rows;
}

async function oneSize(p: {
  url: string;
  app: LocalServer['app'];
  lesson: string;
  frames: FanoutFrames;
  stalled: number;
  count: number;
  seconds: number;
  ticks: number;
  log: (line: string) => void;
}): Promise<FanoutRow> {
  const { url, app, lesson, frames, stalled, seconds, ticks, log } = p;
  const slow0 = await slowClosedSoFar(app);
  let count = p.count;
  const load1Start = load1();
  const res = await fetch(`${url}/api/rooms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ lesson }),
  });
  if (res.status !== 201) throw new Error(`POST /api/rooms → ${res.status} ${await res.text()}`);
  const { roomId, presenterKey } = (await res.json()) as CreateRoomResponse;
  const presenter = connect(url, { auth: { roomId, presenterKey, name: 'presenter' }, transports: ['websocket'], forceNew: true, reconnection: false });
  const child = startViewers(count + FD_SPARE);
  try {
    const snapshot = await new Promise<{ hyperparameters: Record<string, unknown>; step: number }>((resolve, reject) => {
      presenter.once('room:snapshot', (s: { hyperparameters: Record<string, unknown>; step: number }) => resolve(s));
      presenter.once('connect_error', reject);
    });
    await presenter.timeout(5000).emitWithAck('frames:rate', { fps: 1 });
    // Full speed, whatever the lesson's teaching pace: the most frames the room can make is the case to hold.
    const fast = (await presenter.timeout(5000).emitWithAck('hp:set', { speed: 0 })) as { ok: boolean };
    if (!fast.ok) throw new Error(`the room refused speed 0: ${JSON.stringify(fast)}`);
    let step = snapshot.step;
    presenter.on('run:status', (s: { step: number }) => {
      step = s.step;
    });
    const lr0 = Number(snapshot.hyperparameters.lr ?? 0.1);

    const ready = await nextMessage<{ t: 'ready'; fdLimit: number | null }>(child, 'ready', 30_000);
    if (!ready) throw new Error('the load generator did not start');
    if (ready.fdLimit !== null && count + 64 > ready.fdLimit) {
      const capped = Math.max(1, ready.fdLimit - 64);
      log(`  ${count} viewers: the load generator's open-file limit is ${ready.fdLimit} and could not be raised; capped at ${capped}`);
      count = capped;
    }
    const batch = Math.max(1, Math.ceil((count * BATCH_EVERY_MS) / OPEN_WITHIN_MS));
    const asks0 = await takeUpsSoFar(app);
    const joinLag = monitorEventLoopDelay({ resolution: 10 });
    joinLag.enable();
    const joinCpu0 = process.cpuUsage();
    const joinMain0 = mainThreadCpuS(ticks);
    const joinT0 = Date.now();
    child.send({ t: 'join', url, roomId, count, batch, everyMs: BATCH_EVERY_MS, packed: frames === 'packed', stall: stalled });
    const joined = await nextMessage<Joined>(child, 'joined', JOIN_WAIT_MS);
    const joinAsks = (await takeUpsSoFar(app)) - asks0;
    joinLag.disable();
    if (joined) {
      // What the join phase cost, in percent of one core: the server, its socket thread, the load generator.
      const s = (Date.now() - joinT0) / 1000;
      const c = process.cpuUsage(joinCpu0);
      const main = mainThreadCpuS(ticks);
      log(
        `  ${count} viewers joining: server CPU ${Math.round(((c.user + c.system) / 1e6 / s) * 100)}%` +
          (main !== null && joinMain0 !== null ? ` (socket thread ${Math.round(((main - joinMain0) / s) * 100)}%)` : '') +
          `, load generator ${Math.round((joined.joinCpuMs / 1000 / s) * 100)}%; joins that asked the training engine: ${joinAsks}; the socket thread's event-loop delay p99 ${round1(joinLag.percentile(99) / 1e6)} ms, max ${round1(joinLag.max / 1e6)} ms`,
      );
    }
    let joinS = joined && joined.joined === count ? joined.allJoinedMs / 1000 : null;
    log(
      joined
        ? `  ${count} viewers: ${joined.joined} joined in ${(joined.allJoinedMs / 1000).toFixed(2)} s, opened within ${(joined.allOpenedMs / 1000).toFixed(2)} s (join p50 ${quantile(joined.joinMs, 0.5)} ms, p99 ${quantile(joined.joinMs, 0.99)} ms)` +
            (joined.failed ? `, ${joined.failed} refused: ${JSON.stringify(joined.joinErrors)}` : '')
        : `  ${count} viewers: not all joined within ${JOIN_WAIT_MS / 1000} s; measuring anyway`,
    );

    // The window.
    const sends = new Map<number, number>();
    /** hp:set the room refused (none expected: the presenter sends valid values). */
    const refused: string[] = [];
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const cpu0 = process.cpuUsage();
    const main0 = mainThreadCpuS(ticks);
    const host0 = hostBusyCpuS(ticks);
    const step0 = step;
    const t0 = Date.now();
    child.send({ t: 'mark' });
    const rss0 = process.memoryUsage().rss;
    let rss = rss0;
    for (let k = 0; k < seconds; k += 1) {
      const lr = Number((lr0 * (1 + 0.001 * (k + 1) * (k % 2 ? -1 : 1))).toPrecision(12));
      sends.set(lr, Date.now());
      presenter.emit('hp:set', { lr }, (res: { ok: boolean; error?: { message: string } }) => {
        if (!res.ok) refused.push(`${lr}: ${res.error?.message ?? 'refused'}`);
      });
      await sleep(Math.max(0, t0 + (k + 1) * 1000 - Date.now()));
      rss = Math.max(rss, process.memoryUsage().rss);
    }
    const windowS = (Date.now() - t0) / 1000;
    child.send({ t: 'end' });
    lag.disable();
    const cpu = process.cpuUsage(cpu0);
    const main1 = mainThreadCpuS(ticks);
    const host1 = hostBusyCpuS(ticks);
    const steps = step - step0;
    await sleep(HP_GRACE_MS);
    const report = await nextMessage<Report>((child.send({ t: 'report' }), child), 'report', 30_000);
    if (!report) throw new Error('the load generator did not report');

    const win = report.window;
    if (joinS === null && report.allJoinedMs !== null) {
      joinS = report.allJoinedMs / 1000;
      log(`  ${count} viewers: all joined after ${joinS.toFixed(2)} s (during the window)`);
    }
    const winS = win ? win.ms / 1000 : windowS;
    const rssEnd = process.memoryUsage().rss;
    const members = report.viewers.filter((v) => v.joined && !v.stalled);
    const fps = members.map((v) => v.packets / winS);
    const latencies: number[] = [];
    let received = 0;
    let expectedHp = 0;
    for (const v of members) {
      for (const sent of sends.values()) if (sent >= v.joinedAt) expectedHp += 1;
      for (const [lr, at] of v.hp) {
        const sent = sends.get(lr);
        if (sent === undefined) continue;
        received += 1;
        latencies.push(at - sent);
      }
    }
    const row: FanoutRow = {
      lesson,
      frames,
      viewers: count,
      joined: report.viewers.filter((v) => v.joined).length,
      stalled,
      slowClosed: (await slowClosedSoFar(app)) - slow0,
      joinAsks,
      joinedAtStart: members.filter((v) => v.joinedAt <= t0).length,
      joinS: joinS === null ? null : Number(joinS.toFixed(2)),
      fpsP50: round1(quantile(fps, 0.5)),
      fpsP5: round1(quantile(fps, 0.05)),
      bufsP50: round1(quantile(members.map((v) => v.bufs / winS), 0.5)),
      bytesPerSecP50: quantile(members.map((v) => Math.round(v.bytes / winS)), 0.5),
      hpP50Ms: quantile(latencies, 0.5),
      hpP99Ms: quantile(latencies, 0.99),
      hpMissed: Math.max(0, expectedHp - received),
      disconnects: report.disconnects,
      serverCpu: Math.round(((cpu.user + cpu.system) / 1e6 / windowS) * 100),
      socketCpu: main0 === null || main1 === null ? null : Math.round(((main1 - main0) / windowS) * 100),
      genCpu: win ? Math.round(((win.cpu.user + win.cpu.system) / 1e6 / winS) * 100) : 0,
      otherCpu: null,
      genLagP99Ms: win ? round1(win.lagP99Ms) : null,
      rssMB: Math.round(rss / 2 ** 20),
      rssGrowMB: Math.round((rssEnd - rss0) / 2 ** 20),
      stepsPerSec: round1(steps / windowS),
      load1Start,
      load1End: load1(),
      goal: '',
    };
    if (host0 !== null && host1 !== null) {
      row.otherCpu = Math.max(0, Math.round(((host1 - host0) / windowS) * 100 - row.serverCpu - row.genCpu));
    }
    log(`  ${count} viewers: the socket thread's event-loop delay over the window p99 ${round1(lag.percentile(99) / 1e6)} ms, max ${round1(lag.max / 1e6)} ms` + (refused.length ? `; hp:set refused: ${refused.join('; ')}` : ''));
    const missed: string[] = [];
    if (row.joined < count || joinS === null || joinS > FANOUT_GOAL.joinWithinS) missed.push('join');
    if (row.disconnects > 0) missed.push('disconnects');
    if (row.fpsP5 === null || Math.min(...fps) < FANOUT_GOAL.minFramesPerSecond) missed.push('fps');
    if (row.hpP99Ms === null || row.hpP99Ms > FANOUT_GOAL.hpP99Ms || row.hpMissed > 0) missed.push('hp');
    row.goal = missed.length ? `missed: ${missed.join(',')}` : 'met';
    log(
      `  ${count} viewers: ${row.fpsP50} frames/s per viewer (p5 ${row.fpsP5}, min ${round1(quantile(fps, 0))}), hp:changed p50 ${row.hpP50Ms} ms p99 ${row.hpP99Ms} ms` +
        ` (max ${quantile(latencies, 1)} ms, ${row.hpMissed} missed), ${row.disconnects} disconnects${report.disconnects ? ` ${JSON.stringify(report.disconnectReasons)}` : ''},` +
        ` server CPU ${row.serverCpu}% (socket thread ${row.socketCpu}%), load generator ${row.genCpu}%, other processes ${row.otherCpu}% (generator's event-loop p99 ${row.genLagP99Ms} ms, max ${round1(win?.lagMaxMs ?? null)} ms), ${row.stepsPerSec} steps/s, RSS ${row.rssMB} MB (${row.rssGrowMB >= 0 ? '+' : ''}${row.rssGrowMB} MB over the window)` +
        (stalled ? `; ${stalled} stalled viewers: ${report.stalledDisconnects} disconnected, ${row.slowClosed} closed as too slow` : '') +
        `; ${row.goal}`,
    );
    return row;
  } finally {
    presenter.close();
    if (child.connected) child.send({ t: 'close' });
    else child.kill();
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(undefined) : child.once('exit', r)));
    await app.rooms.close(roomId);
    await sleep(1000);
  }
}
