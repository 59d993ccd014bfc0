/**
 * Raised hands: a member raises or lowers their own; presenters see how many and who (oldest first) and lower one
 * or all. A member who leaves lowers theirs.
 */
import { HANDS_SHOWN, type HandsView } from '@gradcast/shared';
import { z } from 'zod';

export const raiseSchema = z.object({ raised: z.boolean() }).strict();
export const lowerSchema = z.object({ memberId: z.string().min(1).max(64).optional() }).strict();

export class Hands {
  /** Member id → name, in the order hands went up (a Map keeps insertion order). */
  readonly #raised = new Map<string, string>();

  has(memberId: string): boolean {
    return this.#raised.has(memberId);
  }

  /** Raises or lowers a member's hand; whether that changed anything. A hand raised again keeps its place. */
  set(memberId: string, name: string, raised: boolean): boolean {
    if (raised === this.#raised.has(memberId)) return false;
    if (raised) this.#raised.set(memberId, name);
    else this.#raised.delete(memberId);
    return true;
  }

  /** Lowers one member's hand, or everyone's; the ids lowered. */
  lower(memberId?: string): string[] {
    const ids = memberId === undefined ? [...this.#raised.keys()] : this.#raised.has(memberId) ? [memberId] : [];
    for (const id of ids) this.#raised.delete(id);
    return ids;
  }

  /** The count and the first HANDS_SHOWN hands, oldest first. */
  view(): HandsView {
    const raised: HandsView['raised'] = [];
    for (const [id, name] of this.#raised) {
      if (raised.length >= HANDS_SHOWN) break;
      raised.push({ id, name });
    }
    return { count: this.#raised.size, raised };
  }
}
