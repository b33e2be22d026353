/**
 * What the case machine remembers besides its state: everything the decider needs to decide the
 * next command, and nothing it would have to look up elsewhere (the guide is a snapshot).
 */
import type {
  Agent,
  Applicant,
  ApplicationChannel,
  CallbackRecordedData,
  CaseGuide,
  CorrectionItem,
  DispatchedData,
  ExtendedData,
  ObligationOpenedData,
  RatedData,
  ReceivedData,
  RefusedData,
  Remedies,
  ResultIssuedData,
  SpecialProcedureStartedData,
  SubmittedMaterial,
  TaskCreatedData,
  TaskHolder,
} from '../events.js';
import type { NoticeKind } from '../notices/notice-content.js';

export type TaskStatus = 'open' | 'claimed' | 'passed' | 'returned' | 'decided' | 'closed';

export interface TaskRecord extends TaskCreatedData {
  readonly status: TaskStatus;
  readonly holder: TaskHolder | null;
}

export interface SpecialProcedureRecord extends SpecialProcedureStartedData {
  readonly endedOn: string | null;
  readonly result: string | null;
  readonly suspendedWorkingDays: number;
}

export type ObligationStatus = 'open' | 'called-back' | 'rectified' | 'explained';

export interface ObligationRecord extends ObligationOpenedData {
  readonly status: ObligationStatus;
  readonly callback: CallbackRecordedData | null;
  readonly closedAt: string | null;
  readonly overdue: readonly ('callback' | 'rectification')[];
}

export interface CaseDecision {
  readonly outcome: 'approved' | 'denied';
  readonly on: string;
  readonly taskId: string;
  readonly opinion?: string;
  readonly reasons?: readonly string[];
  readonly remedies?: Remedies;
  readonly decisionNumber?: string;
  /** Approval only: Art. 44 deadline to issue the result. */
  readonly resultDueBy?: string;
  readonly withinStatutoryLimit: boolean;
  readonly withinPromisedLimit: boolean;
}

export interface CaseContext {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly hall: string;
  readonly itemCode: string;
  readonly guide: CaseGuide;
  readonly applicant: Applicant;
  readonly agent: Agent | null;
  readonly channel: ApplicationChannel;
  readonly greenChannel: boolean;
  /** The applicant authorized fetching shared and e-certificate materials (Art. 11(5)). */
  readonly sharingAuthorized: boolean;
  /** The appointment (预约) the application was received with, if any. */
  readonly appointmentId: string | null;
  readonly receivedOn: string;
  readonly receivedAt: string;
  /** Every material handed in so far, latest form per code. */
  readonly materials: readonly SubmittedMaterial[];
  /** Applicant materials of the guide not handed in at receipt. */
  readonly missingAtReceipt: readonly string[];
  /** Last day to decide on acceptance before the case counts as accepted (Law Art. 32). */
  readonly acceptanceDecideBy: string;
  /** The day the case counts as accepted from if that deadline passes. */
  readonly deemedAcceptanceFrom: string;
  readonly correction: {
    readonly items: readonly CorrectionItem[];
    readonly requestedOn: string;
    readonly correctBy: string;
    readonly submittedOn: string | null;
  } | null;
  readonly acceptance: {
    readonly acceptedOn: string;
    readonly voucherNumber: string;
    /** Null for cases accepted before query codes (the applicant's ID number's last six stand in). */
    readonly queryCode: string | null;
    readonly deemed: boolean;
    readonly withDeficiency: boolean;
  } | null;
  readonly statutoryDueDate: string | null;
  readonly promisedDueDate: string | null;
  readonly deficiency: {
    /** Still missing. */
    readonly missing: readonly string[];
    readonly supplyBy: string;
    readonly overdue: boolean;
  } | null;
  readonly tasks: readonly TaskRecord[];
  readonly currentTaskId: string | null;
  /** The step a case returned to the front desk resumes at when the correction comes in. */
  readonly resumeStepIndex: number | null;
  readonly specialProcedures: readonly SpecialProcedureRecord[];
  readonly extension: ExtendedData | null;
  readonly decision: CaseDecision | null;
  readonly result: ResultIssuedData | null;
  readonly dispatch: DispatchedData | null;
  readonly deliveredOn: string | null;
  readonly refusal: RefusedData | null;
  readonly withdrawal: {
    readonly reason: string;
    readonly withdrawnOn: string;
    readonly during: string;
    /** Counted as withdrawn because a correction was not supplied in time. */
    readonly deemed: boolean;
  } | null;
  /** Applicant visits (receipt, resubmission, supply, pickup): each may be rated once (一次一评). */
  readonly visits: number;
  readonly ratings: readonly RatedData[];
  readonly obligations: readonly ObligationRecord[];
  /** Years the case's stored dates counted Monday–Friday for want of an official schedule (ADR 12). */
  readonly provisionalYears: readonly number[];
  /** The notices issued so far (收件回执, 受理通知书, …), in order (ADR 18). */
  readonly notices: readonly { readonly kind: NoticeKind; readonly number: string }[];
  /** Deadline marks already stored, e.g. `decision-overdue:statutory:2026-03-02`, so timers stay idempotent. */
  readonly marks: readonly string[];
}

export function initialContext(received: ReceivedData): CaseContext {
  return {
    caseId: received.caseId,
    caseNumber: received.caseNumber,
    hall: received.hall,
    itemCode: received.itemCode,
    guide: received.guide,
    applicant: received.applicant,
    agent: received.agent ?? null,
    channel: received.channel,
    greenChannel: received.greenChannel,
    // Receipts stored before the flag was required count as not authorized.
    sharingAuthorized: received.sharingAuthorized ?? false,
    appointmentId: received.appointmentId ?? null,
    receivedOn: received.receivedOn,
    receivedAt: received.receivedAt,
    materials: received.materials,
    missingAtReceipt: received.missingMaterials,
    acceptanceDecideBy: received.correctionNoticeDueBy,
    deemedAcceptanceFrom: received.receivedOn,
    correction: null,
    acceptance: null,
    statutoryDueDate: null,
    promisedDueDate: null,
    deficiency: null,
    tasks: [],
    currentTaskId: null,
    resumeStepIndex: null,
    specialProcedures: [],
    extension: null,
    decision: null,
    result: null,
    dispatch: null,
    deliveredOn: null,
    refusal: null,
    withdrawal: null,
    visits: 1,
    ratings: [],
    obligations: [],
    provisionalYears: received.provisional?.years ?? [],
    marks: [],
    notices: received.notice ? [{ kind: received.notice.kind, number: received.notice.number }] : [],
  };
}

export function currentTask(context: CaseContext): TaskRecord | null {
  return context.tasks.find((task) => task.taskId === context.currentTaskId) ?? null;
}

export function activeSpecialProcedure(context: CaseContext): SpecialProcedureRecord | null {
  return context.specialProcedures.find((procedure) => procedure.endedOn === null) ?? null;
}

export function openObligations(context: CaseContext): readonly ObligationRecord[] {
  return context.obligations.filter((o) => o.status === 'open' || o.status === 'called-back');
}

export function hasOpenDeficiency(context: CaseContext): boolean {
  return context.deficiency !== null && context.deficiency.missing.length > 0;
}

export function isLastStep(context: CaseContext, task: TaskRecord): boolean {
  return task.stepIndex === context.guide.steps.length - 1;
}
