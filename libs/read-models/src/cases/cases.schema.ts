/** `cases`: one row per case (list, summary, deadline board, case counts); `case_ratings`: one row per rating. */
export const CASES_SCHEMA = `
CREATE TABLE IF NOT EXISTS cases (
  case_id TEXT PRIMARY KEY,
  case_number TEXT NOT NULL,
  hall TEXT NOT NULL,
  item_code TEXT NOT NULL,
  item_name TEXT NOT NULL,
  department TEXT NOT NULL,
  guide_version INTEGER NOT NULL,
  case_kind TEXT NOT NULL,
  applicant_name TEXT NOT NULL,
  applicant_kind TEXT NOT NULL,
  channel TEXT NOT NULL,
  green_channel INTEGER NOT NULL,
  status TEXT NOT NULL,
  stage TEXT NOT NULL,
  current_step TEXT,
  holder_name TEXT,
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
  materials TEXT NOT NULL,
  last_event_type TEXT NOT NULL,
  last_event_at TEXT NOT NULL,
  position INTEGER NOT NULL,
  revision INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS cases_hall ON cases (hall, received_on);
CREATE INDEX IF NOT EXISTS cases_status ON cases (status, received_on);
CREATE INDEX IF NOT EXISTS cases_item ON cases (item_code, received_on);
CREATE INDEX IF NOT EXISTS cases_department ON cases (department, received_on);
CREATE INDEX IF NOT EXISTS cases_number ON cases (case_number);
CREATE INDEX IF NOT EXISTS cases_pending ON cases (decision_pending, warning_due);
CREATE INDEX IF NOT EXISTS cases_received ON cases (received_on);
CREATE INDEX IF NOT EXISTS cases_decided ON cases (decided_on);
CREATE INDEX IF NOT EXISTS cases_completed ON cases (completed_on);
CREATE TABLE IF NOT EXISTS case_ratings (
  case_id TEXT NOT NULL,
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
  PRIMARY KEY (case_id, n)
);
CREATE INDEX IF NOT EXISTS case_ratings_on ON case_ratings (rated_on);
`;

/** A `cases` row as SQLite returns it. */
export interface CaseRow {
  case_id: string;
  case_number: string;
  hall: string;
  item_code: string;
  item_name: string;
  department: string;
  guide_version: number;
  case_kind: string;
  applicant_name: string;
  applicant_kind: string;
  channel: string;
  green_channel: number;
  status: string;
  stage: string;
  current_step: string | null;
  holder_name: string | null;
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
  materials: string;
  last_event_type: string;
  last_event_at: string;
  position: number;
  revision: number;
}
