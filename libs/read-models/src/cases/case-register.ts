import type { CaseStatus } from '@one-window/case';
import type { ReadModelDb } from '../database/read-model-database.js';
import type { CaseRow } from './cases.schema.js';

/**
 * One line of the register (台账): what a hall keeps of a case, still as codes (hall, department,
 * status) for the caller to name in its language. The ID number leaves masked: its last four.
 */
export interface CaseRegisterRow {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly itemName: string;
  readonly applicantName: string;
  /** All but the last four characters as `*` (the list, the timeline and the notices show no more). */
  readonly idNumberMasked: string | null;
  readonly hall: string;
  readonly department: string;
  readonly channel: string;
  readonly status: CaseStatus;
  readonly receivedAt: string;
  readonly acceptedOn: string | null;
  readonly promisedDueDate: string | null;
  readonly statutoryDueDate: string | null;
  readonly completedOn: string | null;
}

/** The register of a filter: its count (up to cap + 1) and its rows, page by page in the list's order. */
export interface CaseRegister {
  /** Cases matching, counted up to cap + 1. */
  readonly total: number;
  /** More than `cap` cases match: `pages` then yields nothing. */
  readonly overCap: boolean;
  /** Keyset pages (received_at, k) of at most `pageSize` rows: never the whole table at once. */
  pages(): Generator<CaseRegisterRow[]>;
}

/** `**************1234` from the reversed ID number the read model keeps for its search. */
export function maskIdNumber(reversed: string | null): string | null {
  if (!reversed) return null;
  const id = Array.from(reversed).reverse();
  return id.map((c, i) => (i < id.length - 4 ? '*' : c)).join('');
}

/**
 * Pages of the register for a WHERE condition over `cases c` (the case list's, see
 * caseListCondition), newest first like the list, each read from where the last one ended.
 */
export function* registerPages(
  db: ReadModelDb,
  condition: { sql: string; params: Record<string, unknown> },
  pageSize: number,
  /** What the rows are read from and the columns of its (received_at, k) order (a one-gram search walks case_search). */
  over: { readonly from: string; readonly at: string; readonly k: string } = {
    from: 'cases c',
    at: 'c.received_at',
    k: 'c.k',
  },
): Generator<CaseRegisterRow[]> {
  let after: { at: string; k: number } | null = null;
  for (;;) {
    const rows = db
      .prepare(
        `SELECT c.* FROM ${over.from} WHERE ${condition.sql}
         ${after ? `AND (${over.at}, ${over.k}) < (@afterAt, @afterK)` : ''}
         ORDER BY ${over.at} DESC, ${over.k} DESC LIMIT @limit`,
      )
      .all({
        ...condition.params,
        ...(after ? { afterAt: after.at, afterK: after.k } : {}),
        limit: pageSize,
      }) as CaseRow[];
    if (rows.length === 0) return;
    yield rows.map(registerRow);
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1];
    after = { at: last.received_at, k: last.k };
  }
}

function registerRow(row: CaseRow): CaseRegisterRow {
  return {
    caseId: row.case_id,
    caseNumber: row.case_number,
    itemName: row.item_name,
    applicantName: row.applicant_name,
    idNumberMasked: maskIdNumber(row.id_number_reversed),
    hall: row.hall,
    department: row.department,
    channel: row.channel,
    status: row.status as CaseStatus,
    receivedAt: row.received_at,
    acceptedOn: row.accepted_on,
    promisedDueDate: row.promised_due,
    statutoryDueDate: row.statutory_due,
    completedOn: row.completed_on,
  };
}
