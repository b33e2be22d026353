/**
 * Every event a case stream (`case-<caseId>`) holds: a versioned discriminated union.
 *
 * Events are facts, already decided: the machine folds them without re-checking rules.
 * Due dates that are legal facts (statutory / promised due dates, correction-notice deadline,
 * supply-by date, shifted and extended due dates, obligation due times) are stored here, in the
 * data, so that replaying a case never depends on today's calendar (docs/adr/0005).
 *
 * Dates named `…On` / `…By` / `…DueDate` are China business dates `YYYY-MM-DD` (UTC+8);
 * names ending in `At` are ISO-8601 instants. Changes to this file are additive only:
 * a new field is optional, a changed meaning is a new event type.
 */
import type { Actor } from '@one-window/shared';
import type { CaseStage, CaseStatus } from './domain/case-state.js';
import type { MayIssueNotice } from './notices/notice-content.js';
import type {
  ApproverRole,
  CaseKind,
  HandlingForm,
  ItemType,
  MaterialType,
  SourceChannel,
} from '@one-window/catalog';
import { SLICE_EVENT_TYPES, type SlicedEvent } from './slices/index.js';

/** Version of the event shapes below, recorded in every event's metadata. */
export const CASE_EVENT_SCHEMA_VERSION = 1 as const;

// ---------------------------------------------------------------------------------------------
// Value types used in event data

/** The parts of a service guide a case needs, copied into `case.Received` (Art. 13: a case keeps its guide version). */
export interface CaseGuide {
  readonly code: string;
  readonly version: number;
  readonly name: string;
  readonly itemType: ItemType;
  readonly caseKind: CaseKind;
  readonly department: string;
  readonly implementingAgency: string;
  /** Working days. */
  readonly statutoryLimitDays: number;
  /** Working days, ≤ statutory. */
  readonly promisedLimitDays: number;
  readonly resultName: string;
  readonly courierDelivery: boolean;
  /** 联合办理 (Law Art. 26/42): extension up to the policy's joint-handling days. Absent in older events = ordinary. */
  readonly jointHandling?: boolean;
  readonly handlingForms: readonly HandlingForm[];
  readonly materials: readonly CaseGuideMaterial[];
  readonly steps: readonly CaseGuideStep[];
}

export interface CaseGuideMaterial {
  readonly code: string;
  readonly name: string;
  readonly type: MaterialType;
  readonly sourceChannel: SourceChannel;
  readonly sharedSource?: string;
  readonly key: boolean;
  readonly deficiencyAllowed: boolean;
}

export interface CaseGuideStep {
  readonly name: string;
  readonly label: string;
  readonly department: string;
  readonly role: ApproverRole;
  /** Working days. */
  readonly timeLimitDays: number;
}

export type ApplicantKind = 'natural-person' | 'legal-person';

export interface Applicant {
  readonly kind: ApplicantKind;
  readonly name: string;
  readonly idType: string;
  readonly idNumber: string;
  readonly phone: string;
}

/** Someone applying on the applicant's behalf (代办帮办). */
export interface Agent {
  readonly name: string;
  readonly idType: string;
  readonly idNumber: string;
  readonly phone: string;
}

/** Where the application came in (DOMAIN §2). */
export type ApplicationChannel = 'window' | 'online' | 'mobile' | 'terminal' | 'agent-point';

/** How a material was handed in; `shared` = fetched from a data-sharing source with the applicant's authorization. */
export type MaterialForm = MaterialType | 'shared';

export interface SubmittedMaterial {
  readonly code: string;
  readonly form: MaterialForm;
  /** Scans attached (ADR 16); absent in events from before files, and for materials without any. */
  readonly files?: readonly AttachedFile[];
}

/** Accepted types of an attached file, sniffed from its content by the blob store. */
export type AttachedFileType = 'application/pdf' | 'image/jpeg' | 'image/png';

/**
 * One scanned file of a material, by content (ADR 16): the hash names the bytes, so the log proves
 * which file the approver read; size and type are the blob store's, never the uploader's.
 */
