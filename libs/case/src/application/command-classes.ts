/** The Nest command class of each case command type (for dispatching a plain command object). */
import type { CaseCommand, CaseCommandOf, CaseCommandType } from '../commands.js';
import type { CaseCommandMessage } from './case-command-message.js';
import type { CommandMeta } from './case-command-result.js';
import { ReceiveApplicationCommand } from './commands/receive-application.command.js';
import { AcceptCaseCommand } from './commands/accept-case.command.js';
import { AcceptWithDeficiencyCommand } from './commands/accept-with-deficiency.command.js';
import { RequestCorrectionCommand } from './commands/request-correction.command.js';
import { SubmitCorrectionCommand } from './commands/submit-correction.command.js';
import { RefuseCaseCommand } from './commands/refuse-case.command.js';
import { WithdrawCaseCommand } from './commands/withdraw-case.command.js';
import { SupplyDeficiencyCommand } from './commands/supply-deficiency.command.js';
import { ClaimTaskCommand } from './commands/claim-task.command.js';
import { ReleaseTaskCommand } from './commands/release-task.command.js';
import { PassTaskCommand } from './commands/pass-task.command.js';
import { ReturnTaskCommand } from './commands/return-task.command.js';
import { StartSpecialProcedureCommand } from './commands/start-special-procedure.command.js';
import { EndSpecialProcedureCommand } from './commands/end-special-procedure.command.js';
import { ExtendTimeLimitCommand } from './commands/extend-time-limit.command.js';
import { ApproveCaseCommand } from './commands/approve-case.command.js';
import { DenyCaseCommand } from './commands/deny-case.command.js';
import { IssueResultCommand } from './commands/issue-result.command.js';
import { DispatchResultCommand } from './commands/dispatch-result.command.js';
import { DeliverResultCommand } from './commands/deliver-result.command.js';
import { RateServiceCommand } from './commands/rate-service.command.js';
import { RecordCallbackCommand } from './commands/record-callback.command.js';
import { RectifyObligationCommand } from './commands/rectify-obligation.command.js';
import { ExplainObligationCommand } from './commands/explain-obligation.command.js';
import { DeemAcceptedCommand } from './commands/deem-accepted.command.js';
import { MarkCorrectionOverdueCommand } from './commands/mark-correction-overdue.command.js';
import { MarkDeficiencyOverdueCommand } from './commands/mark-deficiency-overdue.command.js';
import { MarkDecisionWarningCommand } from './commands/mark-decision-warning.command.js';
import { MarkDecisionOverdueCommand } from './commands/mark-decision-overdue.command.js';
import { MarkResultIssueOverdueCommand } from './commands/mark-result-issue-overdue.command.js';
import { MarkObligationOverdueCommand } from './commands/mark-obligation-overdue.command.js';

export const CASE_COMMAND_CLASSES: {
  readonly [T in CaseCommandType]: new (
    payload: CaseCommandOf<T>,
    meta: CommandMeta,
  ) => CaseCommandMessage<CaseCommandOf<T>>;
} = {
  ReceiveApplication: ReceiveApplicationCommand,
  AcceptCase: AcceptCaseCommand,
  AcceptWithDeficiency: AcceptWithDeficiencyCommand,
  RequestCorrection: RequestCorrectionCommand,
  SubmitCorrection: SubmitCorrectionCommand,
  RefuseCase: RefuseCaseCommand,
  WithdrawCase: WithdrawCaseCommand,
  SupplyDeficiency: SupplyDeficiencyCommand,
  ClaimTask: ClaimTaskCommand,
  ReleaseTask: ReleaseTaskCommand,
  PassTask: PassTaskCommand,
  ReturnTask: ReturnTaskCommand,
  StartSpecialProcedure: StartSpecialProcedureCommand,
  EndSpecialProcedure: EndSpecialProcedureCommand,
  ExtendTimeLimit: ExtendTimeLimitCommand,
  ApproveCase: ApproveCaseCommand,
  DenyCase: DenyCaseCommand,
  IssueResult: IssueResultCommand,
  DispatchResult: DispatchResultCommand,
  DeliverResult: DeliverResultCommand,
  RateService: RateServiceCommand,
  RecordCallback: RecordCallbackCommand,
  RectifyObligation: RectifyObligationCommand,
  ExplainObligation: ExplainObligationCommand,
  DeemAccepted: DeemAcceptedCommand,
  MarkCorrectionOverdue: MarkCorrectionOverdueCommand,
  MarkDeficiencyOverdue: MarkDeficiencyOverdueCommand,
  MarkDecisionWarning: MarkDecisionWarningCommand,
  MarkDecisionOverdue: MarkDecisionOverdueCommand,
  MarkResultIssueOverdue: MarkResultIssueOverdueCommand,
  MarkObligationOverdue: MarkObligationOverdueCommand,
};

/** Wraps a plain command in its Nest command class. */
export function toCommandMessage(command: CaseCommand, meta: CommandMeta): CaseCommandMessage<CaseCommand> {
  const Class = CASE_COMMAND_CLASSES[command.type] as new (
    payload: CaseCommand,
    meta: CommandMeta,
  ) => CaseCommandMessage<CaseCommand>;
  return new Class(command, meta);
}
