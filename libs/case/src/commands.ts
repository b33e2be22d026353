/**
 * Every command a case accepts: one per transition of API.md, plus the commands durable timers
 * send when a legal deadline passes. Commands are intentions; `decide` turns one into events or
 * a DomainError. Changes to this file are additive only.
 */
import type {
  Agent,
  Applicant,
  ApplicationChannel,
  CorrectionItem,
  DecisionLimit,
  DispatchMethod,
  RatingChannel,
  RatingLevel,
  RatingStage,
  Recipient,
  MaterialForm,
  SpecialProcedureKind,
} from './events.js';
import { SLICE_COMMAND_TYPES, type SlicedCommand } from './slices/index.js';

type Cmd<Type extends string, Payload> = { readonly type: Type } & Readonly<Payload>;

/**
 * A file a command attaches, by the hash POST /api/blobs answered. The server fills `size` and
 * `type` from the blob store before the engine decides (the uploader's word is never taken); a
 * file without them is refused (ADR 16).
 */
export interface FileReference {
  readonly sha256: string;
  readonly name: string;
  readonly size?: number;
  readonly type?: string;
}

/** A material handed in: its code, its form and the files scanned of it. */
export interface MaterialInput {
  readonly code: string;
  readonly form: MaterialForm;
  readonly files?: readonly FileReference[];
}

// --- Front desk -------------------------------------------------------------------------------

export type ReceiveApplication = Cmd<
  'ReceiveApplication',
  {
    itemCode: string;
    /** The hall receiving it; defaults to the clerk's own hall. */
    hall?: string;
    applicant: Applicant;
    agent?: Agent;
    channel: ApplicationChannel;
    materials: readonly MaterialInput[];
    /** The applicant authorized fetching shared-source materials (Art. 11(5)). */
    sharingAuthorized?: boolean;
    greenChannel?: boolean;
    appointmentId?: string;
  }
>;
export type AcceptCase = Cmd<'AcceptCase', { caseId: string }>;
export type AcceptWithDeficiency = Cmd<
  'AcceptWithDeficiency',
  { caseId: string; missing: readonly { code: string }[]; supplyBy: string; commitmentSigned: boolean }
>;
export type RequestCorrection = Cmd<
  'RequestCorrection',
  {
    caseId: string;
    items: readonly CorrectionItem[];
    /** Defaults to the policy's correction period after today. */
    correctBy?: string;
  }
>;
export type SubmitCorrection = Cmd<
  'SubmitCorrection',
  { caseId: string; materials: readonly MaterialInput[] }
>;
export type RefuseCase = Cmd<
  'RefuseCase',
  { caseId: string; reason: string; legalBasis: string; competentAgency?: string }
>;
export type WithdrawCase = Cmd<'WithdrawCase', { caseId: string; reason: string }>;
export type SupplyDeficiency = Cmd<
  'SupplyDeficiency',
  { caseId: string; materials: readonly MaterialInput[] }
>;

// --- Back office -------------------------------------------------------------------------------

export type ClaimTask = Cmd<'ClaimTask', { taskId: string }>;
export type ReleaseTask = Cmd<'ReleaseTask', { taskId: string }>;
export type PassTask = Cmd<'PassTask', { taskId: string; opinion: string }>;
export type ReturnTask = Cmd<'ReturnTask', { taskId: string; to: string; reason: string }>;
export type StartSpecialProcedure = Cmd<
  'StartSpecialProcedure',
  { caseId: string; kind: SpecialProcedureKind; reason: string; expectedDays: number }
>;
export type EndSpecialProcedure = Cmd<'EndSpecialProcedure', { caseId: string; n: number; result: string }>;
export type ExtendTimeLimit = Cmd<'ExtendTimeLimit', { caseId: string; days: number; reason: string }>;
export type ApproveCase = Cmd<'ApproveCase', { caseId: string; opinion: string }>;
export type DenyCase = Cmd<
  'DenyCase',
  { caseId: string; reasons: readonly string[]; remedies: { reviewAuthority: string; court: string } }
>;

// --- Delivery ----------------------------------------------------------------------------------

export type IssueResult = Cmd<
  'IssueResult',
  { caseId: string; certificateNumber: string; validUntil?: string; electronic: boolean }
>;
export type DispatchResult = Cmd<
  'DispatchResult',
  { caseId: string; method: DispatchMethod; trackingNumber?: string }
>;
export type DeliverResult = Cmd<'DeliverResult', { caseId: string; recipient?: Recipient }>;

// --- Rating and follow-up ----------------------------------------------------------------------

export type RateService = Cmd<
  'RateService',
  { caseId: string; level: RatingLevel; channel: RatingChannel; comment?: string; stage?: RatingStage }
>;
export type RecordCallback = Cmd<
  'RecordCallback',
  { obligationId: string; notes: string; verified: boolean }
>;
export type RectifyObligation = Cmd<'RectifyObligation', { obligationId: string; measures: string }>;
export type ExplainObligation = Cmd<'ExplainObligation', { obligationId: string; explanation: string }>;

// --- Timers: sent by the durable scheduler when a deadline stored in an event has passed -------
// A timer command whose deadline no longer applies (the case moved on, or the mark exists)
// decides no events; one sent before its deadline is an `invalid-command`.

