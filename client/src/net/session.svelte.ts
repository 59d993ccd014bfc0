/**
 * Everything the server has told this page about its room, as Svelte state, plus the intents a member can send.
 * One Session per room page; components read its fields and call its methods, and never touch the socket.
 *
 * Frames: each binary frame's 24-byte head is peeked first; frames of an older model generation are dropped
 * unparsed, a newer generation is adopted (clearing the per-generation histories), then the frame is decoded
 * and kept as the latest of its channel. Metrics and path frames carry windows of recent points; they are also
 * merged by step into the loss history and the optimizer path (StepSeries), which the charts and scene draw.
 * A comparison lesson trains several variants in lockstep: its frames carry one row per variant, and every
 * history here holds one run per variant (runFrames.ts). Metrics frames also carry each run's latest evaluation
 * metrics (accuracy…), accumulated over the steps in EvalHistory.
 *
 * Demo lessons (no training) stream one `panels` frame per change of their own controls; their values come in
 * the snapshot and in `options:changed`, and change with `options:set`.
 */
import {
  type Channel,
  decodeFrame,
  isHyperparamName,
  peekFrame,
  type Annotation,
  type OptionsChanged,
  type OptionValues,
  type Frame,
  type FrameBytes,
  type HpChanged,
  type Hyperparams,
  type JoinAuth,
  type LessonInfo,
  type MemberInfo,
  type MembersUpdate,
  type RoomSnapshot,
  type RunAction,
  type RunState,
  type RunStatus,
} from '@gradcast/shared';
import { connectRoom, FATAL_JOIN_ERRORS, type RoomSocket } from './socket.ts';
import { LatestFrames } from './LatestFrames.svelte.ts';
import { EvalHistory, type EvalSeries } from './EvalHistory.ts';
import { RunSeries } from './RunSeries.ts';
import { joinedAt, noteGeneration, type Lineage } from './lineage.ts';
import { readEvalLog, readEvals, readLossRows, readPathRows, variantLabels, type EvalTable } from './runFrames.ts';

export type Connection = 'connecting' | 'connected' | 'reconnecting' | 'closed';

/**
 * Loss per optimizer step of the current generation; `steps` strictly increasing. `runs[r][i]` is run r's loss
 * at steps[i]: one run, or one per variant of a comparison lesson (NaN once a variant diverged).
 */
export interface MetricsHistory {
  steps: number[];
  runs: number[][];
}

/** One run's trajectory in surface coordinates, oldest point first. */
export interface PathRun {
  /** (w, b) per point, interleaved: [n, 2]. */
  xy: Float32Array;
  /** L(θ_k) per point. */
  loss: Float32Array;
}

/** The optimizer's trajectory of the current generation: one path per run, all at the same steps. */
export interface PathHistory {
  steps: number[];
  runs: PathRun[];
}

export interface Toast {
  id: number;
  kind: 'error' | 'info';
  message: string;
}

/** A reason this page cannot show the room; the App shows it as an error screen. */
export interface RoomError {
  title: string;
  message: string;
}

/** How long an intent waits for the server's acknowledgement. */
const ACK_TIMEOUT_MS = 5000;
const TOAST_MS = 6000;
/** Window of the frames-per-second and bytes-per-second readout. */
const RATE_WINDOW_MS = 1000;
/** Points kept in the loss history before older ones are thinned (StepSeries keeps recent points whole). */
const HISTORY_CAPACITY = 20_000;
const EMPTY_HISTORY: MetricsHistory = { steps: [], runs: [] };
/** Path points kept before older ones are thinned (the server keeps 2048). */
const PATH_CAPACITY = 4096;
const EMPTY_PATH: PathHistory = { steps: [], runs: [] };
const EMPTY_EVALS: EvalTable = { names: [], rows: [] };
/** Changes kept (the server's log holds as many). */
const MAX_ANNOTATIONS = 500;

export class Session {
  readonly roomId: string;

  connection = $state<Connection>('connecting');
  error = $state<RoomError | null>(null);
  /** True once the first snapshot has arrived. */
  joined = $state(false);