export interface AttachedFile {
  readonly sha256: string;
  readonly size: number;
  readonly type: AttachedFileType;
  /** The name it was uploaded under (shown, never trusted for the type). */
  readonly name: string;
  /** The user id of the clerk who attached it. */
  readonly attachedBy: string;
  readonly attachedAt: string;
}

export interface CorrectionItem {
  readonly code: string;
  readonly problem: string;
}

/** Special procedures whose time does not count (Administrative Licensing Law Art. 45). */
export type SpecialProcedureKind =
  'hearing' | 'tender' | 'auction' | 'inspection' | 'testing' | 'quarantine' | 'appraisal' | 'expert-review';

export type DispatchMethod = 'window' | 'courier' | 'electronic';

/** GB/T 39046 A.8: 1 非常满意 … 5 非常不满意; 4 and 5 are a bad rating (差评). */
export type RatingLevel = 1 | 2 | 3 | 4 | 5;
export type RatingChannel = 'window-device' | 'qr-code' | 'sms' | 'hotline-12345' | 'app' | 'portal';
/** What is rated: a visit at one stage (一次一评) or the whole case (一事一评). */
export type RatingStage = 'front-desk' | 'back-office' | 'delivery' | 'overall';

/** The limit a deadline mark refers to. */
export type DecisionLimit = 'statutory' | 'promised';

export interface TaskHolder {
  readonly userId: string;
  readonly name: string;
}

/** Where a returned task goes: an earlier step's name, or the front desk for correction. */
export const FRONT_DESK = 'front-desk' as const;
export type ReturnTarget = string;

// ---------------------------------------------------------------------------------------------
// Event data

/**
 * Dates counted over a year no official holiday schedule covers, Monday–Friday (ADR 12): shown as
 * 暂定 until the administrator loads that year and `case.DeadlinesRecalculated` replaces them.
 */
export interface ProvisionalDates {
  /** The years counted Monday–Friday. */
  readonly years: readonly number[];
}

/** Event data that holds working-day dates: flagged when one of them rests on a guessed year. */
export interface MayBeProvisional {
  readonly provisional?: ProvisionalDates;
}

export interface ReceivedData extends MayBeProvisional, MayIssueNotice {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly hall: string;
  readonly itemCode: string;
  readonly guideVersion: number;
  readonly guide: CaseGuide;
  readonly applicant: Applicant;
  readonly agent?: Agent;
  readonly channel: ApplicationChannel;
  readonly materials: readonly SubmittedMaterial[];
  /** Applicant-supplied materials of the guide that were not handed in. */
  readonly missingMaterials: readonly string[];
  /** Shared-source materials fetched instead of asked for (Art. 11(5)); authorization recorded. */
  readonly sharingAuthorized: boolean;
  readonly greenChannel: boolean;
  readonly appointmentId?: string;
  readonly receivedOn: string;
  readonly receivedAt: string;
  /** Last day for the one complete correction notice (Law Art. 32: 5 working days after receipt). */
  readonly correctionNoticeDueBy: string;
}

/** Due dates set when the decision clock starts (at acceptance, Law Art. 42). */
export interface AcceptanceDates extends MayBeProvisional, MayIssueNotice {
  readonly acceptedOn: string;
  readonly statutoryDueDate: string;
  readonly promisedDueDate: string;
  /** Written, sealed, dated acceptance voucher (Art. 32). */
  readonly voucherNumber: string;
  /** The applicant's query code (查询码) printed on the voucher; acceptances before 2026-12 have none. */
  readonly queryCode?: string;
}

export type AcceptedData = AcceptanceDates;

export interface AcceptedWithDeficiencyData extends AcceptanceDates {
  readonly missing: readonly string[];
  /** Deadline to supply the missing materials, ≤ the promised due date. */
  readonly supplyBy: string;
  readonly commitmentSigned: true;
}

export interface CorrectionRequestedData extends MayBeProvisional, MayIssueNotice {
  readonly items: readonly CorrectionItem[];
  readonly requestedOn: string;
  /** Deadline for the applicant to supply the correction. */
  readonly correctBy: string;
}

