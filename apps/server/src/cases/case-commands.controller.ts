import { Body, Controller, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '@one-window/shared';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { EmptyBodyDto } from '../http/empty-body.dto.js';
import { IdPipe } from '../http/id.pipe.js';
import { CommandId } from '../http/idempotency-key.js';
import { AcceptWithDeficiencyDto } from './dto/accept-with-deficiency.dto.js';
import { DenyDto } from './dto/deny.dto.js';
import { DispatchDto } from './dto/dispatch.dto.js';
import { EndSpecialProcedureDto } from './dto/end-special-procedure.dto.js';
import { ExtendDto } from './dto/extend.dto.js';
import { IssueResultDto } from './dto/issue-result.dto.js';
import { MaterialsDto } from './dto/materials.dto.js';
import { OpinionDto } from './dto/opinion.dto.js';
import { RateDto } from './dto/rate.dto.js';
import { ReasonDto } from './dto/reason.dto.js';
import { ReceiveApplicationDto } from './dto/receive-application.dto.js';
import { RefuseDto } from './dto/refuse.dto.js';
import { RequestCorrectionDto } from './dto/request-correction.dto.js';
import { StartSpecialProcedureDto } from './dto/start-special-procedure.dto.js';
import { CaseCommandGateway } from './case-command.gateway.js';
import { CommandAnswerDto } from './command-answer.dto.js';
import { ApiProblems } from '../problem/api-problems.decorator.js';

const IDEMPOTENCY = ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'the same key (per user) returns the first answer and writes nothing new',
});

/**
 * One route per transition (API.md "Cases"). Roles here are the outer fence; the case engine's
 * decider checks the state, the caller's jurisdiction and the task holder.
 */
@ApiTags('cases')
@ApiBearerAuth()
@ApiProblems()
@IDEMPOTENCY
@Controller('api/cases')
export class CaseCommandsController {
  constructor(private readonly commands: CaseCommandGateway) {}

  @Post()
  @Roles('clerk')
  @ApiOperation({ summary: 'receive an application (收件)' })
  @ApiCreatedResponse({ type: CommandAnswerDto })
  receive(@Body() body: ReceiveApplicationDto, @CurrentActor() actor: Actor, @CommandId() id: string) {
    return this.commands.send({ type: 'ReceiveApplication', ...body }, actor, id);
  }

  @Post(':caseId/accept')
  @HttpCode(200)
  @Roles('clerk')
  @ApiOperation({ summary: 'accept (受理)' })
  @ApiOkResponse({ type: CommandAnswerDto })
  accept(
    @Param('caseId', IdPipe) caseId: string,
    @Body() _body: EmptyBodyDto,
    @CurrentActor() actor: Actor,
    @CommandId() id: string,
  ) {
    return this.commands.send({ type: 'AcceptCase', caseId }, actor, id);
  }

  @Post(':caseId/accept-with-deficiency')
  @HttpCode(200)
  @Roles('clerk')
  @ApiOperation({ summary: 'accept with deficiency (容缺受理)' })
  @ApiOkResponse({ type: CommandAnswerDto })
  acceptWithDeficiency(
    @Param('caseId', IdPipe) caseId: string,
    @Body() body: AcceptWithDeficiencyDto,
    @CurrentActor() actor: Actor,
    @CommandId() id: string,
  ) {
    return this.commands.send({ type: 'AcceptWithDeficiency', caseId, ...body }, actor, id);
  }

  @Post(':caseId/request-correction')
  @HttpCode(200)
  @Roles('clerk')
  @ApiOperation({ summary: 'one complete correction notice (一次性告知补正)' })
  @ApiOkResponse({ type: CommandAnswerDto })
  requestCorrection(
    @Param('caseId', IdPipe) caseId: string,
    @Body() body: RequestCorrectionDto,
    @CurrentActor() actor: Actor,
    @CommandId() id: string,
  ) {
    return this.commands.send({ type: 'RequestCorrection', caseId, ...body }, actor, id);
  }

  @Post(':caseId/submit-correction')
  @HttpCode(200)
  @Roles('clerk')
  @ApiOperation({ summary: 'record the corrected materials' })
  @ApiOkResponse({ type: CommandAnswerDto })
  submitCorrection(
    @Param('caseId', IdPipe) caseId: string,
    @Body() body: MaterialsDto,
    @CurrentActor() actor: Actor,
    @CommandId() id: string,
  ) {
    return this.commands.send({ type: 'SubmitCorrection', caseId, ...body }, actor, id);
  }

  @Post(':caseId/refuse')
  @HttpCode(200)
  @Roles('clerk')
  @ApiOperation({ summary: 'refuse to accept (不予受理)' })
  @ApiOkResponse({ type: CommandAnswerDto })
  refuse(
    @Param('caseId', IdPipe) caseId: string,
    @Body() body: RefuseDto,
    @CurrentActor() actor: Actor,
    @CommandId() id: string,
  ) {
    return this.commands.send({ type: 'RefuseCase', caseId, ...body }, actor, id);
  }

  @Post(':caseId/withdraw')
  @HttpCode(200)
  @Roles('clerk')
  @ApiOperation({ summary: "record the applicant's withdrawal (撤回)" })
  @ApiOkResponse({ type: CommandAnswerDto })
  withdraw(
    @Param('caseId', IdPipe) caseId: string,
    @Body() body: ReasonDto,
    @CurrentActor() actor: Actor,
    @CommandId() id: string,
  ) {
    return this.commands.send({ type: 'WithdrawCase', caseId, ...body }, actor, id);
  }

