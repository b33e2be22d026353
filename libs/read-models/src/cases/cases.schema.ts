import { statusesAccepting, type CaseCommandType } from '@one-window/case';

/**
 * `cases`: one row per case (list, summary, deadline board, case counts); `case_materials`: its
 * materials, apart because they are wide and change seldom; `case_ratings`: one row per rating;
 * `case_search`: the grams of applicant names;
 * `case_departments`: every department the case involves (its own and each step's), which is
 * what an approver's or head's read scope looks up.
 * Rows are keyed by the case key `k` (see CaseKeys): new cases land at the end of each table.
 */
/** A case's stage from its status (`backOffice.underReview` → `backOffice`), as the stage indexes spell it. */
export const STAGE_SQL =
  "CASE WHEN instr(status, '.') > 0 THEN substr(status, 1, instr(status, '.') - 1) ELSE status END";

/**
 * The cases in the statuses whose state accepts `type`, as the statechart says (`status = '…'`
 * or `status IN ('…', '…')`). The partial indexes below and the queries that walk them spell
 * each condition alike, from here.
 */
function inStatesAccepting(type: CaseCommandType, alias: string): string {
  const statuses = statusesAccepting(type).map((status) => `'${status}'`);
  return statuses.length === 1
    ? `${alias}status = ${statuses[0]}`
    : `${alias}status IN (${statuses.join(', ')})`;
}

/**
 * Cases awaiting the acceptance decision (Law Art. 32): received, or their correction handed in —
 * not while the applicant corrects. `correction_notice_due_by` is then that decision's last day.
 */
export function awaitingAcceptance(alias = ''): string {
  return inStatesAccepting('AcceptCase', alias);
}

/** Cases whose one complete correction notice waits for the applicant (`correct_by` runs). */
export function awaitingCorrection(alias = ''): string {
  return inStatesAccepting('MarkCorrectionOverdue', alias);
}

/** Approved cases whose result is still to be issued (Art. 44's ten working days, `result_due_by`). */
export function awaitingResult(alias = ''): string {
  return inStatesAccepting('MarkResultIssueOverdue', alias);
}

/**
 * The one index a rebuild's TEMP tables keep (ADR 9): the statistics' rollup looks a case's
 * departments up by it. The query indexes stay on the real tables only.
 */
export const CASES_REBUILD_INDEXES = ['case_departments_k'] as const;

