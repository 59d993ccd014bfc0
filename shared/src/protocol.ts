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
}

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
  'room:members': (update: MembersUpdate) => void;
  /** Your own role or rights changed (grant, lock). */
  'room:you': (you: MemberInfo) => void;
  /** A lesson's own options changed (a demo's inputs or a training lesson's options; to every member, the sender included). */
  'options:changed': (change: OptionsChanged) => void;
  /** @deprecated `options:changed` under its name before 0.2, sent alongside it for one release. */
  'demo:changed': (change: OptionsChanged) => void;
}

export interface ClientToServerEvents {
  'hp:set': (patch: Record<string, unknown>, ack: (res: HpSetAck) => void) => void;
  'run:control': (body: { action: RunAction }, ack: (res: RunControlAck) => void) => void;
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
}
