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

function legacyStatus(event: CaseEvent): CaseStatus | undefined {
  switch (event.type) {
    case 'case.Received':
      return 'frontDesk.received';
    case 'case.Accepted':
    case 'case.DeemedAccepted':
    case 'case.AcceptedWithDeficiency':
    case 'case.SpecialProcedureEnded':
      return 'backOffice.underReview';
    case 'case.CorrectionRequested':
      return 'frontDesk.correctionRequested';
    case 'case.CorrectionSubmitted':
      return event.data.decideBy ? 'frontDesk.correctionSubmitted' : 'backOffice.underReview';
    case 'case.CorrectionOverdue':
    case 'case.Withdrawn':
      return 'withdrawn';
    case 'case.Refused':
      return 'refused';
    case 'case.TaskReturned':
      return event.data.to === FRONT_DESK ? 'frontDesk.returnedForCorrection' : undefined;
    case 'case.SpecialProcedureStarted':
      return 'backOffice.specialProcedure';
    case 'case.Approved':
      return 'delivery.awaitingResult';
    case 'case.Denied':
    case 'case.ResultIssued':
      // A denial's written decision goes straight to delivery as the thing to hand out.
      return 'delivery.issued';
    case 'case.Dispatched':
      return 'delivery.dispatched';
    case 'case.Delivered':
      return event.data.outcome === 'denied' ? 'denied' : 'completed';
    case 'case.CallbackRecorded':
    case 'case.DeadlinesRecalculated':
    case 'case.DecisionOverdue':
    case 'case.DecisionWarning':
    case 'case.DeficiencyOverdue':
    case 'case.DeficiencySupplied':
    case 'case.Explained':
    case 'case.Extended':
    case 'case.ObligationOpened':
    case 'case.ObligationOverdue':
    case 'case.Rated':
    case 'case.Rectified':
    case 'case.ResultIssueOverdue':
    case 'case.TaskClaimed':
    case 'case.TaskCreated':
    case 'case.TaskPassed':
    case 'case.TaskReleased':
    case 'case.SupervisionNoticeSent':
      return undefined;
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
