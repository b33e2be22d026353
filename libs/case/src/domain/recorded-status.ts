/**
 * Where a stored event left its case. Since ADR 0010 the executor writes the status and stage
 * the statechart reached after each event into the event's metadata, so projections read them
 * instead of re-deriving. Events stored before that carry neither; for them — and only them —
 * `recordedStatus` falls back to the status their type implies (what the cases projection used
 * to derive), undefined when the event does not move the handling region. This is the one place
 * that fallback lives.
 */
import type { CaseEvent, CaseEventMetadata } from '../events.js';
import { FRONT_DESK } from '../events.js';
import type { CaseStage, CaseStatus } from './case-state.js';

export interface RecordedStatus {
  readonly status: CaseStatus;
  readonly stage: CaseStage;
}

/** The status and stage after `event`; undefined for an old event that does not change them. */
export function recordedStatus(
  event: CaseEvent,
  metadata: Pick<CaseEventMetadata, 'status' | 'stage'> | null | undefined,
): RecordedStatus | undefined {
  if (metadata?.status !== undefined && metadata.stage !== undefined) {
    return { status: metadata.status, stage: metadata.stage };
  }
  const status = legacyStatus(event);
  return status === undefined ? undefined : { status, stage: status.split('.')[0] as CaseStage };
}

type EventOf<T extends CaseEvent['type']> = Extract<CaseEvent, { type: T }>;
type Legacy = {
  readonly [T in CaseEvent['type']]?: CaseStatus | ((event: EventOf<T>) => CaseStatus | undefined);
};

/**
 * The status an event stored before ADR 0010 implies; the types not named here leave it where it
 * was. Only old events need this, so a new event type needs no line here.
 */
const LEGACY: Legacy = {
  'case.Received': 'frontDesk.received',
  'case.Accepted': 'backOffice.underReview',
  'case.DeemedAccepted': 'backOffice.underReview',
  'case.AcceptedWithDeficiency': 'backOffice.underReview',
  'case.SpecialProcedureEnded': 'backOffice.underReview',
  'case.CorrectionRequested': 'frontDesk.correctionRequested',
  'case.CorrectionSubmitted': (e) =>
    e.data.decideBy ? 'frontDesk.correctionSubmitted' : 'backOffice.underReview',
  'case.CorrectionOverdue': 'withdrawn',
  'case.Withdrawn': 'withdrawn',
  'case.Refused': 'refused',
  'case.TaskReturned': (e) => (e.data.to === FRONT_DESK ? 'frontDesk.returnedForCorrection' : undefined),
  'case.SpecialProcedureStarted': 'backOffice.specialProcedure',
  'case.Approved': 'delivery.awaitingResult',
  // A denial's written decision goes straight to delivery as the thing to hand out.
  'case.Denied': 'delivery.issued',
  'case.ResultIssued': 'delivery.issued',
  'case.Dispatched': 'delivery.dispatched',
  'case.Delivered': (e) => (e.data.outcome === 'denied' ? 'denied' : 'completed'),
};

function legacyStatus(event: CaseEvent): CaseStatus | undefined {
  const rule = LEGACY[event.type] as CaseStatus | ((e: CaseEvent) => CaseStatus | undefined) | undefined;
  return typeof rule === 'function' ? rule(event) : rule;
}
