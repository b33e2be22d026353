import { InvalidQueryError } from './invalid-query.error.js';
import { pageBounds, type PageRequest } from './page.js';

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