/** Law Art. 32: no correction notice within 5 working days → accepted from the day of receipt. */
export type DeemAccepted = Cmd<'DeemAccepted', { caseId: string }>;
/** Timer: the official schedule of a year the case's dates guessed is loaded; count them again (ADR 12). */
export type RecalculateDeadlines = Cmd<'RecalculateDeadlines', { caseId: string }>;
/** The applicant did not supply the requested correction by its deadline. */
export type MarkCorrectionOverdue = Cmd<'MarkCorrectionOverdue', { caseId: string }>;
export type MarkDeficiencyOverdue = Cmd<'MarkDeficiencyOverdue', { caseId: string }>;
export type MarkDecisionWarning = Cmd<'MarkDecisionWarning', { caseId: string; limit: DecisionLimit }>;
export type MarkDecisionOverdue = Cmd<'MarkDecisionOverdue', { caseId: string; limit: DecisionLimit }>;
export type MarkResultIssueOverdue = Cmd<'MarkResultIssueOverdue', { caseId: string }>;
export type MarkObligationOverdue = Cmd<
  'MarkObligationOverdue',
  { obligationId: string; deadline: 'callback' | 'rectification' }
>;

export type CaseCommand =
  | ReceiveApplication
  | AcceptCase
  | AcceptWithDeficiency
  | RequestCorrection
  | SubmitCorrection
  | RefuseCase
  | WithdrawCase
  | SupplyDeficiency
  | ClaimTask
  | ReleaseTask
  | PassTask
  | ReturnTask
  | StartSpecialProcedure
  | EndSpecialProcedure
  | ExtendTimeLimit
  | ApproveCase
  | DenyCase
  | IssueResult
  | DispatchResult
  | DeliverResult
  | RateService
  | RecordCallback
  | RectifyObligation
  | ExplainObligation
  | DeemAccepted
  | MarkCorrectionOverdue
  | MarkDeficiencyOverdue
  | MarkDecisionWarning
  | MarkDecisionOverdue
  | MarkResultIssueOverdue
  | MarkObligationOverdue
  | RecalculateDeadlines
  // Each command slice's (libs/case/src/slices, ADR 0010).
  | SlicedCommand;

export type CaseCommandType = CaseCommand['type'];
export type CaseCommandOf<T extends CaseCommandType> = Extract<CaseCommand, { type: T }>;

export const TIMER_COMMAND_TYPES = [
  'DeemAccepted',
  'MarkCorrectionOverdue',
  'MarkDeficiencyOverdue',
  'MarkDecisionWarning',
  'MarkDecisionOverdue',
  'MarkResultIssueOverdue',
  'MarkObligationOverdue',
  'RecalculateDeadlines',
] as const satisfies readonly CaseCommandType[];

/** A deadline command: the scheduler's, never a person's. */
export type TimerCommandType = (typeof TIMER_COMMAND_TYPES)[number];

export const isTimerCommand = (type: CaseCommandType): type is TimerCommandType =>
  (TIMER_COMMAND_TYPES as readonly string[]).includes(type);

export const CASE_COMMAND_TYPES = [
  'ReceiveApplication',
  'AcceptCase',
  'AcceptWithDeficiency',
  'RequestCorrection',
  'SubmitCorrection',
  'RefuseCase',
  'WithdrawCase',
  'SupplyDeficiency',
  'ClaimTask',
  'ReleaseTask',
  'PassTask',
  'ReturnTask',
  'StartSpecialProcedure',
  'EndSpecialProcedure',
  'ExtendTimeLimit',
  'ApproveCase',
  'DenyCase',
  'IssueResult',
  'DispatchResult',
  'DeliverResult',
  'RateService',
  'RecordCallback',
  'RectifyObligation',
  'ExplainObligation',
  ...TIMER_COMMAND_TYPES,
  ...SLICE_COMMAND_TYPES,
] as const satisfies readonly CaseCommandType[];

type _MissingCommand = Exclude<CaseCommandType, (typeof CASE_COMMAND_TYPES)[number]>;
const _allCommandsListed: [_MissingCommand] extends [never] ? true : never = true;
void _allCommandsListed;

/** Task ids are `<caseId>.t<n>`, obligation ids `<caseId>.o<n>`: the case is found from the id alone. */
export const taskId = (caseId: string, n: number): string => `${caseId}.t${n}`;
export const obligationId = (caseId: string, n: number): string => `${caseId}.o${n}`;

export function parseTaskId(id: string): { caseId: string; n: number } | null {
  return parseChildId(id, 't');
}
export function parseObligationId(id: string): { caseId: string; n: number } | null {
  return parseChildId(id, 'o');
}

function parseChildId(id: string, kind: 't' | 'o'): { caseId: string; n: number } | null {
  const match = new RegExp(`^(.+)\\.${kind}([1-9][0-9]{0,5})$`).exec(id);
  return match ? { caseId: match[1], n: Number(match[2]) } : null;
}

/** The case a command addresses (null for ReceiveApplication, which creates one). */
export function commandCaseId(command: CaseCommand): string | null {
  if (command.type === 'ReceiveApplication') return null;
  if ('caseId' in command) return command.caseId;
  if ('taskId' in command) return parseTaskId(command.taskId)?.caseId ?? null;
  return parseObligationId(command.obligationId)?.caseId ?? null;
}
