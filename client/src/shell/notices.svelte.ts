/**
 * The room's short notices (ChangeNotices.svelte): "Asha: lr 2→0.355", "The presenter gave you control of the run".
 * A notice under the same key as one still shown replaces it and starts its time again, so a slider dragged for
 * three seconds (up to 10 changes a second) is one line that follows it, not thirty.
 */
export interface Notice {
  id: number;
  key: string;
  text: string;
}

/** How long a notice stays, ms. */
export const NOTICE_MS = 5000;
/** Most notices shown at once (the oldest go first). */
const MAX_SHOWN = 3;

export class NoticeList {
  /** Oldest first. */
  items = $state<Notice[]>([]);
  #nextId = 0;
  // Not page state: nothing draws the timers.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #timers = new Map<number, ReturnType<typeof setTimeout>>();

  post(key: string, text: string): void {
    const old = this.items.findIndex((n) => n.key === key);
    if (old >= 0) this.dismiss((this.items[old] as Notice).id);
    const id = ++this.#nextId;
    this.items.push({ id, key, text });
    while (this.items.length > MAX_SHOWN) this.dismiss((this.items[0] as Notice).id);
    this.#timers.set(id, setTimeout(() => this.dismiss(id), NOTICE_MS));
  }

  dismiss(id: number): void {
    clearTimeout(this.#timers.get(id));
    this.#timers.delete(id);
    const k = this.items.findIndex((n) => n.id === id);
    if (k >= 0) this.items.splice(k, 1);
  }
}
