/**
 * Everything the server has told this page about its room, as Svelte state, plus the intents a member can send.
 * One Session per room page; components read its fields and call its methods, and never touch the socket.
 *
 * Frames: each binary frame's 24-byte head is peeked first; frames of an older model generation are dropped
 * unparsed, a newer generation is adopted (the run history rewinds to where it starts), then the frame is decoded
 * and kept as the latest of its channel. Metrics and path frames also go to the run history (RunHistory.ts: loss,
 * optimizer path and evaluations of every run, merged by step), whose views the charts and scene draw.
 *
 * The change log (the snapshot's, then every hp:changed and every options:changed of a training lesson) is kept
 * with the server's own rule (ChangeLog): cut to a new generation's start step when its run:status tells it.
 *
 * A `landscape` frame (a loss slice of a larger network) is held like any channel and read once into a typed view
 * (`landscape`).
 *
 * Demo lessons (no training) stream one `panels` frame per change of their own controls; their values come in
 * the snapshot and in `options:changed`, and change with `options:set`.
 *
 * Drawing: a `frames` packet is only counted and queued as it arrives; the queue is ingested once per animation
 * frame (DrawScheduler: a burst of packets is one draw, and the socket's other events, control acks included,
 * never wait behind a draw per packet). Every other server event first ingests what is queued, so the session
 * sees events in the order the server sent them. How long those draws take and how often the page paints is
 * measured (DrawRateMeter), and the rate it can afford is asked of the server (`frames:rate`, `frameRate`).
 */
import { flushSync } from 'svelte';
import {
  ChangeLog,
  type Channel,
  decodeFrame,
  isHyperparamName,
  markedChanges,
  peekFrame,
  type Annotation,
  type FastForwardEnded,
  type FastForwardStatus,
  type FastForwardTarget,
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
  MEMBERS_PAGE_MAX,
  type RoomSnapshot,
  type RunAction,
  type RunState,
  type RunStatus,
} from '@gradcast/shared';
import { slowCloseMessage } from './slowClose.ts';
import { connectRoom, FATAL_JOIN_ERRORS, type RoomSocket } from './socket.ts';
import { LatestFrames } from './LatestFrames.svelte.ts';
import { Lecture } from './lecture.svelte.ts';
import { readLandscape, type Landscape } from './landscape.ts';
import { applyMembers, roomSize } from './members.ts';
import type { EvalSeries } from './EvalHistory.ts';
import { RateMeter } from './rateMeter.svelte.ts';
import { DrawRateMeter, DrawScheduler, FRAME_RATE_MAX, watchDrawRate } from './drawRate.ts';
import { RunHistory, type MetricsHistory, type PathHistory } from './RunHistory.ts';
import type { EvalTable } from './runFrames.ts';

/** A hyperparameter change as the page shows it: its known names only, who made it, the step it took effect at. */
export interface LastHpChange {
  by: HpChanged['by'];
  changes: Record<string, [unknown, unknown]>;
  step: number;
}

export type Connection = 'connecting' | 'connected' | 'reconnecting' | 'closed';

/** A reason this page cannot show the room; the App shows it as an error screen. */
export interface RoomError {
  title: string;
  message: string;
}