export interface CorrectionSubmittedData extends MayBeProvisional {
  readonly materials: readonly SubmittedMaterial[];
  readonly submittedOn: string;
  /**
   * Before acceptance: last day to decide on acceptance, after which the case counts as accepted
   * from the day of resubmission. Absent after a return from the back office (already accepted).
   */
  readonly decideBy?: string;
}

export interface DeemedAcceptedData extends AcceptanceDates {
  /** The deadline that passed without a correction notice or decision. */
  readonly noticeDueBy: string;
}

export interface RefusedData extends MayIssueNotice {
  readonly reason: string;
  readonly legalBasis: string;
  readonly competentAgency?: string;
  readonly refusedOn: string;
  readonly voucherNumber: string;
}

export interface WithdrawnData {
  readonly reason: string;
  readonly withdrawnOn: string;
  /** The case's state when it was withdrawn, e.g. `backOffice.specialProcedure`. */
  readonly during: string;
}

/** The applicant did not supply the correction by its deadline: the application counts as withdrawn. */
export interface CorrectionOverdueData {
  readonly correctBy: string;
  readonly withdrawnOn: string;
}

export interface DeficiencySuppliedData {
  readonly materials: readonly SubmittedMaterial[];
  readonly suppliedOn: string;
  /** Codes still missing after this supply. */
  readonly remaining: readonly string[];
  readonly late: boolean;
}

export interface DeficiencyOverdueData {
  readonly supplyBy: string;
  readonly missing: readonly string[];
}

export interface TaskCreatedData extends MayBeProvisional {
  readonly taskId: string;
  /** 1-based sequence of the task in its case. */
  readonly n: number;
  readonly step: string;
  readonly stepIndex: number;
  readonly label: string;
  readonly department: string;
  readonly role: ApproverRole;
  readonly createdOn: string;
  /** Informative: the step's own limit (Art. 9) counted from its creation. */
  readonly stepDueDate: string;
  readonly reason: 'accepted' | 'passed' | 'returned' | 'resubmitted';
}

export interface TaskClaimedData {
  readonly taskId: string;
  readonly holder: TaskHolder;
  readonly claimedAt: string;
}

export interface TaskReleasedData {
  readonly taskId: string;
  readonly holder: TaskHolder;
  readonly releasedAt: string;
}

export interface TaskPassedData {
  readonly taskId: string;
  readonly opinion: string;
  readonly passedAt: string;
}

export interface TaskReturnedData {
  readonly taskId: string;
  /** An earlier step's name, or `front-desk`. */
  readonly to: ReturnTarget;
  readonly reason: string;
  readonly returnedAt: string;
}

export interface SpecialProcedureStartedData {
  /** 1-based sequence of the procedure in its case. */
  readonly n: number;
  readonly kind: SpecialProcedureKind;
  readonly reason: string;
  /** Told to the applicant (Art. 45). */
  readonly expectedDays: number;
  readonly taskId: string;
  readonly startedOn: string;
}

export interface SpecialProcedureEndedData extends MayBeProvisional {
  readonly n: number;
  readonly result: string;
  readonly endedOn: string;
  /** Working days after the start day up to and including the end day: they do not count. */
  readonly suspendedWorkingDays: number;
  /** Due dates shifted by the suspended days. */
  readonly statutoryDueDate: string;
  readonly promisedDueDate: string;
}

export interface ExtendedData extends MayBeProvisional, MayIssueNotice {
  readonly days: number;
  readonly reason: string;
  readonly head: TaskHolder;
  readonly previousDueDate: string;
  readonly statutoryDueDate: string;
  readonly extendedOn: string;
}

export interface ApprovedData extends MayBeProvisional {
  readonly taskId: string;
  readonly opinion: string;
  readonly approvedOn: string;
  /** Result to be issued within 10 working days of the decision (Art. 44). */
  readonly resultDueBy: string;
  readonly withinStatutoryLimit: boolean;
  readonly withinPromisedLimit: boolean;
}

/** A deadline `case.DeadlinesRecalculated` may move. */
export type RecalculatedDeadline = 'statutory' | 'promised' | 'acceptance-decision' | 'step' | 'result-issue';

