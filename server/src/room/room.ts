/**
 * One authoritative room: its lesson, presenter key, members and roles, the run's latest status and
 * hyperparameters, and the change log (annotations). The training itself lives in the engine worker; the
 * room mirrors what the engine reports and never computes anything of its own.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ChangeLog, type Annotation, type OptionValues, type Hyperparams, type LessonInfo, type MemberInfo, type RunStatus } from '@gradcast/shared';
import { canControl, type Member, memberInfo } from './roles.ts';

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
  /** The current values of the lesson's own controls (demos, and training lessons' options). */
  options: OptionValues | undefined;
  /** When the last member left (ms since the epoch), or null while someone is here. */
  emptySince: number | null = Date.now();
  /** Paused by the idle sweep (not by a member): the next member to join resumes it. */
  idlePaused = false;
  /** Only the key's digest is kept, compared in constant time. */
  private readonly keyDigest: Buffer;
  #status: RunStatus;

  constructor(
    readonly id: string,
    readonly title: string,
    readonly lesson: LessonInfo,
    presenterKey: string,
    status: RunStatus,
    public hp: Hyperparams,
  ) {
    this.keyDigest = digest(presenterKey);
    this.#status = status;
  }

  /** The run's latest status as the engine reported it. */
  get status(): RunStatus {
    return this.#status;
  }

  /**
   * Every engine report passes here. The first report of a new generation is the one the engine posts as it
   * starts it (with its first frames, before it answers the request), so its step is the generation's start.
   */
  set status(status: RunStatus) {
    if (status.generation > this.#status.generation) this.changes.restartAt(status.step);
    this.#status = status;
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

  memberList(): MemberInfo[] {
    return [...this.members.values()].map((m) => this.info(m));
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