export const CASES_SCHEMA = `
CREATE TABLE IF NOT EXISTS cases (
  k INTEGER PRIMARY KEY,
  case_id TEXT NOT NULL,
  case_number TEXT NOT NULL,
  case_number_key TEXT NOT NULL,
  hall TEXT NOT NULL,
  item_code TEXT NOT NULL,
  item_name TEXT NOT NULL,
  department TEXT NOT NULL,
  guide_version INTEGER NOT NULL,
  case_kind TEXT NOT NULL,
  applicant_name TEXT NOT NULL,
  applicant_kind TEXT NOT NULL,
  id_number_reversed TEXT,
  channel TEXT NOT NULL,
  green_channel INTEGER NOT NULL,
  status TEXT NOT NULL,
  received_on TEXT NOT NULL,
  received_at TEXT NOT NULL,
  correction_notice_due_by TEXT,
  correct_by TEXT,
  accepted_on TEXT,
  acceptance_kind TEXT,
  statutory_due TEXT,
  promised_due TEXT,
  warning_due TEXT,
  decision_pending INTEGER NOT NULL DEFAULT 0,
  clock_stopped_on TEXT,
  suspended_days INTEGER NOT NULL DEFAULT 0,
  extended_days INTEGER NOT NULL DEFAULT 0,
  supply_by TEXT,
  deficiency_overdue INTEGER NOT NULL DEFAULT 0,
  decided_on TEXT,
  outcome TEXT,
  within_statutory INTEGER,
  within_promised INTEGER,
  working_days_used INTEGER,
  warned_limits TEXT NOT NULL DEFAULT '',
  overdue_limits TEXT NOT NULL DEFAULT '',
  result_due_by TEXT,
  result_issue_overdue INTEGER NOT NULL DEFAULT 0,
  result_issued_on TEXT,
  certificate_number TEXT,
  dispatch_method TEXT,
  tracking_number TEXT,
  dispatched_on TEXT,
  completed_on TEXT,
  refused_on TEXT,
  withdrawn_on TEXT,
  closed_on TEXT,
  provisional_years TEXT NOT NULL DEFAULT '',
  last_event_at TEXT NOT NULL,
  revision INTEGER NOT NULL
);
-- The case list is newest first (received_at DESC, k DESC: k is the rowid every index ends
-- with): each filter the list offers has an index ending in received_at, alone and within the
-- hall and department scopes, so a page reads its rows in order and stops (ADR 11).
CREATE INDEX IF NOT EXISTS cases_received ON cases (received_at);
CREATE INDEX IF NOT EXISTS cases_hall ON cases (hall, received_at);
CREATE INDEX IF NOT EXISTS cases_department ON cases (department, received_at);
CREATE INDEX IF NOT EXISTS cases_status ON cases (status, received_at);
CREATE INDEX IF NOT EXISTS cases_hall_status ON cases (hall, status, received_at);
CREATE INDEX IF NOT EXISTS cases_department_status ON cases (department, status, received_at);
CREATE INDEX IF NOT EXISTS cases_item ON cases (item_code, received_at);
CREATE INDEX IF NOT EXISTS cases_hall_item ON cases (hall, item_code, received_at);
CREATE INDEX IF NOT EXISTS cases_number ON cases (case_number);
-- The stage is the status's first part (STAGE_SQL): its own index, so a stage's cases come in order.
CREATE INDEX IF NOT EXISTS cases_stage ON cases (${STAGE_SQL}, received_at);
CREATE INDEX IF NOT EXISTS cases_hall_stage ON cases (hall, ${STAGE_SQL}, received_at);
-- Search: the case number folded (prefix range), the ID number reversed (last digits).
CREATE INDEX IF NOT EXISTS cases_number_key ON cases (case_number_key);
CREATE INDEX IF NOT EXISTS cases_id_number ON cases (id_number_reversed) WHERE id_number_reversed IS NOT NULL;
CREATE INDEX IF NOT EXISTS cases_pending ON cases (warning_due) WHERE decision_pending = 1;
-- The deadline board's order (due date, green channel first, k) among pending cases, alone and
-- within the hall and department scopes; a warning level is a range of warning_due (ADR 11).
CREATE INDEX IF NOT EXISTS cases_board ON cases (warning_due, green_channel DESC) WHERE decision_pending = 1;
CREATE INDEX IF NOT EXISTS cases_board_hall ON cases (hall, warning_due, green_channel DESC)
  WHERE decision_pending = 1;
CREATE INDEX IF NOT EXISTS cases_board_department ON cases (department, warning_due, green_channel DESC)
  WHERE decision_pending = 1;
-- Pending cases newest first (the list's yellow/red filters), and the days stopped clocks stopped.
CREATE INDEX IF NOT EXISTS cases_pending_received ON cases (received_at) WHERE decision_pending = 1;
CREATE INDEX IF NOT EXISTS cases_pending_hall ON cases (hall, received_at) WHERE decision_pending = 1;
CREATE INDEX IF NOT EXISTS cases_pending_department ON cases (department, received_at) WHERE decision_pending = 1;
CREATE INDEX IF NOT EXISTS cases_stopped ON cases (clock_stopped_on)
  WHERE decision_pending = 1 AND clock_stopped_on IS NOT NULL;
-- The deadlines the durable timers look for (see DueDeadlines): each index holds only the cases
-- whose deadline is still open.
-- The acceptance board's order (acceptance due date, green channel first, k) among cases awaiting
-- the acceptance decision, alone and within a hall; the timer looking for late ones walks it too.
DROP INDEX IF EXISTS cases_notice_due;
CREATE INDEX IF NOT EXISTS cases_acceptance_board ON cases (correction_notice_due_by, green_channel DESC)
  WHERE ${awaitingAcceptance()};
CREATE INDEX IF NOT EXISTS cases_acceptance_board_hall ON cases (hall, correction_notice_due_by, green_channel DESC)
  WHERE ${awaitingAcceptance()};
CREATE INDEX IF NOT EXISTS cases_correction_due ON cases (correct_by) WHERE ${awaitingCorrection()};
CREATE INDEX IF NOT EXISTS cases_supply_due ON cases (supply_by) WHERE deficiency_overdue = 0 AND closed_on IS NULL;
-- Open cases whose dates guessed a year without an official schedule (ADR 12).
CREATE INDEX IF NOT EXISTS cases_provisional ON cases (provisional_years)
  WHERE provisional_years <> '' AND closed_on IS NULL;
CREATE INDEX IF NOT EXISTS cases_result_due ON cases (result_due_by)
  WHERE ${awaitingResult()} AND result_issue_overdue = 0;
CREATE TABLE IF NOT EXISTS case_materials (
  k INTEGER PRIMARY KEY,
  materials TEXT NOT NULL,
  revision INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS case_ratings (
  k INTEGER NOT NULL,
  n INTEGER NOT NULL,
  level INTEGER NOT NULL,
  bad INTEGER NOT NULL,
  channel TEXT NOT NULL,
  stage TEXT NOT NULL,
  rated_at TEXT NOT NULL,
  rated_on TEXT NOT NULL,
  hall TEXT NOT NULL,
  department TEXT NOT NULL,
  item_code TEXT NOT NULL,
  item_name TEXT NOT NULL,
  comment TEXT,
  PRIMARY KEY (k, n)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS case_ratings_on ON case_ratings (rated_on);
-- Each character and each pair of neighbours of the applicant's name (see nameGrams): what
-- a name search looks up, so two-character names (王伟) are found by index. The case's
-- received_at and hall (neither changes after receipt) order a gram's cases as the list is
-- ordered, alone and within a hall, so a one-gram search walks them a page at a time and
-- counts them from the index (gramWalk, ADR 11).
CREATE TABLE IF NOT EXISTS case_search (
  gram TEXT NOT NULL,
  k INTEGER NOT NULL,
  received_at TEXT NOT NULL,
  hall TEXT NOT NULL,
  PRIMARY KEY (gram, k)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS case_search_recent ON case_search (gram, received_at DESC, k DESC);
CREATE INDEX IF NOT EXISTS case_search_hall ON case_search (gram, hall, received_at DESC, k DESC);
CREATE TABLE IF NOT EXISTS case_departments (
  department TEXT NOT NULL,
  k INTEGER NOT NULL,
  PRIMARY KEY (department, k)
) WITHOUT ROWID;
-- A case's departments (the statistics rollup counts a case in each; summary checks a scope).
CREATE INDEX IF NOT EXISTS case_departments_k ON case_departments (k);
`;