  @Post(':caseId/supply-deficiency')
  @HttpCode(200)
  @Roles('clerk')
  @ApiOperation({ summary: 'record materials supplied after an acceptance with deficiency' })
  @ApiOkResponse({ type: CommandAnswerDto })
  supplyDeficiency(
    @Param('caseId', IdPipe) caseId: string,
    @Body() body: MaterialsDto,
    @CurrentActor() actor: Actor,
    @CommandId() id: string,
  ) {
    return this.commands.send({ type: 'SupplyDeficiency', caseId, ...body }, actor, id);
  }

  @Post(':caseId/special-procedures')
  @HttpCode(200)
  @Roles('approver', 'head')
  @ApiOperation({ summary: 'start a special procedure (the decision clock stops, Art. 45)' })
  @ApiOkResponse({ type: CommandAnswerDto })
  startSpecialProcedure(
    @Param('caseId', IdPipe) caseId: string,
    @Body() body: StartSpecialProcedureDto,
    @CurrentActor() actor: Actor,
    @CommandId() id: string,
  ) {
    return this.commands.send({ type: 'StartSpecialProcedure', caseId, ...body }, actor, id);
  }

  @Post(':caseId/special-procedures/:n/end')
  @HttpCode(200)
  @Roles('approver', 'head')
  @ApiOperation({ summary: 'end special procedure n (the clock runs again)' })
  @ApiOkResponse({ type: CommandAnswerDto })
  endSpecialProcedure(
    @Param('caseId', IdPipe) caseId: string,
    @Param('n', ParseIntPipe) n: number,
    @Body() body: EndSpecialProcedureDto,
    @CurrentActor() actor: Actor,
    @CommandId() id: string,
  ) {
    return this.commands.send({ type: 'EndSpecialProcedure', caseId, n, ...body }, actor, id);
  }

  @Post(':caseId/extend')
  @HttpCode(200)
  @Roles('head')
  @ApiOperation({ summary: 'extend the decision limit once (head only, Law Art. 42)' })
  @ApiOkResponse({ type: CommandAnswerDto })
  extend(
    @Param('caseId', IdPipe) caseId: string,
    @Body() body: ExtendDto,
    @CurrentActor() actor: Actor,
    @CommandId() id: string,
  ) {
    return this.commands.send({ type: 'ExtendTimeLimit', caseId, ...body }, actor, id);
  }

  @Post(':caseId/approve')
  @HttpCode(200)
  @Roles('approver', 'head')
  @ApiOperation({ summary: 'approve (准予) at the last step' })
  @ApiOkResponse({ type: CommandAnswerDto })
  approve(
    @Param('caseId', IdPipe) caseId: string,
    @Body() body: OpinionDto,
    @CurrentActor() actor: Actor,
    @CommandId() id: string,
  ) {
    return this.commands.send({ type: 'ApproveCase', caseId, ...body }, actor, id);
  }

  @Post(':caseId/deny')
  @HttpCode(200)
  @Roles('approver', 'head')
  @ApiOperation({ summary: 'deny (不予许可) with reasons and remedies' })
  @ApiOkResponse({ type: CommandAnswerDto })
  deny(
    @Param('caseId', IdPipe) caseId: string,
    @Body() body: DenyDto,
    @CurrentActor() actor: Actor,
    @CommandId() id: string,
  ) {
    return this.commands.send({ type: 'DenyCase', caseId, ...body }, actor, id);
  }

  @Post(':caseId/issue-result')
  @HttpCode(200)
  @Roles('clerk', 'approver', 'head')
  @ApiOperation({ summary: 'issue the result (licence, certificate) within 10 working days (Art. 44)' })
  @ApiOkResponse({ type: CommandAnswerDto })
  issueResult(
    @Param('caseId', IdPipe) caseId: string,
    @Body() body: IssueResultDto,
    @CurrentActor() actor: Actor,
    @CommandId() id: string,
  ) {
    return this.commands.send({ type: 'IssueResult', caseId, ...body }, actor, id);
  }

  @Post(':caseId/dispatch')
  @HttpCode(200)
  @Roles('clerk')
  @ApiOperation({ summary: 'hand out: at the window, by courier or electronically' })
  @ApiOkResponse({ type: CommandAnswerDto })
  dispatch(
    @Param('caseId', IdPipe) caseId: string,
    @Body() body: DispatchDto,
    @CurrentActor() actor: Actor,
    @CommandId() id: string,
  ) {
    return this.commands.send({ type: 'DispatchResult', caseId, ...body }, actor, id);
  }

  @Post(':caseId/deliver')
  @HttpCode(200)
  @Roles('clerk')
  @ApiOperation({ summary: 'picked up / received: the case is completed (办结)' })
  @ApiOkResponse({ type: CommandAnswerDto })
  deliver(
    @Param('caseId', IdPipe) caseId: string,
    @Body() _body: EmptyBodyDto,
    @CurrentActor() actor: Actor,
    @CommandId() id: string,
  ) {
    return this.commands.send({ type: 'DeliverResult', caseId }, actor, id);
  }

  @Post(':caseId/rate')
  @HttpCode(200)
  @Roles('clerk')
  @ApiOperation({ summary: "record the applicant's rating (好差评); 4–5 open a review obligation" })
  @ApiOkResponse({ type: CommandAnswerDto })
  rate(
    @Param('caseId', IdPipe) caseId: string,
    @Body() body: RateDto,
    @CurrentActor() actor: Actor,
    @CommandId() id: string,
  ) {
    return this.commands.send({ type: 'RateService', caseId, ...body }, actor, id);
  }
}
