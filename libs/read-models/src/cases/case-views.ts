import type { WarningLevel } from '@one-window/calendar';
import type { CaseStage, CaseStatus, DecisionLimit } from '@one-window/case';
import type { DueStatus } from '../queries/deadline-evaluator.js';
import type { MaterialStatus } from './materials.js';

/** One line of the case list. */
export interface CaseListItem {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly hall: string;
  readonly itemCode: string;
  readonly itemName: string;
  readonly department: string;
  readonly applicantName: string;
  readonly channel: string;
  readonly greenChannel: boolean;
  /** The case machine's status, e.g. `backOffice.specialProcedure` (see `CASE_STATUSES` in @one-window/case). */
  readonly status: CaseStatus;
  readonly stage: CaseStage;
  /** The open back-office step, e.g. 审查. */
  readonly currentStep: string | null;
  readonly holderName: string | null;
  readonly receivedOn: string;
  readonly receivedAt: string;
  readonly acceptedOn: string | null;
  /** The China date the result reached the applicant (办结); null before. */
  readonly completedOn: string | null;
  readonly statutoryDueDate: string | null;
  readonly promisedDueDate: string | null;
  /**
   * Years this case's stored dates counted Monday–Friday for want of an official holiday schedule:
   * its dates are provisional (暂定) until the year is loaded and they are counted again (ADR 12).
   */
  readonly provisionalYears: readonly number[];
  /** Worst of the two limits while a decision is pending; `none` otherwise. */
  readonly warning: WarningLevel;
  /** To the earlier (promised) limit while a decision is pending. */
  readonly workingDaysLeft: number | null;
  /** When the last event that changed this case's row happened (ratings and their follow-up are not counted). */
  readonly lastEventAt: string;
  /** The stream revision of that event. */
  readonly revision: number;
}

export interface CaseSummary extends CaseListItem {
  readonly guideVersion: number;
  readonly caseKind: string;
  readonly applicantKind: string;
  /** Last day for the one complete correction notice (or for deciding after a resubmission). */
  readonly correctionNoticeDueBy: string | null;
  readonly correctBy: string | null;
  readonly acceptanceKind: 'accepted' | 'with-deficiency' | 'deemed' | null;
  readonly decisionPending: boolean;
  readonly dueDates: {
    readonly statutory: DueStatus | null;
    readonly promised: DueStatus | null;
    /** The acceptance decision's last day (Law Art. 32) while the case is received or its correction handed in. */
    readonly acceptance: DueStatus | null;
  };
  readonly clockStopped: boolean;
  readonly clockStoppedOn: string | null;
  readonly suspendedWorkingDays: number;
  readonly extendedDays: number;
  readonly materials: readonly MaterialStatus[];
  readonly openDeficiencies: readonly MaterialStatus[];
  readonly supplyBy: string | null;
  readonly decision: {
    readonly outcome: 'approved' | 'denied';
    readonly decidedOn: string;
    readonly withinStatutoryLimit: boolean;
    readonly withinPromisedLimit: boolean;
    /** Working days from acceptance to decision, special procedures excluded. */
    readonly workingDaysUsed: number | null;
  } | null;
  readonly outcome: string | null;
  readonly resultDueBy: string | null;
  readonly resultIssuedOn: string | null;
  readonly certificateNumber: string | null;
  readonly dispatch: {
    readonly method: string;
    readonly trackingNumber: string | null;
    readonly dispatchedOn: string;
  } | null;
  readonly refusedOn: string | null;
  readonly withdrawnOn: string | null;
  /** Marks the durable timers left (DecisionWarning / DecisionOverdue / …). */
  readonly marks: {
    readonly decisionWarning: readonly DecisionLimit[];
    readonly decisionOverdue: readonly DecisionLimit[];
    readonly resultIssueOverdue: boolean;
    readonly deficiencyOverdue: boolean;
  };
}

/** A line of a deadline board; on the acceptance board its warning and days left count to `dueDate`. */
export interface DeadlineBoardItem extends CaseListItem {
  /** The date the board orders by: the earlier decision limit, or the acceptance decision's (Art. 32). */
  readonly dueDate: string;
}