/** A `cases` row as SQLite returns it, with the open task's step and holder joined from `tasks`. */
export interface CaseRow {
  current_step: string | null;
  holder_name: string | null;
  /** 1 while the case awaits the acceptance decision (awaitingAcceptance), as the case reads select it. */
  awaiting_acceptance?: number;
  k: number;
  case_id: string;
  case_number: string;
  case_number_key: string;
  hall: string;
  item_code: string;
  item_name: string;
  department: string;
  guide_version: number;
  case_kind: string;
  applicant_name: string;
  applicant_kind: string;
  id_number_reversed: string | null;
  channel: string;
  green_channel: number;
  status: string;
  received_on: string;
  received_at: string;
  correction_notice_due_by: string | null;
  correct_by: string | null;
  accepted_on: string | null;
  acceptance_kind: string | null;
  statutory_due: string | null;
  promised_due: string | null;
  warning_due: string | null;
  decision_pending: number;
  clock_stopped_on: string | null;
  suspended_days: number;
  extended_days: number;
  supply_by: string | null;
  deficiency_overdue: number;
  decided_on: string | null;
  outcome: string | null;
  within_statutory: number | null;
  within_promised: number | null;
  working_days_used: number | null;
  warned_limits: string;
  overdue_limits: string;
  result_due_by: string | null;
  result_issue_overdue: number;
  result_issued_on: string | null;
  certificate_number: string | null;
  dispatch_method: string | null;
  tracking_number: string | null;
  dispatched_on: string | null;
  completed_on: string | null;
  refused_on: string | null;
  withdrawn_on: string | null;
  closed_on: string | null;
  /** Comma-separated years the stored dates counted Monday–Friday ('' when none). */
  provisional_years: string;
  last_event_at: string;
  revision: number;
}