export interface DeadlineChange {
  readonly deadline: RecalculatedDeadline;
  /** For `step`: the task whose step due date this is. */
  readonly taskId?: string;
  readonly from: string;
  readonly to: string;
}

/** The calendar a recalculation used, year by year: what the official schedule was and who said so. */
export interface CalendarYearUsed {
  readonly year: number;
  readonly kind: string;
  readonly source: string;
  readonly publishedAt?: string;
}

/**
 * The official schedule of a year the case's dates had guessed is now loaded: every open
 * deadline is counted again on it, old → new (ADR 12). Unchanged deadlines are listed too.
 */
export interface DeadlinesRecalculatedData {
  /** The years that were provisional and are now covered. */
  readonly years: readonly number[];
  readonly calendar: readonly CalendarYearUsed[];
  readonly changes: readonly DeadlineChange[];
  readonly recalculatedOn: string;
  /** Years still guessed after this recalculation (none, usually). */
  readonly provisional?: ProvisionalDates;
}

export interface Remedies {
  /** Administrative review within 60 days (Administrative Reconsideration Law / Art. 38). */
  readonly administrativeReviewDays: number;
  readonly reviewAuthority: string;
  /** Administrative lawsuit within 6 months (Administrative Procedure Law Art. 46). */
  readonly lawsuitMonths: number;
  readonly court: string;
}

export interface DeniedData {
  readonly taskId: string;
  readonly reasons: readonly string[];
  readonly remedies: Remedies;
  readonly deniedOn: string;
  /** The written denial decision (不予许可决定书), delivered like a result. */
  readonly decisionNumber: string;
  readonly withinStatutoryLimit: boolean;
  readonly withinPromisedLimit: boolean;
}

export interface ResultIssuedData {
  readonly certificateNumber: string;
  readonly validUntil?: string;
  /** Issued as an electronic certificate with an electronic seal (Art. 20–21). */
  readonly electronic: boolean;
  readonly issuedOn: string;
  readonly late: boolean;
}

export interface DispatchedData {
  readonly method: DispatchMethod;
  readonly trackingNumber?: string;
  readonly dispatchedOn: string;
}

/** Who collected the result at the window: the applicant in person or an agent (their own name and ID). */
export interface Recipient {
  readonly collectedBy: RecipientKind;
  readonly name: string;
  readonly idType: string;
  readonly idNumber: string;
}
export type RecipientKind = 'applicant' | 'agent';

export interface DeliveredData extends MayIssueNotice {
  readonly deliveredOn: string;
  readonly outcome: 'approved' | 'denied';
  /** Required for a window pickup since 2026-12; older events have none (ADR 12 addendum). */
  readonly recipient?: Recipient;
}

export interface RatedData {
  /** 1-based sequence of the rating in its case. */
  readonly n: number;
  readonly level: RatingLevel;
  readonly bad: boolean;
  readonly channel: RatingChannel;
  readonly stage: RatingStage;
  /** For a visit rating (一次一评): the applicant visit rated, counted from 1 at receipt. */
  readonly visit?: number;
  readonly comment?: string;
  readonly ratedAt: string;
}

/** A bad rating's review obligation (Art. 36): callback within 48 h, rectify within 15 natural days, or explain. */
export interface ObligationOpenedData {
  readonly obligationId: string;
  /** 1-based sequence of the obligation in its case. */
  readonly n: number;
  readonly ratingN: number;
  /** The office that handled what was rated: the hall (front desk, delivery) or the department. */
  readonly office: { readonly hall: string; readonly department: string };
  readonly openedAt: string;
  readonly callbackDueAt: string;
  readonly rectifyDueBy: string;
}

export interface CallbackRecordedData {
  readonly obligationId: string;
  readonly notes: string;
  readonly verified: boolean;
  readonly calledAt: string;
  readonly late: boolean;
}

export interface RectifiedData {
  readonly obligationId: string;
  readonly measures: string;
  readonly rectifiedAt: string;
  readonly late: boolean;
}

