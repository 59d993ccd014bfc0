/**
 * Everything the server has told this page about its room, as Svelte state, plus the intents a member can send.
 * One Session per room page; components read its fields and call its methods, and never touch the socket.
 *
 * Frames: each binary frame's 24-byte head is peeked first; frames of an older model generation are dropped
 * unparsed, a newer generation is adopted (clearing the per-generation histories), then the frame is decoded
 * and kept as the latest of its channel. Metrics and path frames carry windows of recent points; they are also
 * merged by step into the loss history and the optimizer path (StepSeries), which the charts and scene draw.
 */
import {
  decodeFrame,
  isHyperparamName,
  peekFrame,
  StepSeries,
  type Annotation,
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

export type Connection = 'connecting' | 'connected' | 'reconnecting' | 'closed';

/** Loss per optimizer step of the current generation; `steps` strictly increasing, same length as `losses`. */
export interface MetricsHistory {
  steps: number[];
  losses: number[];
}

/** The optimizer's trajectory of the current generation in surface coordinates, oldest point first. */
export interface PathHistory {
  steps: number[];
  /** (w, b) per point, interleaved: [n, 2]. */
  xy: Float32Array;
  /** L(θ_k) per point. */
  loss: Float32Array;
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
const EMPTY_HISTORY: MetricsHistory = { steps: [], losses: [] };
/** Path points kept before older ones are thinned (the server keeps 2048). */
const PATH_CAPACITY = 4096;
const EMPTY_PATH: PathHistory = { steps: [], xy: new Float32Array(0), loss: new Float32Array(0) };

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
  /** Hyperparameter changes, oldest first; each carries the generation and step it happened at. */
  annotations = $state<Annotation[]>([]);
  backend = $state('');

  /** Latest decoded frame of each channel, each channel separately reactive. */
  readonly frames = new LatestFrames();
  /** Loss history of the current generation (a new object on every change). */
  metrics = $state.raw<MetricsHistory>(EMPTY_HISTORY);
  /** Optimizer path of the current generation (a new object on every change). */
  path = $state.raw<PathHistory>(EMPTY_PATH);

  framesReceived = $state(0);
  bytesReceived = $state(0);
  framesPerSecond = $state(0);
  bytesPerSecond = $state(0);

  toasts = $state<Toast[]>([]);

  #auth: JoinAuth;
  #socket: RoomSocket | null = null;
  #history = new StepSeries(HISTORY_CAPACITY);
  /** Columns: w, b, loss. */
  #pathSeries = new StepSeries(PATH_CAPACITY, 3);
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

  async control(action: RunAction): Promise<boolean> {
    const res = await this.#request(capitalise(action), (s) => s.emitWithAck('run:control', { action }));
    if (!res) return false;
    if (res.generation > this.generation) this.#adoptGeneration(res.generation);
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
    this.backend = snapshot.backend;
    this.#clearHistories();
    this.frames.clear();
    for (const bytes of frames) this.#ingest(bytes);
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
    this.annotations.push({ step: change.step, generation: this.generation, by: change.by, changes, at: Date.now() });
  }

  #onStatus(status: RunStatus): void {
    if (status.generation < this.generation) return;
    if (status.generation > this.generation) this.#adoptGeneration(status.generation);
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
    if (frame.generation > this.generation) this.#adoptGeneration(frame.generation);
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
    const steps = frame.fields['step']?.data;
    const xy = frame.fields['xy']?.data;
    const loss = frame.fields['loss']?.data;
    const n = steps?.length ?? 0;
    if (!steps || !xy || !loss || loss.length !== n || xy.length !== 2 * n) return;
    const p = this.#pathSeries;
    const full = frame.meta['full'] === true;
    if (full) p.clear();
    const before = p.length;
    const last = p.lastStep;
    const w = new Float64Array(n);
    const b = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      w[k] = xy[2 * k] as number;
      b[k] = xy[2 * k + 1] as number;
    }
    p.merge(steps, w, b, loss);
    if (p.length === before && p.lastStep === last && !full) return;
    const [ws, bs, ls] = p.columns as [number[], number[], number[]];
    const out = new Float32Array(p.length * 2);
    for (let k = 0; k < p.length; k++) {
      out[2 * k] = ws[k] as number;
      out[2 * k + 1] = bs[k] as number;
    }
    this.path = { steps: p.steps, xy: out, loss: Float32Array.from(ls) };
  }

  /**
   * Live metrics frames repeat the last ≤ 256 points, so they merge by step; a frame marked `full` (a snapshot,
   * or the history rewritten by a reset or revert) holds the whole series and replaces it.
   */
  #mergeMetrics(frame: Frame): void {
    const steps = frame.fields['step']?.data;
    const losses = frame.fields['loss']?.data;
    if (!steps || !losses || steps.length !== losses.length) return;
    const h = this.#history;
    if (frame.meta['full'] === true) h.clear();
    const before = h.length;
    const last = h.lastStep;
    h.merge(steps, losses);
    if (h.length !== before || h.lastStep !== last || frame.meta['full'] === true) {
      this.metrics = { steps: h.steps, losses: h.values };
    }
  }

  /** A newer model generation (reset, revert, rebuild): its histories start empty. */
  #adoptGeneration(generation: number): void {
    this.generation = generation;
    this.step = 0;
    this.#clearHistories();
  }

  #clearHistories(): void {
    this.#history.clear();
    this.metrics = EMPTY_HISTORY;
    this.#pathSeries.clear();
    this.path = EMPTY_PATH;
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
