import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@one-window/shared';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { CaseCommandGateway } from '../cases/case-command.gateway.js';
import { CommandAnswerDto } from '../cases/command-answer.dto.js';
import { IdPipe } from '../http/id.pipe.js';
import { CommandId } from '../http/idempotency-key.js';
import { CallbackDto } from './callback.dto.js';
import { ExplainDto } from './explain.dto.js';
import { RectifyDto } from './rectify.dto.js';
import { ApiProblems } from '../problem/api-problems.decorator.js';

/** A bad rating's follow-up (Art. 36): call back within 48 hours, then rectify or explain. */
@ApiTags('obligations')
@ApiBearerAuth()
@ApiProblems()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Roles('reviewer')
@Controller('api/obligations')
export class ObligationCommandsController {
  constructor(private readonly commands: CaseCommandGateway) {}

  @Post(':obligationId/callback')
  @HttpCode(200)
  @ApiOperation({ summary: 'record the callback (回访核实), within 48 hours' })
  @ApiOkResponse({ type: CommandAnswerDto })
  callback(
    @Param('obligationId', IdPipe) obligationId: string,
    @Body() body: CallbackDto,
    @CurrentActor() actor: Actor,
    @CommandId() id: string,
  ) {
    return this.commands.send({ type: 'RecordCallback', obligationId, ...body }, actor, id);
  }

  @Post(':obligationId/rectify')
  @HttpCode(200)
  @ApiOperation({ summary: 'record the rectification (整改), within 15 natural days' })
  @ApiOkResponse({ type: CommandAnswerDto })
  rectify(
    @Param('obligationId', IdPipe) obligationId: string,
    @Body() body: RectifyDto,
    @CurrentActor() actor: Actor,
    @CommandId() id: string,
  ) {
    return this.commands.send({ type: 'RectifyObligation', obligationId, ...body }, actor, id);
  }

  @Post(':obligationId/explain')
  @HttpCode(200)
  @ApiOperation({ summary: 'explain (a complaint without legal basis)' })
  @ApiOkResponse({ type: CommandAnswerDto })
  explain(
    @Param('obligationId', IdPipe) obligationId: string,
    @Body() body: ExplainDto,
    @CurrentActor() actor: Actor,
    @CommandId() id: string,
  ) {
    return this.commands.send({ type: 'ExplainObligation', obligationId, ...body }, actor, id);
  }
}
