/**
 * Paging of the presenter's "All members" list (members:list): 25 a page, the range as "41–65 of 812".
 */

/** Members shown per page of the whole list. */
export const MEMBERS_PAGE_SIZE = 25;

const count = new Intl.NumberFormat('en-US');

/** "41–65 of 812" for `shown` rows from `offset` (0-based) of `total`; "0 of 0" on an empty page. */
export function pageRange(offset: number, shown: number, total: number): string {
  if (total <= 0 || shown <= 0) return `0 of ${count.format(Math.max(0, total))}`;
  return `${count.format(offset + 1)}–${count.format(offset + shown)} of ${count.format(total)}`;
}

/**
 * The offset to ask for after a page came back empty past the end (members left while it was open): the first row
 * of the last page, 0 when the list is empty. An offset still inside the list is kept.
 */
export function clampOffset(offset: number, total: number, size: number = MEMBERS_PAGE_SIZE): number {
  if (offset < total) return Math.max(0, offset);
  return total <= 0 ? 0 : Math.floor((total - 1) / size) * size;
}

/** Whether a Previous and a Next page exist around the page at `offset`. */
export function pageMoves(offset: number, total: number, size: number = MEMBERS_PAGE_SIZE): { prev: boolean; next: boolean } {
  return { prev: offset > 0, next: offset + size < total };
}