/** How long an intent waits for the server's acknowledgement. */
const ACK_TIMEOUT_MS = 5000;

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
  /**
   * The people who matter, as the server lists them (presenter first, then members granted control; at most
   * MEMBERS_SHOWN): not everyone in the room. The presenter pages the whole list with `listMembers`.
   */
  members = $state.raw<MemberInfo[]>([]);
  /** Everyone in the room, the presenter included (the room's size; `members` is only the short list). */
  viewers = $state(0);
  /**
   * The changes along the current history, oldest first, each with the generation and step it took effect at
   * (the change log's entries; a new array on every change).
   */
  annotations = $state.raw<readonly Annotation[]>([]);
  backend = $state('');

  /** Latest decoded frame of each channel, each channel separately reactive. */
  readonly frames = new LatestFrames();
  /**
   * The latest loss-landscape slice as a typed view, read once per frame (net/landscape.ts); newest wins by
   * generation and step like every channel (#ingest). A slice of an older generation than the run's is hidden:
   * its plane goes through weights that no longer exist. Null while none (or a malformed one) is held.
   */
  readonly landscape: Landscape | null = $derived.by(() => {
    const f = this.frames.landscape;
    return f && f.generation === this.generation ? readLandscape(f) : null;
  });
  // The run history's views (RunHistory), each a new object on every change.
  /** Loss history of the current generation. */
  metrics = $state.raw<MetricsHistory>({ steps: [], runs: [] });
  /** Optimizer path of the current generation. */
  path = $state.raw<PathHistory>({ steps: [], runs: [] });
  /** Names of a comparison lesson's variants, in row order; empty for a single run. */
  variants = $state.raw<string[]>([]);
  /** Each run's latest evaluation metrics (testAccuracy, trainAccuracy, testLoss…; NaN where unknown). */
  evals = $state.raw<EvalTable>({ names: [], rows: [] });
  /** Evaluation metrics over the steps, one series per (run, metric). */
  evalSeries = $state.raw<EvalSeries[]>([]);

  /** The current values of the lesson's own options (a demo's inputs, a training lesson's options; server-confirmed). */
  options = $state<OptionValues>({});
  /** The last change of the lesson's options, and who made it. */
  lastOptionChange = $state.raw<OptionsChanged | null>(null);
  /** The last hyperparameter change (hp:changed), and who made it: a new object for each one. */
  lastHpChange = $state.raw<LastHpChange | null>(null);
  /** The fast-forward under way (run:status `forward`), null when none: its progress is (step − from) / (to − from). */
  forward = $state.raw<FastForwardStatus | null>(null);
  /** The last fast-forward that ended (run:fastForwarded): done, cancelled or stopped, and where. */
  lastForward = $state.raw<FastForwardEnded | null>(null);

  /** Frames and bytes this page receives per second. */
  readonly rates = new RateMeter();
  /** Teaching beside the run: following the presenter or exploring, the poll, raised hands (lecture.svelte.ts). */
  readonly lecture: Lecture = new Lecture(
    (what, send, opts) => this.#request(what, send, opts),
    () => this.isPresenter,
    () => this.state === 'running',
  );
  /**
   * The most `frames` packets a second the server sends this page (frames:rate, as the server confirmed it): what
   * the page can draw, 1 while it is hidden. The server's default, 30, after each join until a change is confirmed.
   */
  frameRate = $state(FRAME_RATE_MAX);
  /** Where intents that fail say why (the page shows it: shell/toasts.svelte.ts). */
  readonly #notify: (message: string) => void;

  #auth: JoinAuth;
  #socket: RoomSocket | null = null;
  /** Channels this page does not want now (its views scrolled out of sight): the server stops sending them. */
  // Not page state: nothing draws it, it only shapes the next frames:subscribe.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #muted = new Set<Channel>();
  #history = new RunHistory();
  #changes = new ChangeLog();
  /** The generation the change log is cut for (the snapshot's, then each new one's run:status). */
  #changesGeneration = 0;
  #warnedBadFrame = false;
  /** Frames packets' bytes not ingested yet, oldest first: ingested once per animation frame (#drawQueued). */
  #queued: FrameBytes[] = [];
  readonly #draw = new DrawScheduler((painted) => this.#drawQueued(painted));
  readonly #drawRate = new DrawRateMeter();
  #stopDrawRate: (() => void) | null = null;
  /** The rate the server was asked for on this connection (FRAME_RATE_MAX: its default, nothing asked). */
  #rateAsked = FRAME_RATE_MAX;
  /** A frames:rate request is waiting for its ack. */
  #rateInFlight = false;
  /** Counts joins, so an ack from an earlier connection is ignored. */
  #joins = 0;

  constructor(auth: JoinAuth, notify: (message: string) => void = () => {}) {
    this.roomId = auth.roomId;
    this.#auth = auth;
    this.#notify = notify;
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
    socket.on('disconnect', (reason, details) => {
      if (reason === 'io client disconnect') {
        this.connection = 'closed';
      } else if (reason === 'io server disconnect') {
        // The server ended the connection on purpose; Socket.IO will not retry by itself.
        this.connection = 'closed';
        this.error ??= { title: 'Disconnected', message: 'The server closed this connection; the room may have ended.' };
      } else {
        this.connection = 'reconnecting';
        const slow = slowCloseMessage(details);
        if (slow) this.#notify(slow);
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
      this.rates.packet();
      for (const bytes of frames) {
        this.rates.count(bytes.byteLength);
        this.#queued.push(bytes);
      }
      if (this.#queued.length) this.#draw.request();
    });
    socket.on('hp:changed', (change) => this.#onHpChanged(change));
    socket.on('run:status', (status) => this.#onStatus(status));
    socket.on('room:members', (update) => this.#onMembers(update));
    socket.on('room:you', (you) => {
      this.you = you;
    });
    socket.on('options:changed', (change) => this.#onOptionsChanged(change));
    socket.on('run:fastForwarded', (ended) => {
      this.#draw.runNow();
      this.forward = null;
      this.lastForward = ended;
    });
    socket.on('view:follow', (view) => this.lecture.onFollow(view));
    socket.on('poll:state', (poll) => this.lecture.onPoll(poll));
    socket.on('hands:state', (hands) => this.lecture.onHands(hands));
    socket.on('hand:you', ({ raised }) => this.lecture.onHand(raised));

    this.rates.start();
    this.#stopDrawRate = watchDrawRate(this.#drawRate, () => this.#askFrameRate());
  }

  close(): void {
    this.lecture.close();
    this.rates.stop();
    this.#stopDrawRate?.();
    this.#stopDrawRate = null;
    this.#draw.cancel();
    this.#queued = [];
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
    this.#draw.runNow(); // the frames that came before the ack, in their order
    if (res.generation > this.generation) this.#adoptGeneration(res.generation);
    if (res.generation === this.generation) {
      this.state = res.state;
      this.step = res.step;
    }
    return true;
  }

  /** Trains at full speed to a step or an epoch's end, paused there (run:fastForward); progress comes in run:status. */
  async fastForward(target: FastForwardTarget): Promise<boolean> {
    const res = await this.#request('Fast-forward', (s) => s.emitWithAck('run:fastForward', target));
    if (!res) return false;
    if (res.generation === this.generation) {
      this.state = res.state;
      this.forward = res.forward;
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

  /**
   * Presenter only: one page of the whole member list (presenter first, then granted members, then everyone else
   * in join order) and the room's total, or null after showing why it failed. `limit` is kept within 1..100.
   */
  async listMembers(offset: number, limit: number): Promise<{ total: number; members: MemberInfo[] } | null> {
    const body = {
      offset: Math.max(0, Math.floor(offset)),
      limit: Math.min(MEMBERS_PAGE_MAX, Math.max(1, Math.floor(limit))),
    };
    const res = await this.#request('Member list', (s) => s.emitWithAck('members:list', body));
    return res && { total: res.total, members: res.members };
  }

  /**
   * Asks the server for the frame rate this page can draw (frames:rate), when it differs from what this
   * connection asked for: one request at a time, the latest wish sent once the previous ack is in. Best effort: a
   * failure is a console warning only (the frames then keep their rate), and the next join asks again.
   */
  #askFrameRate(): void {
    const fps = this.#drawRate.tier;
    if (!this.joined || this.#rateInFlight || fps === this.#rateAsked) return;
    if (!this.#socket?.connected) return;
    const joins = this.#joins;
    this.#rateInFlight = true;
    this.#rateAsked = fps;
    void this.#request('Frame rate', (s) => s.emitWithAck('frames:rate', { fps }), { quiet: true }).then((res) => {
      if (joins !== this.#joins) return; // a new connection: its snapshot asks afresh
      this.#rateInFlight = false;
      if (res) this.frameRate = res.fps;
      this.#askFrameRate();
    });
  }

  /**
   * Sends one acknowledged request. Resolves the ack's success body, or null after showing why it failed
   * (refused by the server, no answer in time, or not connected): as a toast, or with `quiet` (requests the
   * page makes by itself) as a console warning only.
   */
  async #request<T extends object>(
    what: string,
    send: (socket: ReturnType<RoomSocket['timeout']>) => Promise<({ ok: true } & T) | { ok: false; error: { code: string; message: string } }>,
    { quiet = false }: { quiet?: boolean } = {},
  ): Promise<T | null> {
    const fail = (message: string): null => {
      if (quiet) console.warn(`gradcast: ${message}`);
      else this.#notify(message);
      return null;
    };
    const socket = this.#socket;
    if (!socket?.connected) return fail(`${what} not sent: not connected to the server.`);
    try {
      const res = await send(socket.timeout(ACK_TIMEOUT_MS));
      if (!res.ok) return fail(`${what} refused: ${res.error.message}`);
      return res;
    } catch {
      return fail(`${what}: the server did not answer within ${ACK_TIMEOUT_MS / 1000} s.`);
    }
  }

  // ---- server events ----

  #onSnapshot(snapshot: RoomSnapshot, frames: FrameBytes[]): void {
    this.#draw.runNow();
    // A reconnect to the same generation keeps the history: the snapshot's frames merge into it. Another
    // generation starts from the snapshot's alone (it does not say where that generation started).
    if (snapshot.generation !== this.generation) this.#history.clear();
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
    this.viewers = roomSize(snapshot.viewers, snapshot.members);
    // Already cut to the current generation by the server.
    this.#changes = new ChangeLog();
    for (const a of snapshot.annotations) this.#changes.add(a);
    this.#changesGeneration = snapshot.generation;
    this.annotations = this.#changes.entries.slice();
    this.backend = snapshot.backend;
    // Values the server did not send (an older server) start at the controls' defaults.
    const defaults = Object.fromEntries((snapshot.lesson.options ?? []).map((c) => [c.name, c.default]));
    this.options = { ...defaults, ...snapshot.options };
    this.lastOptionChange = null;
    this.lastHpChange = null;
    this.forward = null;
    this.lastForward = null;
    this.lecture.onSnapshot(snapshot);
    this.frames.clear();
    for (const bytes of frames) {
      this.rates.count(bytes.byteLength);
      this.#ingest(bytes);
    }
    this.#publishHistory();
    if (this.#muted.size) this.#subscribe();
    this.joined = true;
    this.error = null;
    // A new connection starts at the server's default rate: ask again for what this page can draw.
    this.#joins++;
    this.#rateInFlight = false;
    this.#rateAsked = FRAME_RATE_MAX;
    this.frameRate = FRAME_RATE_MAX;
    this.#askFrameRate();
  }

  #onHpChanged(change: HpChanged): void {
    this.#draw.runNow();
    const changes: Record<string, [unknown, unknown]> = {};
    for (const [name, pair] of Object.entries(change.changes)) {
      if (!pair || !isHyperparamName(name)) continue;
      changes[name] = pair;
      (this.hyperparameters as Record<string, unknown>)[name] = pair[1];
    }
    if (Object.keys(changes).length) this.lastHpChange = { by: change.by, changes, step: change.step };
    this.#annotate({ step: change.step, generation: this.generation, by: change.by, kind: 'hp', changes, at: Date.now() });
  }

  /** Logs the changes that deserve a marker, as the server's room logs them (markedChanges). */
  #annotate(a: Annotation): void {
    const changes = markedChanges(a, this.lesson?.options ?? []);
    if (!Object.keys(changes).length) return;
    this.#changes.add({ ...a, changes });
    this.annotations = this.#changes.entries.slice();
  }

  #onOptionsChanged(change: OptionsChanged): void {
    this.#draw.runNow();
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
    this.#draw.runNow();
    if (status.generation < this.generation) return;
    if (status.generation > this.generation) this.#adoptGeneration(status.generation, status.start);
    else this.#history.startsAt(status.start);
    this.#publishHistory();
    if (status.generation > this.#changesGeneration) {
      this.#changesGeneration = status.generation;
      this.#changes.restartAt(status.start);
      this.annotations = this.#changes.entries.slice();
    }
    this.state = status.state;
    this.step = status.step;
    this.loss = status.loss;
    this.stepsPerSecond = status.stepsPerSecond;
    this.forward = status.forward ?? null;
  }

  #onMembers(update: MembersUpdate): void {
    const presence = applyMembers(update, this.you);
    this.members = presence.members;
    this.viewers = presence.viewers;
    this.locked = presence.locked;
    if (presence.you !== this.you) this.you = presence.you;
  }

  // ---- frames ----

  /**
   * Ingests the queued frames packets in one go (DrawScheduler: on the next animation frame, or at once before
   * another server event). On a paint, the view updates they cause are made now too (flushSync), so the meter
   * times the whole draw.
   */
  #drawQueued(painted: boolean): void {
    const queued = this.#queued;
    if (!queued.length) return;
    this.#queued = [];
    const start = performance.now();
    for (const bytes of queued) this.#ingest(bytes);
    this.#publishHistory();
    if (painted) {
      flushSync();
      this.#drawRate.drew(performance.now() - start);
    }
  }

  /** Keeps one frame (the caller publishes the run history afterwards: #publishHistory). */
  #ingest(bytes: FrameBytes): void {
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
    if (frame.channel === 'metrics') this.#history.addMetrics(frame);
    if (frame.channel === 'path') this.#history.addPath(frame);
    this.frames.set(frame);
  }

  /**
   * A newer model generation (reset, revert, rebuild), first seen in a frame, an ack, a snapshot or its run:status:
   * its history keeps what came before its start step, once that is known (only run:status tells it).
   */
  #adoptGeneration(generation: number, start?: number): void {
    this.generation = generation;
    this.step = 0;
    this.#history.newGeneration(start);
    this.#publishHistory();
  }

  /** The run history's views as page state (each the same object while unchanged, so nothing redraws needlessly). */
  #publishHistory(): void {
    const h = this.#history;
    this.metrics = h.loss;
    this.path = h.path;
    this.variants = h.variants;
    this.evals = h.evals;
    this.evalSeries = h.evalSeries;
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
