/** Every case command handler, for registration in CaseModule. */
import { ReceiveApplicationHandler } from './commands/receive-application.handler.js';
import { AcceptCaseHandler } from './commands/accept-case.handler.js';
import { AcceptWithDeficiencyHandler } from './commands/accept-with-deficiency.handler.js';
import { RequestCorrectionHandler } from './commands/request-correction.handler.js';
import { SubmitCorrectionHandler } from './commands/submit-correction.handler.js';
import { RefuseCaseHandler } from './commands/refuse-case.handler.js';
import { WithdrawCaseHandler } from './commands/withdraw-case.handler.js';
import { SupplyDeficiencyHandler } from './commands/supply-deficiency.handler.js';
import { ClaimTaskHandler } from './commands/claim-task.handler.js';
import { ReleaseTaskHandler } from './commands/release-task.handler.js';
import { PassTaskHandler } from './commands/pass-task.handler.js';
import { ReturnTaskHandler } from './commands/return-task.handler.js';
import { StartSpecialProcedureHandler } from './commands/start-special-procedure.handler.js';
import { EndSpecialProcedureHandler } from './commands/end-special-procedure.handler.js';
import { ExtendTimeLimitHandler } from './commands/extend-time-limit.handler.js';
import { ApproveCaseHandler } from './commands/approve-case.handler.js';
import { DenyCaseHandler } from './commands/deny-case.handler.js';
import { IssueResultHandler } from './commands/issue-result.handler.js';
import { DispatchResultHandler } from './commands/dispatch-result.handler.js';
import { DeliverResultHandler } from './commands/deliver-result.handler.js';
import { RateServiceHandler } from './commands/rate-service.handler.js';
import { RecordCallbackHandler } from './commands/record-callback.handler.js';
import { RectifyObligationHandler } from './commands/rectify-obligation.handler.js';
import { ExplainObligationHandler } from './commands/explain-obligation.handler.js';
import { DeemAcceptedHandler } from './commands/deem-accepted.handler.js';
import { MarkCorrectionOverdueHandler } from './commands/mark-correction-overdue.handler.js';
import { MarkDeficiencyOverdueHandler } from './commands/mark-deficiency-overdue.handler.js';
import { MarkDecisionWarningHandler } from './commands/mark-decision-warning.handler.js';
import { MarkDecisionOverdueHandler } from './commands/mark-decision-overdue.handler.js';
import { MarkResultIssueOverdueHandler } from './commands/mark-result-issue-overdue.handler.js';
import { MarkObligationOverdueHandler } from './commands/mark-obligation-overdue.handler.js';

export const CASE_COMMAND_HANDLERS = [
  ReceiveApplicationHandler,
  AcceptCaseHandler,
  AcceptWithDeficiencyHandler,
  RequestCorrectionHandler,
  SubmitCorrectionHandler,
  RefuseCaseHandler,
  WithdrawCaseHandler,
  SupplyDeficiencyHandler,
  ClaimTaskHandler,
  ReleaseTaskHandler,
  PassTaskHandler,
  ReturnTaskHandler,
  StartSpecialProcedureHandler,
  EndSpecialProcedureHandler,
  ExtendTimeLimitHandler,
  ApproveCaseHandler,
  DenyCaseHandler,
  IssueResultHandler,
  DispatchResultHandler,
  DeliverResultHandler,
  RateServiceHandler,
  RecordCallbackHandler,
  RectifyObligationHandler,
  ExplainObligationHandler,
  DeemAcceptedHandler,
  MarkCorrectionOverdueHandler,
  MarkDeficiencyOverdueHandler,
  MarkDecisionWarningHandler,
  MarkDecisionOverdueHandler,
  MarkResultIssueOverdueHandler,
  MarkObligationOverdueHandler,
];
