import { InvalidQueryError } from './invalid-query.error.js';
import { type Page, pageBounds, type PageRequest } from './page.js';

/**
 * Keyset pagination: a cursor is the sort key of the last row of a page, opaque to callers
 * (base64url JSON). The next page starts strictly after it, whatever was added meanwhile.
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The key inside a cursor, checked against the kinds each part must have. */
export function decodeCursor(cursor: string, kinds: readonly ('string' | 'number')[]): (string | number)[] {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  if (!Array.isArray(key) || key.length !== kinds.length || key.some((part, i) => typeof part !== kinds[i]))
    throw new InvalidQueryError(
      'cursor',
      'cursor is not one this server gave out (take nextCursor from a page)',
    );
  return key as (string | number)[];
}

/** Totals are counted up to this many; beyond it a page says `totalCapped: true`. */
export const TOTAL_CAP = 1_000;

/** A keyset-paged list's page: its total counted up to TOTAL_CAP, the cursor of the next page. */
export interface CursorPage<T> extends Page<T> {
  /** True when more than TOTAL_CAP rows match: `total` then says TOTAL_CAP. */
  readonly totalCapped: boolean;
  /** Pass as `cursor` for the next page; null on the last one. */
  readonly nextCursor: string | null;
}

/**
 * A page from its rows read to pageSize + 1 (the one more says there is a next page): the items
 * of the first pageSize rows, the total up to the cap, and the cursor made of the last item's key.
 */
export function cursorPage<Row, Item>(
  rows: readonly Row[],
  total: number,
  { page, pageSize }: { readonly page: number; readonly pageSize: number },
  item: (row: Row) => Item,
  key: (row: Row) => readonly (string | number)[],
): CursorPage<Item> {
  const more = rows.length > pageSize;
  const kept = more ? rows.slice(0, pageSize) : rows;
  const last = kept[kept.length - 1];
  return {
    items: kept.map(item),
    total: Math.min(total, TOTAL_CAP),
    totalCapped: total > TOTAL_CAP,
    page,
    pageSize,
    nextCursor: more && last ? encodeCursor(key(last)) : null,
  };
}

/**
 * pageBounds for a keyset-paged list: pages by number reach TOTAL_CAP rows at most, beyond which
 * the caller follows each page's cursor (ADR 11).
 */
export function cursorPageBounds(
  request: PageRequest & { readonly cursor?: string },
  rows: 'cases' | 'tasks',
): { page: number; pageSize: number; offset: number } {
  const bounds = pageBounds(request);
  if (request.cursor === undefined && bounds.offset + bounds.pageSize > TOTAL_CAP)
    throw new InvalidQueryError(
      'page',
      `page × pageSize reaches at most ${TOTAL_CAP} ${rows}; go further with cursor (each page's nextCursor)`,
    );
  return bounds;
}
