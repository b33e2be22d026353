import type { CaseEvent, CaseEventType } from '@one-window/case';
import type { Role } from '@one-window/shared';
import type { ReadModelDb } from '../database/read-model-database.js';
import { OutOfScopeError } from '../scope/out-of-scope.error.js';
import { type ReadScope, inScope } from '../scope/read-scope.js';
import { type Bilingual, EVENT_TITLES, ROLE_LABELS, describeEvent } from './event-labels.js';

export interface TimelineEntry {
  readonly revision: number;
  readonly position: number;
  readonly type: CaseEventType;
  readonly at: string;
  readonly actor: {
    readonly userId: string;
    readonly name: string;
    readonly role: Role;
    readonly roleLabel: Bilingual;
  } | null;
  /** What happened, e.g. 受理 / Accepted. */
  readonly title: Bilingual;
  /** The facts that matter to a clerk: voucher, due dates, reasons, who. */
  readonly detail: Bilingual;
  readonly data: unknown;
}

export interface Timeline {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly entries: readonly TimelineEntry[];
}

interface TimelineRow {
  revision: number;
  position: number;
  type: CaseEventType;
  at: string;
  actor_user_id: string | null;
  actor_name: string | null;
  actor_role: Role | null;
  data: string;
}

/** A case's events in order, in words a clerk understands (Chinese and English). */
export class TimelineQueries {
  constructor(private readonly db: ReadModelDb) {}

  /** Undefined when the case is unknown; OutOfScopeError outside the caller's hall or department. */
  timeline(caseId: string, scope: ReadScope): Timeline | undefined {
    const owner = this.db
      .prepare('SELECT case_number, hall, department FROM cases WHERE case_id = ?')
      .get(caseId) as { case_number: string; hall: string; department: string } | undefined;
    if (!owner) return undefined;
    if (!inScope(scope, owner)) throw new OutOfScopeError('case', caseId);
    const rows = this.db
      .prepare('SELECT * FROM timeline WHERE case_id = ? ORDER BY revision')
      .all(caseId) as TimelineRow[];
    return { caseId, caseNumber: owner.case_number, entries: rows.map(toEntry) };
  }
}

function toEntry(row: TimelineRow): TimelineEntry {
  const data = JSON.parse(row.data) as unknown;
  return {
    revision: row.revision,
    position: row.position,
    type: row.type,
    at: row.at,
    actor:
      row.actor_user_id && row.actor_role
        ? {
            userId: row.actor_user_id,
            name: row.actor_name ?? '',
            role: row.actor_role,
            roleLabel: ROLE_LABELS[row.actor_role],
          }
        : null,
    title: EVENT_TITLES[row.type] ?? { zh: row.type, en: row.type },
    detail: describeEvent({ type: row.type, data } as CaseEvent),
    data,
  };
}