export interface ExplainedData {
  readonly obligationId: string;
  readonly explanation: string;
  readonly explainedAt: string;
  readonly late: boolean;
}

export interface DecisionWarningData {
  readonly limit: DecisionLimit;
  readonly dueDate: string;
  readonly workingDaysLeft: number;
}

export interface DecisionOverdueData {
  readonly limit: DecisionLimit;
  readonly dueDate: string;
}

export interface ResultIssueOverdueData {
  readonly resultDueBy: string;
}

export interface ObligationOverdueData {
  readonly obligationId: string;
  readonly deadline: 'callback' | 'rectification';
  /** ISO instant (callback) or China date (rectification). */
  readonly dueAt: string;
}

// ---------------------------------------------------------------------------------------------
// The union

type Ev<Type extends string, Data> = { readonly type: Type; readonly data: Data };

export type CaseReceived = Ev<'case.Received', ReceivedData>;
export type CaseAccepted = Ev<'case.Accepted', AcceptedData>;
export type CaseAcceptedWithDeficiency = Ev<'case.AcceptedWithDeficiency', AcceptedWithDeficiencyData>;
export type CaseCorrectionRequested = Ev<'case.CorrectionRequested', CorrectionRequestedData>;
export type CaseCorrectionSubmitted = Ev<'case.CorrectionSubmitted', CorrectionSubmittedData>;
export type CaseCorrectionOverdue = Ev<'case.CorrectionOverdue', CorrectionOverdueData>;
export type CaseDeemedAccepted = Ev<'case.DeemedAccepted', DeemedAcceptedData>;
export type CaseRefused = Ev<'case.Refused', RefusedData>;
export type CaseWithdrawn = Ev<'case.Withdrawn', WithdrawnData>;
export type CaseDeficiencySupplied = Ev<'case.DeficiencySupplied', DeficiencySuppliedData>;
export type CaseDeficiencyOverdue = Ev<'case.DeficiencyOverdue', DeficiencyOverdueData>;
export type CaseTaskCreated = Ev<'case.TaskCreated', TaskCreatedData>;
export type CaseTaskClaimed = Ev<'case.TaskClaimed', TaskClaimedData>;
export type CaseTaskReleased = Ev<'case.TaskReleased', TaskReleasedData>;
export type CaseTaskPassed = Ev<'case.TaskPassed', TaskPassedData>;
export type CaseTaskReturned = Ev<'case.TaskReturned', TaskReturnedData>;
export type CaseSpecialProcedureStarted = Ev<'case.SpecialProcedureStarted', SpecialProcedureStartedData>;
export type CaseSpecialProcedureEnded = Ev<'case.SpecialProcedureEnded', SpecialProcedureEndedData>;
export type CaseExtended = Ev<'case.Extended', ExtendedData>;
export type CaseApproved = Ev<'case.Approved', ApprovedData>;
export type CaseDenied = Ev<'case.Denied', DeniedData>;
export type CaseResultIssued = Ev<'case.ResultIssued', ResultIssuedData>;
export type CaseDispatched = Ev<'case.Dispatched', DispatchedData>;
export type CaseDelivered = Ev<'case.Delivered', DeliveredData>;
export type CaseRated = Ev<'case.Rated', RatedData>;
export type CaseObligationOpened = Ev<'case.ObligationOpened', ObligationOpenedData>;
export type CaseCallbackRecorded = Ev<'case.CallbackRecorded', CallbackRecordedData>;
export type CaseRectified = Ev<'case.Rectified', RectifiedData>;
export type CaseExplained = Ev<'case.Explained', ExplainedData>;
export type CaseDecisionWarning = Ev<'case.DecisionWarning', DecisionWarningData>;
export type CaseDecisionOverdue = Ev<'case.DecisionOverdue', DecisionOverdueData>;
export type CaseDeadlinesRecalculated = Ev<'case.DeadlinesRecalculated', DeadlinesRecalculatedData>;
export type CaseResultIssueOverdue = Ev<'case.ResultIssueOverdue', ResultIssueOverdueData>;
export type CaseObligationOverdue = Ev<'case.ObligationOverdue', ObligationOverdueData>;

