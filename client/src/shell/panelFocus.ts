/**
 * The panel in focus, on the room page's grid (`<main class="panels">`, each panel a child placed by its grid area):
 * a presenter's pointer or keyboard focus in a panel names it (`onTouch`, sent to followers as view:follow), and a
 * follower's page marks the presenter's panel (`data-followed`) and brings it into sight when it changes (a phone
 * shows one panel at a time). One Svelte action on the grid: the panels themselves need nothing.
 */

export interface PanelFocusParams {
  /** The panel to mark and bring into sight (the presenter's, while following); null: none. */
  focus: string | null;
  /** A panel the user pointed at or focused, by its grid area. */
  onTouch?: ((panel: string) => void) | undefined;
}

/** A panel's id from its inline grid-area ("loss", or the longhand "loss / loss / loss / loss"); null for none. */
export function panelIdOf(gridArea: string): string | null {
  const id = gridArea.split('/')[0]?.trim() ?? '';
  return /^[a-z][a-z0-9-]*$/.test(id) ? id : null;
}

/** Whether at least half of a box of `top`..`bottom` (px, viewport coordinates) lies within a viewport `height` tall. */
export function mostlyVisible(top: number, bottom: number, height: number): boolean {
  const seen = Math.min(bottom, height) - Math.max(top, 0);
  return seen >= Math.min(bottom - top, height) / 2;
}

export function panelFocus(grid: HTMLElement, params: PanelFocusParams) {
  let current = params;
  const panelOf = (target: EventTarget | null): HTMLElement | null => {
    let el = target instanceof Element ? target : null;
    while (el && el.parentElement !== grid) el = el.parentElement;
    return el instanceof HTMLElement ? el : null;
  };
  const touched = (e: Event): void => {
    const panel = panelOf(e.target);
    const id = panel ? panelIdOf(panel.style.gridArea) : null;
    // The controls column is where the presenter works the run, not a view to show the room.
    if (id && id !== 'side') current.onTouch?.(id);
  };
  const mark = (focus: string | null, bring: boolean): void => {
    for (const child of Array.from(grid.children)) {
      if (!(child instanceof HTMLElement)) continue;
      const on = focus !== null && panelIdOf(child.style.gridArea) === focus;
      if (on) child.dataset.followed = 'true';
      else delete child.dataset.followed;
      if (on && bring) {
        const r = child.getBoundingClientRect();
        if (!mostlyVisible(r.top, r.bottom, window.innerHeight)) {
          const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
          child.scrollIntoView({ block: 'nearest', behavior: smooth ? 'smooth' : 'auto' });
        }
      }
    }
  };
  grid.addEventListener('pointerdown', touched);
  grid.addEventListener('focusin', touched);
  mark(params.focus, true);
  return {
    update(next: PanelFocusParams): void {
      const moved = next.focus !== current.focus;
      current = next;
      mark(next.focus, moved);
    },
    destroy(): void {
      grid.removeEventListener('pointerdown', touched);
      grid.removeEventListener('focusin', touched);
    },
  };
}
