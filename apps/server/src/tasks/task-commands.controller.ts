import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@one-window/shared';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { CaseCommandGateway } from '../cases/case-command.gateway.js';
import { CommandAnswerDto } from '../cases/command-answer.dto.js';
import { OpinionDto } from '../cases/dto/opinion.dto.js';
import { EmptyBodyDto } from '../http/empty-body.dto.js';
import { IdPipe } from '../http/id.pipe.js';
import { CommandId } from '../http/idempotency-key.js';
import { ReturnTaskDto } from './return-task.dto.js';
import { ApiProblems } from '../problem/api-problems.decorator.js';

/** The back office's queue work: one holder at a time, then pass or return. */
@ApiTags('tasks')
@ApiBearerAuth()
@ApiProblems()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Roles('approver', 'head')
@Controller('api/tasks')
export class TaskCommandsController {
  constructor(private readonly commands: CaseCommandGateway) {}

  @Post(':taskId/claim')
  @HttpCode(200)
  @ApiOperation({ summary: 'claim (签收): become the one holder' })
  @ApiOkResponse({ type: CommandAnswerDto })
  claim(
    @Param('taskId', IdPipe) taskId: string,
    @Body() _body: EmptyBodyDto,
    @CurrentActor() actor: Actor,
    @CommandId() id: string,
  ) {
    return this.commands.send({ type: 'ClaimTask', taskId }, actor, id);
  }

  @Post(':taskId/release')
  @HttpCode(200)
  @ApiOperation({ summary: 'release the task back to the department queue' })
  @ApiOkResponse({ type: CommandAnswerDto })
  release(
    @Param('taskId', IdPipe) taskId: string,
    @Body() _body: EmptyBodyDto,
    @CurrentActor() actor: Actor,
    @CommandId() id: string,
  ) {
    return this.commands.send({ type: 'ReleaseTask', taskId }, actor, id);
  }

  @Post(':taskId/pass')
  @HttpCode(200)
  @ApiOperation({ summary: "pass with an opinion: the next step's task opens" })
  @ApiOkResponse({ type: CommandAnswerDto })
  pass(
    @Param('taskId', IdPipe) taskId: string,
    @Body() body: OpinionDto,
    @CurrentActor() actor: Actor,
    @CommandId() id: string,
  ) {
    return this.commands.send({ type: 'PassTask', taskId, ...body }, actor, id);
  }

  @Post(':taskId/return')
  @HttpCode(200)
  @ApiOperation({ summary: 'return to an earlier step, or to the front desk for correction' })
  @ApiOkResponse({ type: CommandAnswerDto })
  return(
    @Param('taskId', IdPipe) taskId: string,
    @Body() body: ReturnTaskDto,
    @CurrentActor() actor: Actor,
    @CommandId() id: string,
  ) {
    return this.commands.send({ type: 'ReturnTask', taskId, ...body }, actor, id);
  }
}
