/**
 * Shape checks for a command, with the same class-validator DTOs the HTTP layer uses, so the
 * engine refuses malformed input (400, one entry per bad field) whoever sends it. The decider
 * then checks meaning (materials of the guide, dates in order, …).
 */
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import type { CaseCommand, CaseCommandType } from '../commands.js';
import { DomainError, type FieldError } from '../domain/errors.js';
import { AcceptWithDeficiencyDto } from './dto/accept-with-deficiency.dto.js';
import { DecisionLimitDto } from './dto/decision-limit.dto.js';
import { DenyCaseDto } from './dto/deny-case.dto.js';
import { DispatchResultDto } from './dto/dispatch-result.dto.js';
import { ExplainObligationDto } from './dto/explain-obligation.dto.js';
import { ExtendTimeLimitDto } from './dto/extend-time-limit.dto.js';
import { IssueResultDto } from './dto/issue-result.dto.js';
import { MaterialsDto } from './dto/materials.dto.js';
import { ObligationDeadlineDto } from './dto/obligation-deadline.dto.js';
import { OpinionDto } from './dto/opinion.dto.js';
import { RateServiceDto } from './dto/rate-service.dto.js';
import { ReasonDto } from './dto/reason.dto.js';
import { ReceiveApplicationDto } from './dto/receive-application.dto.js';
import { RecordCallbackDto } from './dto/record-callback.dto.js';
import { RectifyObligationDto } from './dto/rectify-obligation.dto.js';
import { RefuseCaseDto } from './dto/refuse-case.dto.js';
import { RequestCorrectionDto } from './dto/request-correction.dto.js';
import { ReturnTaskDto } from './dto/return-task.dto.js';
import { EndSpecialProcedureCommandDto } from './dto/special-procedure-number.dto.js';
import { StartSpecialProcedureDto } from './dto/start-special-procedure.dto.js';

type DtoClass = new () => object;

/** The body DTO of each command (null: the command has no body). */
export const COMMAND_DTOS: Readonly<Record<CaseCommandType, DtoClass | null>> = {
  ReceiveApplication: ReceiveApplicationDto,
  AcceptCase: null,
  AcceptWithDeficiency: AcceptWithDeficiencyDto,
  RequestCorrection: RequestCorrectionDto,
  SubmitCorrection: MaterialsDto,
  RefuseCase: RefuseCaseDto,
  WithdrawCase: ReasonDto,
  SupplyDeficiency: MaterialsDto,
  ClaimTask: null,
  ReleaseTask: null,
  PassTask: OpinionDto,
  ReturnTask: ReturnTaskDto,
  StartSpecialProcedure: StartSpecialProcedureDto,
  EndSpecialProcedure: EndSpecialProcedureCommandDto,
  ExtendTimeLimit: ExtendTimeLimitDto,
  ApproveCase: OpinionDto,
  DenyCase: DenyCaseDto,
  IssueResult: IssueResultDto,
  DispatchResult: DispatchResultDto,
  DeliverResult: null,
  RateService: RateServiceDto,
  RecordCallback: RecordCallbackDto,
  RectifyObligation: RectifyObligationDto,
  ExplainObligation: ExplainObligationDto,
  DeemAccepted: null,
  MarkCorrectionOverdue: null,
  MarkDeficiencyOverdue: null,
  MarkDecisionWarning: DecisionLimitDto,
  MarkDecisionOverdue: DecisionLimitDto,
  MarkResultIssueOverdue: null,
  MarkObligationOverdue: ObligationDeadlineDto,
};

const ID_FIELDS = ['caseId', 'taskId', 'obligationId'] as const;
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export function validateCommand(command: CaseCommand): void {
  const dto = COMMAND_DTOS[command.type];
  if (dto === undefined) throw DomainError.invalidField('type', `Unknown command ${String(command.type)}`);
  const { type: _type, ...payload } = command as CaseCommand & Record<string, unknown>;
  const problems: FieldError[] = [];
  for (const field of ID_FIELDS) {
    if (field in payload) {
      const value = payload[field];
      if (typeof value !== 'string' || !ID.test(value))
        problems.push({ field, message: `${field} is not a valid id` });
      delete payload[field];
    }
  }
  if (dto) {
    const errors = validateSync(plainToInstance(dto, payload), { forbidUnknownValues: false });
    problems.push(...flatten(errors));
  }
  if (problems.length > 0) {
    throw DomainError.invalid(
      `Invalid ${command.type}: ${problems.map((p) => p.message).join('; ')}`,
      problems,
    );
  }
}

function flatten(errors: readonly ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.replace(error.property, field),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
