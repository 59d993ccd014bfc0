/**
 * Teaching beside the run, as this page keeps it (docs/protocol.md "Lecture"): the presenter's view and whether this
 * member follows it, this member's own look inside the model while exploring, the room's poll and this member's
 * answer, raised hands. The Session owns one, feeds it the server's events and lends it its acknowledged requests.
 *
 * Following (the default for everyone but presenters): the 3-D camera and the panel in focus are the presenter's.
 * A member who orbits the camera, picks their own sample or draws their own digit explores instead: the view stays
 * theirs until they go back to the presenter. Their own sample or drawing goes to the server as `view:explore`,
 * which answers with the lesson's views computed for them alone (`ownPanels`), asked again every
 * OWN_REFRESH_MS while the run runs, so they follow the training.
 */
import { decodeFrame, type FollowView, FOLLOW_INTERVAL_MS, type Frame, type FrameBytes, type HandsView, type OptionValues, type PollView, type RoomSnapshot } from '@gradcast/shared';
import { LatestPump } from './latestPump.ts';
import type { RoomSocket } from './socket.ts';

type TimedSocket = ReturnType<RoomSocket['timeout']>;
type AckBody<T> = ({ ok: true } & T) | { ok: false; error: { code: string; message: string } };
/** Session's acknowledged request: the ack's body, or null after the page was told why it failed. */
export type Requester = <T extends object>(
  what: string,
  send: (socket: TimedSocket) => Promise<AckBody<T>>,
  opts?: { quiet?: boolean },
) => Promise<T | null>;

/** How often an explorer's own views are computed again while the run runs, ms. */
export const OWN_REFRESH_MS = 3000;
/** Most view:explore requests a second this page sends (the server allows a burst of 3, then 1 a second). */
const EXPLORE_INTERVAL_MS = 1000;

const NO_HANDS: HandsView = { count: 0, raised: [] };

export class Lecture {
  /** The presenter's latest view (join snapshot, then view:follow). */
  presenterView = $state.raw<FollowView>({});
  /** Following the presenter (true) or exploring on one's own. */
  following = $state(true);
  /** This member's own values of the lesson's explorable options (a sample, a drawing) while exploring. */
  ownValues = $state.raw<OptionValues>({});
  /** The lesson's views computed for `ownValues` (null: none asked, or back to the presenter). */
  ownPanels = $state.raw<Frame | null>(null);
  poll = $state.raw<PollView | null>(null);
  /** This member's answer to `poll` (an index into its options), null for none. */
  answer = $state<number | null>(null);
  /** This member's hand is up. */
  hand = $state(false);
  /** Raised hands (presenters only). */
  hands = $state.raw<HandsView>(NO_HANDS);

  readonly #request: Requester;
  readonly #isPresenter: () => boolean;
  readonly #running: () => boolean;
  /** The presenter's view changes not sent yet (camera and panel merged). */
  #lead: FollowView = {};
  readonly #leadPump: LatestPump<null>;
  readonly #explorePump: LatestPump<OptionValues>;
  #refresh: ReturnType<typeof setInterval> | null = null;

