/**
 * The only wire contract between server and client: Socket.IO event maps and their payloads.
 * Server: `new Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>()`.
 * Client: `io<ServerToClientEvents, ClientToServerEvents>()`. Events are named noun:verb.
 * docs/protocol.md describes each one and the binary frame layout (codec.ts).
 */
import type { Channel } from './frames.ts';
import type { HyperparamName, Hyperparams } from './hyperparams.ts';
import type { OptionValues, LessonInfo } from './lessons.ts';

export type Role = 'presenter' | 'viewer';
export type RunState = 'running' | 'paused' | 'diverged';
export type RunAction = 'play' | 'pause' | 'step' | 'reset' | 'revert';
export const RUN_ACTIONS: readonly RunAction[] = ['play', 'pause', 'step', 'reset', 'revert'];

export type ErrorCode =
  | 'invalid'
  | 'unsupported'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unavailable'
  | 'timeout'
  | 'rate_limited'
  | 'internal';

export interface ErrorBody {
  code: ErrorCode;
  message: string;
}

export type Ack<T extends object = Record<string, never>> = ({ ok: true } & T) | { ok: false; error: ErrorBody };
export type HpSetAck = Ack<{ applied: Partial<Hyperparams>; step: number }>;
export type RunControlAck = Ack<{ applied: { action: RunAction }; step: number; state: RunState; generation: number }>;
export type SimpleAck = Ack<Record<string, never>>;

/** Handshake `auth` payload: io(origin, { auth }). */
export interface JoinAuth {
  roomId: string;
  name?: string;
  presenterKey?: string;
  /**
   * `'packed'`: send this member each `frames` packet as one binary message (packedFrames.ts), which a client
   * decodes with framesParser.ts. Absent: the default, a `frames` event any Socket.IO client reads.
   */
  frames?: 'packed';
}

export interface MemberInfo {
  id: string;
  name: string;
  role: Role;
  /** May send hp:set and run:control (presenter, a granted member, or anyone in an unlocked room). */
  canControl: boolean;
}

/**
 * One change in the room's change log: a hyperparameter change (hp:changed), or a training lesson's hot options
 * that shape the training (lr schedule, its constant, the epoch to pause after; not a view's sample or drawing).
 */
export interface Annotation {
  /** Updates done when the change took effect (it applies from update step + 1). */
  step: number;
  /** The model generation it applied to. */
  generation: number;
  by: { name: string; role: Role };
  /** What changed: hyperparameters (hp:set) or lesson options (options:set); names alone are ambiguous. */
  kind: 'hp' | 'option';
  /** Hyperparameter or option name → [old, new]. */
  changes: Record<string, [unknown, unknown]>;
  /** Milliseconds since the epoch. */
  at: number;
}

export interface RoomSnapshot {
  roomId: string;
  title: string;
  lesson: LessonInfo;
  state: RunState;
  step: number;
  generation: number;
  loss: number | null;
  hyperparameters: Partial<Hyperparams>;
  locked: boolean;
  you: MemberInfo;
  /** The people who matter, as in MembersUpdate (the room's size is `viewers` of room:members). */
  members: MemberInfo[];
  /** Everyone in the room, the presenter included. */
  viewers: number;
  /**
   * The changes along the current history, oldest first (at most 500): a new generation keeps those at steps up to
   * its start step when it keeps the history up to there (revert, rebuild), none when it starts at step 0.
   */
  annotations: Annotation[];
  /** Server-side backend name, e.g. "wasm". */
  backend: string;
  /** The current values of the lesson's own options (demos' inputs; training lessons' options and lr schedule). */
  options?: OptionValues;
  /** @deprecated The same values as `options`, under their name before 0.2; removed in the next release. */
  demo?: OptionValues;
  /** The presenter's latest view (view:follow), so a joiner starts where the presenter is. */
  follow?: FollowView;
  /** The room's poll, with `yours`; absent when there is none. */
  poll?: PollView;
  /** Whether your hand is raised. */
  hand?: boolean;
  /** Raised hands (presenters only). */
  hands?: HandsView;
}

export interface OptionsChanged {
  by: { name: string; role: Role };
  changes: Record<string, [unknown, unknown]>;
  /** Training lessons: updates done when the change took effect (0 after a restart). Absent for demos. */
  step?: number;
}

