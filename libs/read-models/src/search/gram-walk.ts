import type { CaseListFilter } from '../cases/case-queries.js';
import type { ReadModelDb } from '../database/read-model-database.js';
import type { ReadScope } from '../scope/read-scope.js';
import { foldAscii, PREFIX_TOP } from './search-keys.js';

/** The list filter's keys a gram walk answers: the search, a hall, and the paging. */
const PAGING = new Set(['q', 'hall', 'page', 'pageSize', 'cursor']);

/**
 * A search whose matches are exactly one gram's rows of `case_search` (ADR 11), or undefined.
 * That is so when the query, trimmed and ASCII-folded, is one or two characters (then it is its
 * own gram, and a case holds the gram exactly when its name contains the query as LIKE tests it,
 * ASCII case folded on both sides), no case number starts with it, and nothing but a hall narrows
 * the search (the scope all cases or a hall). `case_search` keeps each case's received_at and
 * hall, so its index gives the gram's cases in the list's order and counts them without
 * reading a case row: a page reads its own rows only, instead of every match twice (counted,
 * then sorted). `where` is over `case_search s`; each part the general condition has is
 * answered: the hall by `s.hall`, the number prefix by its absence.
 */
export function gramWalk(
  db: ReadModelDb,
  filter: CaseListFilter,
  scope: ReadScope,
): { readonly where: string; readonly params: Record<string, unknown> } | undefined {
  const gram = foldAscii(filter.q?.trim() ?? '');
  const length = Array.from(gram).length;
  if (length < 1 || length > 2) return undefined;
  if (scope.kind !== 'all' && scope.kind !== 'hall') return undefined;
  for (const [key, value] of Object.entries(filter))
    if (value !== undefined && !PAGING.has(key)) return undefined;
  const halls = new Set([filter.hall, scope.kind === 'hall' ? scope.hall : undefined]);
  halls.delete(undefined);
  if (halls.size > 1) return undefined;
  const numbered = db
    .prepare('SELECT 1 FROM cases WHERE case_number_key >= ? AND case_number_key < ? LIMIT 1')
    .pluck()
    .get(gram, gram + PREFIX_TOP);
  if (numbered !== undefined) return undefined;
  const [hall] = halls;
  return hall === undefined
    ? { where: 's.gram = @gram', params: { gram } }
    : { where: 's.gram = @gram AND s.hall = @hall', params: { gram, hall } };
}

/** The walk's matches counted from the index alone, up to `cap` + 1. */
export function countGramWalk(
  db: ReadModelDb,
  walk: { readonly where: string; readonly params: Record<string, unknown> },
  cap: number,
): number {
  return db
    .prepare(`SELECT COUNT(*) FROM (SELECT 1 FROM case_search s WHERE ${walk.where} LIMIT ${cap + 1})`)
    .pluck()
    .get(walk.params) as number;
}