  constructor(request: Requester, isPresenter: () => boolean, running: () => boolean) {
    this.#request = request;
    this.#isPresenter = isPresenter;
    this.#running = running;
    this.#leadPump = new LatestPump(FOLLOW_INTERVAL_MS, () => {
      const view = this.#lead;
      this.#lead = {};
      return this.#request('Follow', (s) => s.emitWithAck('view:follow', view), { quiet: true });
    });
    this.#explorePump = new LatestPump(EXPLORE_INTERVAL_MS, (values) => this.#exploreNow(values));
  }

  /** The camera this page should show: the presenter's, while following (null: leave it where it is). */
  get camera(): FollowView['camera'] | null {
    return this.following && !this.#isPresenter() ? (this.presenterView.camera ?? null) : null;
  }

  /** The panel in the presenter's focus, while following (null: none). */
  get focus(): string | null {
    return this.following && !this.#isPresenter() ? (this.presenterView.panel ?? null) : null;
  }

  // ---- server events (the Session calls these) ----

  onSnapshot(snapshot: RoomSnapshot): void {
    this.presenterView = snapshot.follow ?? {};
    this.poll = snapshot.poll ?? null;
    this.answer = snapshot.poll?.yours ?? null;
    this.hand = snapshot.hand ?? false;
    this.hands = snapshot.hands ?? NO_HANDS;
  }

  onFollow(view: FollowView): void {
    this.presenterView = view;
  }

  onPoll(poll: PollView | null): void {
    if (poll?.id !== this.poll?.id) this.answer = null;
    this.poll = poll;
  }

  onHands(hands: HandsView): void {
    this.hands = hands;
  }

  onHand(raised: boolean): void {
    this.hand = raised;
  }

  // ---- intents ----

  /** The user moved the 3-D camera: a presenter's move leads the room; anyone else's starts exploring. */
  cameraMoved(camera: NonNullable<FollowView['camera']>): void {
    if (this.#isPresenter()) this.#leadView({ camera });
    else this.following = false;
  }

  /** The user worked in a panel: a presenter's focus goes to the followers. */
  panelTouched(panel: string): void {
    if (this.#isPresenter() && panel !== this.presenterView.panel) {
      this.presenterView = { ...this.presenterView, panel };
      this.#leadView({ panel });
    }
  }

  /** Back to the presenter's view: camera, panel, and the room's own views instead of one's own. */
  follow(): void {
    this.following = true;
    this.ownValues = {};
    this.ownPanels = null;
    this.#explorePump.cancel();
    this.#stopRefresh();
  }

  /** Stop following (explore with the current view). */
  explore(): void {
    this.following = false;
  }

  /** One's own sample or drawing: computed by the server for this member alone; stops following. */
  exploreValues(values: OptionValues): Promise<boolean> {
    this.following = false;
    this.ownValues = { ...this.ownValues, ...values };
    this.#explorePump.push(this.ownValues);
    this.#refresh ??= setInterval(() => {
      if (!this.following && this.#running()) this.#explorePump.push(this.ownValues);
    }, OWN_REFRESH_MS);
    return Promise.resolve(true);
  }

  /** Presenter: ask a question with 2–6 answers. */
  async openPoll(question: string, options: string[]): Promise<boolean> {
    const res = await this.#request<{ poll: PollView }>('Poll', (s) => s.emitWithAck('poll:open', { question, options }));
    if (res) this.onPoll(res.poll);
    return res !== null;
  }

  /** Answer the open poll (changeable until it is revealed); shown at once, put back if refused. */
  async answerPoll(choice: number): Promise<boolean> {
    const poll = this.poll;
    if (!poll) return false;
    const before = this.answer;
    this.answer = choice;
    const res = await this.#request('Answer', (s) => s.emitWithAck('poll:answer', { id: poll.id, choice }));
    if (!res && this.poll?.id === poll.id) this.answer = before;
    return res !== null;
  }

  async revealPoll(): Promise<boolean> {
    const poll = this.poll;
    if (!poll) return false;
    return (await this.#request('Reveal', (s) => s.emitWithAck('poll:reveal', { id: poll.id }))) !== null;
  }

  async closePoll(): Promise<boolean> {
    const poll = this.poll;
    if (!poll) return false;
    const res = await this.#request('Close poll', (s) => s.emitWithAck('poll:close', { id: poll.id }));
    if (res) this.onPoll(null);
    return res !== null;
  }

  async raiseHand(raised: boolean): Promise<boolean> {
    const before = this.hand;
    this.hand = raised;
    const res = await this.#request(raised ? 'Raise hand' : 'Lower hand', (s) => s.emitWithAck('hand:raise', { raised }));
    if (!res) this.hand = before;
    return res !== null;
  }

  /** Presenter: lower one member's hand, or everyone's. */
  async lowerHands(memberId?: string): Promise<boolean> {
    const body = memberId === undefined ? {} : { memberId };
    return (await this.#request('Lower hands', (s) => s.emitWithAck('hands:lower', body))) !== null;
  }

  close(): void {
    this.#leadPump.cancel();
    this.#explorePump.cancel();
    this.#stopRefresh();
  }

  #leadView(patch: FollowView): void {
    this.#lead = { ...this.#lead, ...patch };
    this.#leadPump.push(null);
  }

  async #exploreNow(values: OptionValues): Promise<void> {
    const res = await this.#request<{ frames: FrameBytes[] }>('Explore', (s) => s.emitWithAck('view:explore', values));
    // Back to the presenter meanwhile, or newer values asked for: this answer is not wanted.
    if (!res || this.following || values !== this.ownValues) return;
    const bytes = res.frames[0];
    if (!bytes) return;
    try {
      this.ownPanels = decodeFrame(bytes);
    } catch (err) {
      console.warn('gradcast: dropped an undecodable explore frame', err);
    }
  }

  #stopRefresh(): void {
    if (this.#refresh) clearInterval(this.#refresh);
    this.#refresh = null;
  }
}