export interface HpChanged {
  by: { name: string; role: Role };
  changes: Partial<Record<HyperparamName, [unknown, unknown]>>;
  step: number;
}

export interface RunStatus {
  state: RunState;
  step: number;
  generation: number;
  /**
   * The step the current generation started at: 0 after a reset or a restarting option (a history of its own),
   * the checkpoint's step after a revert, the step of a rebuild (the history up to it is kept). Clients cut their
   * change log with it (ChangeLog.restartAt, the server's own rule).
   */
  start: number;
  loss: number | null;
  /** Measured optimizer steps per second over the last second. */
  stepsPerSecond: number;
  /** The fast-forward under way (run:fastForward), absent when none: progress is (step − from) / (to − from). */
  forward?: FastForwardStatus;
}

// ---- fast-forward (run:fastForward, docs/protocol.md "Fast-forward") ----

/** Most steps one fast-forward may go ahead of the run's current step. */
export const FAST_FORWARD_MAX_STEPS = 1_000_000;

/** Where to fast-forward to: after `toStep` updates, or to the end of epoch `toEpoch` (1-based: epoch 1 ends at one epoch's steps). */
export type FastForwardTarget = { toStep: number } | { toEpoch: number };

/** A fast-forward under way, as RunStatus.forward carries it: full speed from step `from` until step `to`, paused there. */
export interface FastForwardStatus {
  /** The step it started at. */
  from: number;
  /** The step it stops at (a run paused there has done exactly `to` updates). */
  to: number;
  /** The epoch asked for, when the target was the end of an epoch. */
  epoch?: number;
  by: { name: string; role: Role };
}

/** How a fast-forward ended (`run:fastForwarded`): reached its target, cancelled by a member, or stopped by the run. */
export interface FastForwardEnded extends FastForwardStatus {
  /**
   * `done`: paused at step `to`. `cancelled`: a run:control, a new fast-forward, a restart or a rebuild ended it
   * (the run then goes on as that says: at its own speed if still running). `stopped`: the run stopped before the
   * target (it diverged, a step failed, or the lesson's "pause after epoch" came first).
   */
  outcome: 'done' | 'cancelled' | 'stopped';
  /** Updates done when it ended, and in which generation. */
  step: number;
  generation: number;
  /** Wall time from start to end, seconds. */
  seconds: number;
  /** Why it was cancelled or stopped, in words ("cancelled by pause"); absent when done. */
  reason?: string;
}

export type FastForwardAck = Ack<{ forward: FastForwardStatus; step: number; state: RunState; generation: number }>;

/**
 * Who is in the room, as every member hears it: `viewers`, everyone in the room (the presenter included), and
 * `members`, only the people who matter (the presenter, members granted control), at most MEMBERS_SHOWN, presenter
 * first. Coalesced by the server (at most one per PRESENCE_INTERVAL_MS per room, whatever the join rate), so a
 * join costs every member O(1) bytes. The whole list is paged on demand (`members:list`, the presenter's).
 */
export interface MembersUpdate {
  viewers: number;
  locked: boolean;
  members: MemberInfo[];
}

/** Most members a MembersUpdate or a snapshot lists. */
export const MEMBERS_SHOWN = 50;
/** Shortest gap between two `room:members` of one room, ms. */
export const PRESENCE_INTERVAL_MS = 500;
/**
 * The WebSocket close code of a member the server disconnected because too much was waiting to be sent to it
 * (4000–4999: the application's own); the close reason says what. Its client reconnects to a fresh snapshot.
 */
export const SLOW_CLOSE_CODE = 4008;
/** The rates a member's frames can be paced at (frames:rate), packets per second, fastest first. */
export const FRAME_RATE_TIERS: readonly number[] = [30, 15, 10, 5, 2, 1];

/** Most members one `members:list` page holds. */
export const MEMBERS_PAGE_MAX = 100;

/** A page of the whole member list: presenter first, then members granted control, then the rest in join order. */
export type MembersPage = Ack<{ total: number; members: MemberInfo[] }>;

/** Binary frame bytes: a Buffer (Uint8Array) from Node, an ArrayBuffer in browsers. */
export type FrameBytes = ArrayBuffer | Uint8Array;

