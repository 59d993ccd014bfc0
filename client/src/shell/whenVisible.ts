/**
 * A Svelte action reporting whether an element is on screen (any part of it within the viewport, give or take
 * a margin), for pages that stop a channel while its panel is out of sight. Leaving is reported after `delayMs`
 * (a quick scroll past does not stop and restart the stream); entering at once. Without IntersectionObserver
 * (old browsers) the element counts as always visible.
 */
export interface WhenVisibleOptions {
  onChange: (visible: boolean) => void;
  /** How long the element must stay out of sight before it is reported hidden, ms. */
  delayMs?: number;
  /** Margin around the viewport that still counts as visible (CSS length), so frames arrive before the panel does. */
  margin?: string;
}

export function whenVisible(node: Element, options: WhenVisibleOptions): { update(o: WhenVisibleOptions): void; destroy(): void } {
  let opts = options;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let shown: boolean | null = null;
  const report = (visible: boolean): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (visible) {
      if (shown !== true) opts.onChange((shown = true));
    } else if (shown !== false) {
      timer = setTimeout(() => opts.onChange((shown = false)), opts.delayMs ?? 1500);
    }
  };
  if (typeof IntersectionObserver === 'undefined') {
    report(true);
    return { update: (o) => void (opts = o), destroy: () => {} };
  }
  const observer = new IntersectionObserver((entries) => report(entries.some((e) => e.isIntersecting)), {
    rootMargin: options.margin ?? '200px',
  });
  observer.observe(node);
  return {
    update: (o) => void (opts = o),
    destroy: () => {
      observer.disconnect();
      if (timer) clearTimeout(timer);
    },
  };
}
