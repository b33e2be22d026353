import { type CaseEvent, type CaseEventMetadata, type CaseEventType, caseStreamName } from '@one-window/case';
import { type EventStore, type RecordedEvent, StreamNotFoundError } from '@one-window/event-store';
import type { Role } from '@one-window/shared';
import { OutOfScopeError } from '../scope/out-of-scope.error.js';
import { type ReadScope, caseDepartments, inScope } from '../scope/read-scope.js';
import { type Bilingual, EVENT_TITLES, type EventNames, ROLE_LABELS, describeEvent } from './event-labels.js';

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
  /** The event's data (for `case.Received`: without the guide snapshot and the applicant's id number and phone). */
  readonly data: unknown;
}

export interface Timeline {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly entries: readonly TimelineEntry[];
}

/**
 * A case's events in order, in words a clerk understands (Chinese and English). The case's own
 * stream already is its timeline — ordered, complete, and current the moment a command returns —
 * so this reads it rather than keeping a copy of every event in SQLite (docs/adr/0007).
 */
export class TimelineQueries {
  /** `departmentName`: the directory's name for a department id (ids are shown where it has none). */
  constructor(
    private readonly store: EventStore,
    private readonly departmentName: (id: string) => string | undefined = () => undefined,
  ) {}

  /** Undefined when the case is unknown; OutOfScopeError outside the caller's hall or department. */
  async timeline(caseId: string, scope: ReadScope): Promise<Timeline | undefined> {
    let events: RecordedEvent[];
    try {
      events = await this.store.readStream(caseStreamName(caseId));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
    const first = events[0];
    if (first?.type !== 'case.Received') return undefined;
    const received = first.data as Extract<CaseEvent, { type: 'case.Received' }>['data'];
    const departments = caseDepartments(received.guide);
    if (!inScope(scope, { hall: received.hall, department: received.guide.department, departments }))
      throw new OutOfScopeError('case', caseId);
    // Materials by the names of the case's own guide snapshot, departments by the directory.
    const materialNames = new Map(received.guide.materials.map((m) => [m.code, m.name]));
    const names: EventNames = {
      material: (code) => materialNames.get(code) ?? code,
      department: (id) => this.departmentName(id) ?? id,
    };
    return { caseId, caseNumber: received.caseNumber, entries: events.map((e) => toEntry(e, names)) };
  }
}

function toEntry(recorded: RecordedEvent, names: EventNames): TimelineEntry {
  const event = { type: recorded.type, data: recorded.data } as CaseEvent;
  const metadata = recorded.metadata as CaseEventMetadata | null;
  const actor = metadata?.actor;
  return {
    revision: recorded.streamRevision,
    position: recorded.position,
    type: event.type,
    at: metadata?.at ?? recorded.created.toISOString(),
    actor: actor
      ? { userId: actor.userId, name: actor.name, role: actor.role, roleLabel: ROLE_LABELS[actor.role] }
      : null,
    title: EVENT_TITLES[event.type] ?? { zh: recorded.type, en: recorded.type },
    detail: describeEvent(event, names),
    data: compact(event),
  };
}

/** The guide is shown elsewhere, and identity numbers stay out of a list anyone in the hall may read. */
function compact(event: CaseEvent): unknown {
  if (event.type !== 'case.Received') return event.data;
  const { guide, applicant, agent, ...rest } = event.data;
  return {
    ...rest,
    guide: { code: guide.code, version: guide.version, name: guide.name },
    applicant: { kind: applicant.kind, name: applicant.name },
    ...(agent ? { agent: { name: agent.name } } : {}),
  };
}