// ---- lecture: follow the presenter, polls, raised hands (docs/protocol.md "Lecture") ----

/** A point in the 3-D view's world space (z up; the surface's square spans [−1, 1] in x and y). */
export type Vec3 = [number, number, number];

/**
 * The presenter's view, mirrored to every member who follows (`view:follow`): a handful of numbers, never pixels.
 * Absent fields are left as they were.
 */
export interface FollowView {
  /** The 3-D view's orbit camera: its position and the point it looks at, world units. */
  camera?: { position: Vec3; target: Vec3 };
  /** The panel the presenter works in: a room page's panel id (surface, landscape, contour, data, loss, accuracy, demo). */
  panel?: string;
}
/** Shortest gap between two `view:follow` relays of one room, ms (at most 5 a second). */
export const FOLLOW_INTERVAL_MS = 200;

/** A "predict what happens" poll as members see it (`poll:state`). */
export interface PollView {
  id: string;
  question: string;
  /** 2..POLL_OPTIONS_MAX answers to choose from. */
  options: string[];
  /** `open`: answers accepted (each member one, changeable); `revealed`: the tally is shown to everyone, answers closed. */
  state: 'open' | 'revealed';
  /** How many members have answered. */
  answered: number;
  /** Answers per option, in `options` order: to presenters always, to everyone once revealed; null otherwise. */
  counts: number[] | null;
  /** This member's answer (index into `options`), null for none: in the join snapshot and acks only. */
  yours?: number | null;
}
export const POLL_OPTIONS_MAX = 6;
export const POLL_QUESTION_MAX = 200;
export const POLL_OPTION_MAX = 80;
/** Shortest gap between two tallies (`poll:state`) of one room, ms (at most 2 a second). */
export const POLL_INTERVAL_MS = 500;

/** Raised hands as presenters see them (`hands:state`): the count and the first HANDS_SHOWN, oldest first. */
export interface HandsView {
  count: number;
  raised: { id: string; name: string }[];
}
export const HANDS_SHOWN = 50;

/** A member's own computation of the lesson's views (`view:explore`): their own sample or drawing, not the room's. */
export type ExploreAck = Ack<{ frames: FrameBytes[] }>;

export interface ServerToClientEvents {
  /** Sent once to a member right after it joins (reliable): state plus the latest frame of each subscribed channel. */
  'room:snapshot': (snapshot: RoomSnapshot, frames: FrameBytes[]) => void;
  /**
   * The newest frame of each subscribed channel that changed since the last tick, as binary frames (codec.ts),
   * in one packet. Sent volatile (newest wins): a packet that finds the transport busy is dropped, and the next
   * tick's carries newer data. One packet per tick, because several volatile emits in a row would find the
   * transport busy after the first and drop the rest.
   */
  frames: (frames: FrameBytes[]) => void;
  'hp:changed': (change: HpChanged) => void;
  'run:status': (status: RunStatus) => void;
  /** A fast-forward ended (done, cancelled or stopped): to every member, reliable. Progress rides on run:status. */
  'run:fastForwarded': (ended: FastForwardEnded) => void;
  'room:members': (update: MembersUpdate) => void;
  /** Your own role or rights changed (grant, lock). */
  'room:you': (you: MemberInfo) => void;
  /** A lesson's own options changed (a demo's inputs or a training lesson's options; to every member, the sender included). */
  'options:changed': (change: OptionsChanged) => void;
  /** @deprecated `options:changed` under its name before 0.2, sent alongside it for one release. */
  'demo:changed': (change: OptionsChanged) => void;
  /** The presenter's view (volatile, at most 5 a second; the room keeps the latest for joiners). */
  'view:follow': (view: FollowView) => void;
  /** The room's poll (null: closed), coalesced to at most 2 a second; with `counts` to presenters, to all once revealed. */
  'poll:state': (poll: PollView | null) => void;
  /** Raised hands, to presenters only, coalesced to at most 2 a second. */
  'hands:state': (hands: HandsView) => void;
  /** Your own hand, when the presenter lowered it. */
  'hand:you': (body: { raised: boolean }) => void;
}

