/**
 * Short-lived messages (a refused change, a request the server did not answer, a failed copy), shown by
 * Toasts.svelte and gone after a few seconds or when dismissed. One list per room page; the session posts its
 * intents' failures here, components their own.
 */

export interface Toast {
  id: number;
  kind: 'error' | 'info';
  message: string;
}

/** How long a toast stays, in milliseconds. */
const TOAST_MS = 6000;

export class ToastList {
  /** Newest last. */
  items = $state<Toast[]>([]);
  #nextId = 0;

  show(message: string, kind: Toast['kind'] = 'error'): void {
    const id = ++this.#nextId;
    this.items.push({ id, kind, message });
    setTimeout(() => this.dismiss(id), TOAST_MS);
  }

  dismiss(id: number): void {
    const k = this.items.findIndex((t) => t.id === id);
    if (k >= 0) this.items.splice(k, 1);
  }
}
