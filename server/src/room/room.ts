/**
 * One authoritative room: its lesson, presenter key, members and roles, the run's latest status, hyperparameters
 * and option values, the change log (annotations), and what its members receive (roomFrames.ts: the latest frame
 * of every channel and the run history). The training itself lives in the engine worker; the room holds what the
 * engine reports, and every report passes through one writer, `apply`.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  type Annotation,
  ChangeLog,
  type EncodedFrame,
  HYPERPARAM_DEFAULTS,
  type Hyperparams,
  type LessonInfo,
  type MemberInfo,
  MEMBERS_SHOWN,
  type OptionValues,
  type RunStatus,
} from '@gradcast/shared';
import type { EvalEntry } from '../probe/metrics.ts';
import { Lecture } from './lecture.ts';
import { canControl, type Member, memberInfo } from './roles.ts';
import { RoomFrames } from './roomFrames.ts';

/** What the engine reports of a room: a reply to a request, or a framing tick (status, frames, evaluations). */
export interface EngineReport {
  status: RunStatus;
  /** In every reply. */
  hp?: Hyperparams;
  /** In every reply, for a lesson with options of its own. */
  options?: OptionValues;
  frames?: readonly EncodedFrame[];
  evaluations?: readonly EvalEntry[];
}

/** 128 bits for room ids, 192 for presenter keys (the contract asks for at least 96). */
export const newRoomId = (): string => randomBytes(16).toString('base64url');
export const newPresenterKey = (): string => randomBytes(24).toString('base64url');
export const newMemberId = (): string => randomBytes(8).toString('hex');

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

export class Room {
  locked = true;
  readonly members = new Map<string, Member>();
  /** Changes along the current history (changeLog.ts): pruned as each new generation starts. */
  private readonly changes = new ChangeLog();
  readonly createdAt = Date.now();
  /** The latest frame of every channel and the run history: what a newcomer gets. */
  readonly frames = new RoomFrames();
  /** Teaching beside the run: the presenter's view for followers, the poll, raised hands (lecture.ts). */
  readonly lecture = new Lecture();
  /** When the last member left (ms since the epoch), or null while someone is here. */
  emptySince: number | null = Date.now();
  /** Paused by the idle sweep (not by a member): the next member to join resumes it. */
  idlePaused = false;
  /** Only the key's digest is kept, compared in constant time. */
  private readonly keyDigest: Buffer;
  /** Before the engine's first report: generation 0, which every generation the engine starts follows. */
  #status: RunStatus = { state: 'paused', step: 0, generation: 0, start: 0, loss: null, stepsPerSecond: 0 };
  #hp: Hyperparams;
  #options: OptionValues | undefined;

  constructor(
    readonly id: string,
    readonly title: string,
    readonly lesson: LessonInfo,
    presenterKey: string,
  ) {
    this.keyDigest = digest(presenterKey);
    this.#hp = { ...HYPERPARAM_DEFAULTS, ...lesson.defaults };
  }

  /** The run's latest status as the engine reported it. */
  get status(): RunStatus {
    return this.#status;
  }

  /** The run's hyperparameters as the engine last reported them. */
  get hp(): Hyperparams {
    return this.#hp;
  }

  /** The current values of the lesson's own options (demos, and training lessons' options), as last reported. */
  get options(): OptionValues | undefined {
    return this.#options;
  }

  /**
   * The one writer of the room's run state: every engine report (a reply, a framing tick) passes here. A status of a
   * newer generation edits the change log as that generation edits the history (ChangeLog.restartAt at its start
   * step); frames and evaluations go to what members receive.
   */
  apply(report: EngineReport): void {
    if (report.frames?.length || report.evaluations?.length) this.frames.ingest(report.frames ?? [], report.evaluations);
    const { status } = report;
    if (status.generation > this.#status.generation) this.changes.restartAt(status.start);
    this.#status = status;
    if (report.hp) this.#hp = report.hp;
    if (report.options) this.#options = report.options;
  }

  checkKey(key: string): boolean {
    return timingSafeEqual(digest(key), this.keyDigest);
  }

  get viewers(): number {
    return this.members.size;
  }

  add(member: Member): void {
    this.members.set(member.id, member);
    this.emptySince = null;
  }

  remove(memberId: string): void {
    this.members.delete(memberId);
    if (this.members.size === 0) this.emptySince = Date.now();
  }

  canControl(member: Member): boolean {
    return canControl(member, this.locked);
  }

  info(member: Member): MemberInfo {
    return memberInfo(member, this.locked);
  }

  /** The people who matter (presenter, members granted control), at most MEMBERS_SHOWN: what everyone hears. */
  shownMembers(): MemberInfo[] {
    const out: MemberInfo[] = [];
    for (const m of this.ordered(true)) {
      if (out.length >= MEMBERS_SHOWN) break;
      out.push(this.info(m));
    }
    return out;
  }

  /** A page of everyone: the people who matter first, then the others in join order. */
  memberPage(offset: number, limit: number): MemberInfo[] {
    const out: MemberInfo[] = [];
    let i = 0;
    for (const m of this.ordered(false)) {
      if (i++ < offset) continue;
      if (out.length >= limit) break;
      out.push(this.info(m));
    }
    return out;
  }

  /** Presenters, then granted members, then (unless `mattersOnly`) everyone else, each in join order. */
  private *ordered(mattersOnly: boolean): Generator<Member> {
    const all = [...this.members.values()];
    yield* all.filter((m) => m.role === 'presenter');
    yield* all.filter((m) => m.role !== 'presenter' && m.granted);
    if (!mattersOnly) yield* all.filter((m) => m.role !== 'presenter' && !m.granted);
  }

  /** The change log a newcomer's snapshot carries, oldest first. */
  get annotations(): readonly Annotation[] {
    return this.changes.entries;
  }

  /** Records a change once it is in effect: at `a.step` of generation `a.generation`. */
  annotate(a: Annotation): void {
    this.changes.add(a);
  }

  /** Public hyperparameters: only those the lesson lets members change, plus speed. */
  publicHyperparameters(): Partial<Hyperparams> {
    const out: Record<string, unknown> = {};
    for (const name of this.lesson.controls) out[name] = this.hp[name];
    return out as Partial<Hyperparams>;
  }
}
