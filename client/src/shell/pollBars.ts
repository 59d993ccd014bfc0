/**
 * A poll's tally as bars: each answer's count and its share of all answers (0..1, 0 when nobody answered), and
 * the leading answers (ties included) for emphasis. What the revealed chart and the presenter's live tally draw.
 */
export interface PollBar {
  label: string;
  count: number;
  /** Of all answers, 0..1. */
  share: number;
  /** Among the most chosen (and chosen at all). */
  top: boolean;
}

export function pollBars(options: readonly string[], counts: readonly number[] | null): PollBar[] {
  const cs = options.map((_, k) => Math.max(0, Math.floor(counts?.[k] ?? 0)));
  const total = cs.reduce((a, b) => a + b, 0);
  const most = Math.max(0, ...cs);
  return options.map((label, k) => {
    const count = cs[k] as number;
    return { label, count, share: total ? count / total : 0, top: most > 0 && count === most };
  });
}

/** "43%" (whole percents). */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
