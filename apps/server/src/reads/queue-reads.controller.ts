import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReadModels, scopeForActor } from '@one-window/read-models';
import type { Actor } from '@one-window/shared';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { DeadlineQueryDto } from './dto/deadline-query.dto.js';
import { ObligationQueryDto } from './dto/obligation-query.dto.js';
import { StatsQueryDto } from './dto/stats-query.dto.js';
import { TaskQueryDto } from './dto/task-query.dto.js';
import { ApiProblems } from '../problem/api-problems.decorator.js';

/** Work lists: the approver's queue, bad-rating obligations, the deadline board, statistics. */
@ApiTags('reads')
@ApiBearerAuth()
@ApiProblems()
@Controller('api')
export class QueueReadsController {
  constructor(private readonly readModels: ReadModels) {}

  @Get('tasks')
  @Roles('approver', 'head')
  @ApiOperation({
    summary: "the caller's queue (their department and role): green channel first, then due date",
  })
  @ApiOkResponse({ description: '{items: TaskView[], total, page, pageSize}' })
  tasks(@Query() query: TaskQueryDto, @CurrentActor() actor: Actor) {
    return this.readModels.tasks.queue(
      {
        queue: query.queue ?? 'department',
        status: query.status,
        userId: actor.userId,
        department: actor.department,
        // Each step belongs to a role: approvers see the approvers' steps, heads the heads'.
        role: actor.role === 'head' ? 'head' : 'approver',
        page: query.page,
        pageSize: query.pageSize,
      },
      scopeForActor(actor),
    );
  }

  @Get('obligations')
  @Roles('reviewer', 'admin')
  @ApiOperation({ summary: 'bad-rating obligations with their callback and rectification due times' })
  @ApiOkResponse({ description: '{items: ObligationView[], total, page, pageSize}' })
  obligations(@Query() query: ObligationQueryDto, @CurrentActor() actor: Actor) {
    return this.readModels.obligations.list(
      { status: query.status, page: query.page, pageSize: query.pageSize },
      scopeForActor(actor),
    );
  }

  @Get('deadlines')
  @Roles('clerk', 'approver', 'head', 'admin')
  @ApiOperation({ summary: 'running cases near (yellow) or past (red) their limits, most urgent first' })
  @ApiOkResponse({ description: '{items: CaseListItem[], total, page, pageSize}, red first' })
  deadlines(@Query() query: DeadlineQueryDto, @CurrentActor() actor: Actor) {
    const { minPosition: _wait, ...filter } = query;
    return this.readModels.cases.deadlineBoard(filter, scopeForActor(actor));
  }

  @Get('stats')
  @Roles('head', 'admin')
  @ApiOperation({ summary: 'counts, on-time rate and rating distribution per item, hall or department' })
  @ApiOkResponse({ description: '{from, to, groupBy, rows: StatisticsRow[], total: StatisticsRow}' })
  stats(@Query() query: StatsQueryDto, @CurrentActor() actor: Actor) {
    return this.readModels.statistics.statistics(
      { from: query.from, to: query.to, groupBy: query.groupBy ?? 'item' },
      scopeForActor(actor),
    );
  }
}