export type CaseEvent =
  | CaseReceived
  | CaseAccepted
  | CaseAcceptedWithDeficiency
  | CaseCorrectionRequested
  | CaseCorrectionSubmitted
  | CaseCorrectionOverdue
  | CaseDeemedAccepted
  | CaseRefused
  | CaseWithdrawn
  | CaseDeficiencySupplied
  | CaseDeficiencyOverdue
  | CaseTaskCreated
  | CaseTaskClaimed
  | CaseTaskReleased
  | CaseTaskPassed
  | CaseTaskReturned
  | CaseSpecialProcedureStarted
  | CaseSpecialProcedureEnded
  | CaseExtended
  | CaseApproved
  | CaseDenied
  | CaseResultIssued
  | CaseDispatched
  | CaseDelivered
  | CaseRated
  | CaseObligationOpened
  | CaseCallbackRecorded
  | CaseRectified
  | CaseExplained
  | CaseDecisionWarning
  | CaseDecisionOverdue
  | CaseResultIssueOverdue
  | CaseDeadlinesRecalculated
  | CaseObligationOverdue
  // Each command slice's (libs/case/src/slices, ADR 0010).
  | SlicedEvent;

export type CaseEventType = CaseEvent['type'];
export type CaseEventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;

/** Every event type, in the order a case usually meets them (tests assert each one is reachable). */
export const CASE_EVENT_TYPES = [
  'case.Received',
  'case.Accepted',
  'case.AcceptedWithDeficiency',
  'case.CorrectionRequested',
  'case.CorrectionSubmitted',
  'case.CorrectionOverdue',
  'case.DeemedAccepted',
  'case.Refused',
  'case.Withdrawn',
  'case.DeficiencySupplied',
  'case.DeficiencyOverdue',
  'case.TaskCreated',
  'case.TaskClaimed',
  'case.TaskReleased',
  'case.TaskPassed',
  'case.TaskReturned',
  'case.SpecialProcedureStarted',
  'case.SpecialProcedureEnded',
  'case.Extended',
  'case.Approved',
  'case.Denied',
  'case.ResultIssued',
  'case.Dispatched',
  'case.Delivered',
  'case.Rated',
  'case.ObligationOpened',
  'case.CallbackRecorded',
  'case.Rectified',
  'case.Explained',
  'case.DecisionWarning',
  'case.DecisionOverdue',
  'case.ResultIssueOverdue',
  'case.ObligationOverdue',
  'case.DeadlinesRecalculated',
  ...SLICE_EVENT_TYPES,
] as const satisfies readonly CaseEventType[];

// Compile-time check that the list above names every event type.
type _MissingFromList = Exclude<CaseEventType, (typeof CASE_EVENT_TYPES)[number]>;
const _allListed: [_MissingFromList] extends [never] ? true : never = true;
void _allListed;

export function isCaseEventType(type: string): type is CaseEventType {
  return (CASE_EVENT_TYPES as readonly string[]).includes(type);
}

// ---------------------------------------------------------------------------------------------
// Metadata

export interface CaseEventMetadata {
  /** Who sent the command: user, role, and hall or department. */
  readonly actor: Actor;
  /** The command (Idempotency-Key) that caused the event; a command id seen before appends nothing. */
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly guideVersion: number;
  /** ISO instant the command was decided. */
  readonly at: string;
  readonly schemaVersion: typeof CASE_EVENT_SCHEMA_VERSION;
  /**
   * With an Idempotency-Key: a digest of the request that sent the command (method, path, body),
   * so a reuse of the key with another request is refused (idempotency-key draft §2.2, ADR 12).
   */
  readonly requestFingerprint?: string;
  /**
   * Where the statechart left the case after this event (ADR 0010), so projections read it
   * instead of re-deriving it. Absent on events stored before; see `recordedStatus`.
   */
  readonly status?: CaseStatus;
  readonly stage?: CaseStage;
}

export const caseStreamName = (caseId: string): string => `case-${caseId}`;