  // Room snapshot, kept current by the events that follow it.
  title = $state('');
  lesson = $state.raw<LessonInfo | null>(null);
  state = $state<RunState>('paused');
  step = $state(0);
  generation = $state(0);
  loss = $state<number | null>(null);
  /** Optimizer steps per second measured by the server. */
  stepsPerSecond = $state(0);
  hyperparameters = $state<Partial<Hyperparams>>({});
  locked = $state(true);
  you = $state<MemberInfo | null>(null);
  members = $state<MemberInfo[]>([]);
  /**
   * Changes, oldest first, each with the generation and step it took effect at: the snapshot's log, then every
   * hp:changed, and every options:changed of a training lesson (the charts pick what to mark).
   */
  annotations = $state<Annotation[]>([]);
  /** Where each generation since joining started: which earlier changes its history still shows. */
  lineage = $state.raw<Lineage>(joinedAt(0));
  backend = $state('');

  /** Latest decoded frame of each channel, each channel separately reactive. */
  readonly frames = new LatestFrames();
  /** Loss history of the current generation (a new object on every change). */
  metrics = $state.raw<MetricsHistory>(EMPTY_HISTORY);
  /** Optimizer path of the current generation (a new object on every change). */
  path = $state.raw<PathHistory>(EMPTY_PATH);
  /** Names of a comparison lesson's variants, in row order; empty for a single run. */
  variants = $state.raw<string[]>([]);
  /** Each run's latest evaluation metrics (testAccuracy, trainAccuracy, testLoss…; NaN where unknown). */
  evals = $state.raw<EvalTable>(EMPTY_EVALS);
  /** Evaluation metrics over the steps of the current generation, one series per (run, metric). */
  evalSeries = $state.raw<EvalSeries[]>([]);

  /** The current values of the lesson's own options (a demo's inputs, a training lesson's options; server-confirmed). */
  options = $state<OptionValues>({});
  /** The last change of the lesson's options, and who made it. */
  lastOptionChange = $state.raw<OptionsChanged | null>(null);

  framesReceived = $state(0);
  bytesReceived = $state(0);
  framesPerSecond = $state(0);
  bytesPerSecond = $state(0);

  toasts = $state<Toast[]>([]);

  #auth: JoinAuth;
  #socket: RoomSocket | null = null;
  /** Channels this page does not want now (its views scrolled out of sight): the server stops sending them. */
  // Not page state: nothing draws it, it only shapes the next frames:subscribe.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #muted = new Set<Channel>();
  /** One column per run. */
  #history = new RunSeries(HISTORY_CAPACITY);
  /** Columns per run: w, b, loss. */
  #pathSeries = new RunSeries(PATH_CAPACITY, 3);
  #evalHistory = new EvalHistory();
  #rateTimer: ReturnType<typeof setInterval> | null = null;
  #rateMark = { at: 0, frames: 0, bytes: 0 };
  #toastId = 0;
  #warnedBadFrame = false;

  constructor(auth: JoinAuth) {
    this.roomId = auth.roomId;
    this.#auth = auth;
  }

  get isPresenter(): boolean {
    return this.you?.role === 'presenter';
  }
  get canControl(): boolean {
    return this.you?.canControl === true;
  }
  /** A demonstration (no optimizer): panels and demo controls instead of charts and run controls. */
  get isDemo(): boolean {
    return this.lesson?.trains === false;
  }

