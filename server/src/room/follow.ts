/**
 * Follow the presenter: the presenter's page sends its view (`view:follow`: the 3-D camera, the panel in focus) and
 * the room relays it to the room as a volatile broadcast, at most 5 a second (FOLLOW_INTERVAL_MS), keeping the
 * latest for joiners. Volatile: newest wins while the camera moves; once the presenter holds still for SETTLE_MS,
 * the view they settled on goes once more, reliably, so a follower whose transport was busy does not stay a few
 * degrees off.
 */
import { FOLLOW_INTERVAL_MS, type FollowView } from '@gradcast/shared';
import { z } from 'zod';
import { Coalescer } from './coalescer.ts';

/** Quiet time after the last update before the settled view goes reliably, ms. */
export const SETTLE_MS = 600;

/** World coordinates are within a few units of the origin (the square spans [−1, 1]); 100 leaves room to zoom out. */
const coord = z.number().finite().min(-100).max(100);
const vec3 = z.tuple([coord, coord, coord]);
/** A panel id of the room page: short, lower-case. */
const panelId = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'a panel id: lower-case letters, digits and -, at most 32');

export const followSchema = z
  .object({ camera: z.object({ position: vec3, target: vec3 }).strict().optional(), panel: panelId.optional() })
  .strict()
  .refine((v) => v.camera !== undefined || v.panel !== undefined, 'name a camera or a panel');

/** The latest view, merged field by field (a panel change keeps the camera), and its relay to the room. */
export class FollowRelay {
  #view: FollowView = {};
  #settled: FollowView | null = null;
  #settle: ReturnType<typeof setTimeout> | null = null;
  readonly #pace: Coalescer;

  constructor(
    /** Sends the view to the room: volatile while it moves, reliable once settled. */
    private readonly send: (view: FollowView, volatile: boolean) => void,
    now: () => number = Date.now,
  ) {
    this.#pace = new Coalescer(FOLLOW_INTERVAL_MS, now);
  }

  /** What a joiner starts from (empty before the presenter has sent anything). */
  get view(): FollowView {
    return this.#view;
  }

  update(patch: FollowView): void {
    this.#view = { ...this.#view, ...patch };
    this.#pace.schedule(() => this.send(this.#view, true));
    if (this.#settle) clearTimeout(this.#settle);
    this.#settle = setTimeout(() => {
      this.#settle = null;
      if (this.#settled === this.#view) return;
      this.#settled = this.#view;
      this.send(this.#view, false);
    }, SETTLE_MS);
    (this.#settle as { unref?: () => void }).unref?.();
  }

  close(): void {
    this.#pace.cancel();
    if (this.#settle) clearTimeout(this.#settle);
    this.#settle = null;
  }
}