export interface ClientToServerEvents {
  'hp:set': (patch: Record<string, unknown>, ack: (res: HpSetAck) => void) => void;
  'run:control': (body: { action: RunAction }, ack: (res: RunControlAck) => void) => void;
  /** Train at full speed to a step or an epoch's end and pause there (same roles as run:control; training lessons only). */
  'run:fastForward': (body: FastForwardTarget, ack: (res: FastForwardAck) => void) => void;
  /** Replace this member's channel subscription (default: every channel of the lesson). */
  'frames:subscribe': (body: { channels: Channel[] }, ack: (res: Ack<{ channels: Channel[] }>) => void) => void;
  /** Change the lesson's own parameters (info.options; same roles as hp:set). A training lesson's non-hot option restarts the run. */
  'options:set': (values: Record<string, unknown>, ack: (res: Ack<{ applied: OptionValues }>) => void) => void;
  /**
   * The most `frames` packets a second this page can draw (1..30): the server sends at most the largest of
   * FRAME_RATE_TIERS at or below it, and answers with that. Reliable frames and control events are not held back.
   */
  'frames:rate': (body: { fps: number }, ack: (res: Ack<{ fps: number }>) => void) => void;
  /** A page of the whole member list (the presenter's; `limit` 1..MEMBERS_PAGE_MAX). */
  'members:list': (body: { offset: number; limit: number }, ack: (res: MembersPage) => void) => void;
  /** @deprecated `options:set` under its name before 0.2: accepted, with the same payload and ack, for one release. */
  'demo:set': (values: Record<string, unknown>, ack: (res: Ack<{ applied: OptionValues }>) => void) => void;
  /** Presenter only: lock or unlock the room (unlocked: every member may control). */
  'room:lock': (body: { locked: boolean }, ack: (res: SimpleAck) => void) => void;
  /** Presenter only: give or take control from one member of a locked room. */
  'room:grant': (body: { memberId: string; control: boolean }, ack: (res: SimpleAck) => void) => void;
  /** Presenter only: the presenter's camera and panel in focus, relayed to followers. */
  'view:follow': (view: FollowView, ack: (res: SimpleAck) => void) => void;
  /** The lesson's views for this member's own view-only options (a sample, a drawing); the room's run is untouched. */
  'view:explore': (values: Record<string, unknown>, ack: (res: ExploreAck) => void) => void;
  /** Presenter only: ask a question with 2..6 answers (replaces the room's poll). */
  'poll:open': (body: { question: string; options: string[] }, ack: (res: Ack<{ poll: PollView }>) => void) => void;
  /** Answer the open poll (changeable until it is revealed). */
  'poll:answer': (body: { id: string; choice: number }, ack: (res: Ack<{ choice: number }>) => void) => void;
  /** Presenter only: show everyone the tally (answers close). */
  'poll:reveal': (body: { id: string }, ack: (res: SimpleAck) => void) => void;
  /** Presenter only: take the poll away. */
  'poll:close': (body: { id: string }, ack: (res: SimpleAck) => void) => void;
  /** Raise or lower your hand. */
  'hand:raise': (body: { raised: boolean }, ack: (res: SimpleAck) => void) => void;
  /** Presenter only: lower one member's hand, or everyone's (no memberId). */
  'hands:lower': (body: { memberId?: string }, ack: (res: SimpleAck) => void) => void;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface InterServerEvents {}

export interface SocketData {
  roomId: string;
  memberId: string;
  name: string;
  role: Role;
  /** Frames go to it packed, one binary message per packet (JoinAuth.frames). */
  packed: boolean;
}

/** HTTP bodies (contract.md). */
export interface CreateRoomResponse {
  roomId: string;
  presenterKey: string;
  viewerUrl: string;
  presenterUrl: string;
  /** The room's short code for the hall (viewing only; docs/protocol.md "Join codes"), e.g. "K7M4RX". */
  joinCode: string;
  /** `<origin>/j/<joinCode>`: redirects to `viewerUrl`. */
  joinUrl: string;
}
export interface RoomStatusResponse {
  roomId: string;
  lesson: string;
  state: RunState;
  step: number;
  loss: number | null;
  metrics: Record<string, number | null>;
  hyperparameters: Partial<Hyperparams>;
  viewers: number;
  generation: number;
  /** As in CreateRoomResponse: the presenter page reads them here (a code gives only what `roomId` already gives). */
  joinCode: string;
  joinUrl: string;
}