  connect(): void {
    if (this.#socket) return;
    const socket = connectRoom(this.#auth);
    this.#socket = socket;
    this.connection = 'connecting';

    socket.on('connect', () => {
      this.connection = 'connected';
    });
    socket.on('disconnect', (reason) => {
      if (reason === 'io client disconnect') {
        this.connection = 'closed';
      } else if (reason === 'io server disconnect') {
        // The server ended the connection on purpose; Socket.IO will not retry by itself.
        this.connection = 'closed';
        this.error ??= { title: 'Disconnected', message: 'The server closed this connection; the room may have ended.' };
      } else {
        this.connection = 'reconnecting';
      }
    });
    socket.on('connect_error', (err) => {
      const fatal = FATAL_JOIN_ERRORS[err.message];
      if (fatal !== undefined || !socket.active) {
        // Refused by the server's join check: retrying cannot help.
        this.error = { title: titleOf(err.message), message: fatal ?? err.message };
        this.connection = 'closed';
        socket.disconnect();
      } else {
        this.connection = 'reconnecting';
      }
    });

    socket.on('room:snapshot', (snapshot, frames) => this.#onSnapshot(snapshot, frames));
    socket.on('frames', (frames) => {
      for (const bytes of frames) this.#ingest(bytes);
    });
    socket.on('hp:changed', (change) => this.#onHpChanged(change));
    socket.on('run:status', (status) => this.#onStatus(status));
    socket.on('room:members', (update) => this.#onMembers(update));
    socket.on('room:you', (you) => {
      this.you = you;
    });
    socket.on('options:changed', (change) => this.#onOptionsChanged(change));

    this.#rateMark = { at: performance.now(), frames: this.framesReceived, bytes: this.bytesReceived };
    this.#rateTimer = setInterval(() => this.#sampleRates(), RATE_WINDOW_MS);
  }

  close(): void {
    if (this.#rateTimer !== null) clearInterval(this.#rateTimer);
    this.#rateTimer = null;
    this.#socket?.removeAllListeners();
    this.#socket?.disconnect();
    this.#socket = null;
    this.connection = 'closed';
  }

  // ---- intents: each waits for the server's ack; a refusal shows as a toast and resolves false ----

  /** Asks for a hyperparameter change; the shown values change when the server confirms it. */
  async setHyper(patch: Partial<Hyperparams>): Promise<boolean> {
    const res = await this.#request('Change', (s) => s.emitWithAck('hp:set', patch));
    if (!res) return false;
    Object.assign(this.hyperparameters, res.applied);
    return true;
  }

  /** Asks for new values of the lesson's options; the shown values change when the server confirms. */
  async setOptions(values: OptionValues): Promise<boolean> {
    const res = await this.#request('Change', (s) => s.emitWithAck('options:set', values));
    if (!res) return false;
    Object.assign(this.options, res.applied);
    return true;
  }

  /**
   * Stops (or resumes) a channel for this page only, e.g. the views while they are out of sight on a phone:
   * the largest frames then never cross the network. Best effort: a refusal or a lost connection only
   * means the frames keep coming; a reconnect re-applies it after the snapshot.
   */
  mute(channel: Channel, muted: boolean): void {
    if (muted === this.#muted.has(channel)) return;
    if (muted) this.#muted.add(channel);
    else this.#muted.delete(channel);
    this.#subscribe();
  }

  #subscribe(): void {
    const channels = (this.lesson?.channels ?? []).filter((c) => !this.#muted.has(c));
    this.#socket?.emit('frames:subscribe', { channels }, () => {});
  }

  async control(action: RunAction): Promise<boolean> {
    const res = await this.#request(capitalise(action), (s) => s.emitWithAck('run:control', { action }));
    if (!res) return false;
    if (res.generation > this.generation) this.#adoptGeneration(res.generation, res.step);
    if (res.generation === this.generation) {
      this.state = res.state;
      this.step = res.step;
    }
    return true;
  }

  /** Presenter only: lock (only presenter and granted members control) or unlock (everyone controls). */
  async setLocked(locked: boolean): Promise<boolean> {
    const res = await this.#request(locked ? 'Lock' : 'Unlock', (s) => s.emitWithAck('room:lock', { locked }));
    if (res) this.locked = locked;
    return res !== null;
  }

  /** Presenter only: give (`control` true) or take back control from one member. */
  async grant(memberId: string, control: boolean): Promise<boolean> {
    const res = await this.#request('Grant', (s) => s.emitWithAck('room:grant', { memberId, control }));
    return res !== null;
  }

  toast(message: string, kind: Toast['kind'] = 'error'): void {
    const id = ++this.#toastId;
    this.toasts.push({ id, kind, message });
    setTimeout(() => this.dismiss(id), TOAST_MS);
  }

  dismiss(id: number): void {
    const k = this.toasts.findIndex((t) => t.id === id);
    if (k >= 0) this.toasts.splice(k, 1);
  }

  /**
   * Sends one acknowledged request. Resolves the ack's success body, or null after showing why it failed
   * (refused by the server, no answer in time, or not connected).
   */
  async #request<T extends object>(
    what: string,
    send: (socket: ReturnType<RoomSocket['timeout']>) => Promise<({ ok: true } & T) | { ok: false; error: { code: string; message: string } }>,
  ): Promise<T | null> {
    const socket = this.#socket;
    if (!socket?.connected) {
      this.toast(`${what} not sent: not connected to the server.`);
      return null;
    }
    try {
      const res = await send(socket.timeout(ACK_TIMEOUT_MS));
      if (!res.ok) {
        this.toast(`${what} refused: ${res.error.message}`);
        return null;
      }
      return res;
    } catch {
      this.toast(`${what}: the server did not answer within ${ACK_TIMEOUT_MS / 1000} s.`);
      return null;
    }
  }

  // ---- server events ----

  #onSnapshot(snapshot: RoomSnapshot, frames: FrameBytes[]): void {
    this.title = snapshot.title;
    this.lesson = snapshot.lesson;
    this.state = snapshot.state;
    this.step = snapshot.step;
    this.generation = snapshot.generation;
    this.loss = snapshot.loss;
    this.hyperparameters = { ...snapshot.hyperparameters };
    this.locked = snapshot.locked;
    this.you = snapshot.you;
    this.members = snapshot.members;
    this.annotations = [...snapshot.annotations];
    this.lineage = joinedAt(snapshot.generation);
    this.backend = snapshot.backend;
    // Values the server did not send (an older server) start at the controls' defaults.
    const defaults = Object.fromEntries((snapshot.lesson.options ?? []).map((c) => [c.name, c.default]));
    this.options = { ...defaults, ...snapshot.options };
    this.lastOptionChange = null;
    this.#clearHistories();
    this.frames.clear();
    for (const bytes of frames) this.#ingest(bytes);
    if (this.#muted.size) this.#subscribe();
    this.joined = true;
    this.error = null;
  }

  #onHpChanged(change: HpChanged): void {
    const changes: Record<string, [unknown, unknown]> = {};
    for (const [name, pair] of Object.entries(change.changes)) {
      if (!pair || !isHyperparamName(name)) continue;
      changes[name] = pair;
      (this.hyperparameters as Record<string, unknown>)[name] = pair[1];
    }
    this.#annotate({ step: change.step, generation: this.generation, by: change.by, kind: 'hp', changes, at: Date.now() });
  }

  #annotate(a: Annotation): void {
    this.annotations.push(a);
    if (this.annotations.length > MAX_ANNOTATIONS) this.annotations.splice(0, this.annotations.length - MAX_ANNOTATIONS);
  }

  #onOptionsChanged(change: OptionsChanged): void {
    for (const [name, pair] of Object.entries(change.changes)) {
      const value = pair[1];
      if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') this.options[name] = value;
    }
    this.lastOptionChange = change;
    if (this.lesson?.trains) {
      // The server says when it took effect; without that (an older server), the latest step seen is the nearest.
      this.#annotate({ step: change.step ?? this.step, generation: this.generation, by: change.by, kind: 'option', changes: change.changes, at: Date.now() });
    }
  }

  #onStatus(status: RunStatus): void {
    if (status.generation < this.generation) return;
    if (status.generation > this.generation) this.#adoptGeneration(status.generation, status.step);
    this.lineage = noteGeneration(this.lineage, status.generation, status.step);
    this.state = status.state;
    this.step = status.step;
    this.loss = status.loss;
    this.stepsPerSecond = status.stepsPerSecond;
  }

  #onMembers(update: MembersUpdate): void {
    this.members = update.members;
    this.locked = update.locked;
    const me = this.you && update.members.find((m) => m.id === this.you?.id);
    if (me) this.you = me;
  }

  // ---- frames ----

  #ingest(bytes: FrameBytes): void {
    this.framesReceived++;
    this.bytesReceived += bytes.byteLength;
    let frame: Frame;
    try {
      const head = peekFrame(bytes);
      if (head.generation < this.generation) return; // a frame of a model that no longer exists
      frame = decodeFrame(bytes);
    } catch (err) {
      if (!this.#warnedBadFrame) console.warn('gradcast: dropped an undecodable frame', err);
      this.#warnedBadFrame = true;
      return;
    }
    if (frame.generation > this.generation) this.#adoptGeneration(frame.generation, frame.step);
    const held = this.frames.get(frame.channel);
    // Frames of one generation only move forward; an older one (reordered by a reconnect) is stale.
    if (held && held.generation === frame.generation && held.step > frame.step) return;
    if (frame.step > this.step) this.step = frame.step;
    if (frame.channel === 'metrics') this.#mergeMetrics(frame);
    if (frame.channel === 'path') this.#mergePath(frame);
    this.frames.set(frame);
  }

  /** Path frames carry a window of recent points like metrics (the whole path when `full`); same merge. */
  #mergePath(frame: Frame): void {
    const rows = readPathRows(frame);
    if (!rows) return;
    const columns = rows.runs.flatMap((r) => [r.x, r.y, r.loss]);
    if (!this.#pathSeries.merge(rows.steps, columns, frame.meta['full'] === true)) return;
    const p = this.#pathSeries;
    const runs = Array.from({ length: p.runs }, (_, r): PathRun => {
      const [ws, bs, ls] = p.run(r) as [number[], number[], number[]];
      const xy = new Float32Array(p.length * 2);
      for (let k = 0; k < p.length; k++) {
        xy[2 * k] = ws[k] as number;
        xy[2 * k + 1] = bs[k] as number;
      }
      return { xy, loss: Float32Array.from(ls) };
    });
    this.path = { steps: p.steps, runs };
  }

  /**
   * Live metrics frames repeat the last ≤ 256 points, so they merge by step; a frame marked `full` (a snapshot,
   * or the history rewritten by a reset or revert) holds the whole series and replaces it. The evaluation
   * table holds each run's latest values only: a point is added each time one changes.
   */
  #mergeMetrics(frame: Frame): void {
    const rows = readLossRows(frame);
    if (!rows) return;
    const labels = variantLabels(frame, rows.rows.length);
    if (labels.join('|') !== this.variants.join('|')) this.variants = labels;
    const h = this.#history;
    if (h.merge(rows.steps, rows.rows, frame.meta['full'] === true)) {
      this.metrics = { steps: h.steps, runs: Array.from({ length: h.runs }, (_, r) => h.run(r)[0] as number[]) };
    }
    const table = readEvals(frame);
    if (JSON.stringify(table) !== JSON.stringify(this.evals)) this.evals = table;
    // A whole-history frame (snapshot, rewrite) carries the evaluations of the whole run: replay them first.
    let changed = false;
    for (const entry of readEvalLog(frame)) changed = this.#evalHistory.observe(entry.step, entry.table) || changed;
    if (this.#evalHistory.observe(frame.step, table) || changed) this.evalSeries = this.#evalHistory.series();
  }

  /** A newer model generation (reset, revert, rebuild), first seen at `step`: its histories start empty. */
  #adoptGeneration(generation: number, step: number): void {
    this.lineage = noteGeneration(this.lineage, generation, step);
    this.generation = generation;
    this.step = 0;
    this.#clearHistories();
  }

  #clearHistories(): void {
    this.#history.clear();
    this.metrics = EMPTY_HISTORY;
    this.#pathSeries.clear();
    this.path = EMPTY_PATH;
    this.#evalHistory.clear();
    this.evalSeries = [];
    this.evals = EMPTY_EVALS;
  }

  #sampleRates(): void {
    const now = performance.now();
    const dt = (now - this.#rateMark.at) / 1000;
    if (dt <= 0) return;
    this.framesPerSecond = (this.framesReceived - this.#rateMark.frames) / dt;
    this.bytesPerSecond = (this.bytesReceived - this.#rateMark.bytes) / dt;
    this.#rateMark = { at: now, frames: this.framesReceived, bytes: this.bytesReceived };
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function titleOf(message: string): string {
  if (message === 'room not found') return 'Room not found';
  if (message === 'bad presenter key') return 'Wrong presenter key';
  return 'Cannot join this room';
}
