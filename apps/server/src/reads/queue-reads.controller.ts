import { Get, Inject, Param, Query } from '@nestjs/common';
import { addNaturalDays, chinaDate } from '@one-window/calendar';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ReadModels, scopeForActor } from '@one-window/read-models';
import type { Actor, Clock } from '@one-window/shared';
import { IdPipe } from '../http/id.pipe.js';
import { problems } from '../problem/problem-details.js';
import { CLOCK } from '../tokens.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { DeadlineQueryDto } from './dto/deadline-query.dto.js';
import { ObligationQueryDto } from './dto/obligation-query.dto.js';
import { StatsQueryDto } from './dto/stats-query.dto.js';
import { TaskQueryDto } from './dto/task-query.dto.js';
import { StaffApi } from '../http/staff-api.decorator.js';
import { ReadQueryDto, readFilter } from '../http/read-query.dto.js';
import { CaseDetailService } from './case-detail.service.js';

/** Work lists: the approver's queue, bad-rating obligations, the deadline board, statistics. */
@StaffApi('reads', 'api')
export class QueueReadsController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly details: CaseDetailService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('tasks/counts')
  @Roles('approver', 'head')
  @ApiOperation({
    summary: "how many tasks the caller holds and how many of the department's wait unclaimed",
  })
  @ApiOkResponse({
    description:
      '{mine, unclaimed, mineCapped, unclaimedCapped, position}: each counted up to 1,000; position is the event-store position the read models have applied (poll it: a change means the queue may have changed)',
  })
  counts(@Query() _query: ReadQueryDto, @CurrentActor() actor: Actor) {
    return {
      ...this.readModels.tasks.counts(
        {
          userId: actor.userId,
          role: actor.role === 'head' ? 'head' : 'approver',
          department: actor.department,
        },
        scopeForActor(actor),
      ),
      position: this.readModels.position,
    };
  }

  @Get('tasks')
  @Roles('approver', 'head')
  @ApiOperation({
    summary:
      "the caller's queue (their department and role), filtered and searched: green channel first, then the step's due date, or oldest case first",
  })
  @ApiOkResponse({
    description:
      '{items: TaskView[], total, totalCapped, page, pageSize, nextCursor}: total counts up to 1,000; pass nextCursor as cursor for the next page; page × pageSize reaches at most 1,000 (ADR 0011)',
  })
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
        cursor: query.cursor,
        item: query.item,
        step: query.step,
        greenChannel: query.greenChannel,
        deficiency: query.deficiency,
        extended: query.extended,
        dueWithin: query.dueWithin,
        q: query.q,
        sort: query.sort,
      },
      scopeForActor(actor),
    );
  }

  @Get('obligations')
  @Roles('reviewer', 'admin')
  @ApiOperation({ summary: 'bad-rating obligations with their callback and rectification due times' })
  @ApiOkResponse({
    description:
      "{items: ObligationView[], total, page, pageSize}: each item with allowedCommands, the commands the caller may send to it now (the engine's answer, as on a case)",
  })
  async obligations(@Query() query: ObligationQueryDto, @CurrentActor() actor: Actor) {
    const page = this.readModels.obligations.list(
      { status: query.status, page: query.page, pageSize: query.pageSize },
      scopeForActor(actor),
    );
    return { ...page, items: await this.details.withAllowedCommands(page.items, actor) };
  }

  @Get('deadlines')
  @Roles('clerk', 'approver', 'head', 'admin')
  @ApiOperation({
    summary:
      "running cases near (yellow) or past (red) a limit — the decision's, or with deadline=acceptance the acceptance decision's (Art. 32) — most urgent first",
  })
  @ApiOkResponse({
    description:
      '{items: DeadlineBoardItem[] (a CaseListItem with dueDate: the date ordered by; on the acceptance board warning and workingDaysLeft count to it), total, totalCapped, page, pageSize, nextCursor}, most urgent first; total counts up to 1,000; pass nextCursor as cursor for the next page; page × pageSize reaches at most 1,000 (ADR 0011)',
  })
  deadlines(@Query() query: DeadlineQueryDto, @CurrentActor() actor: Actor) {
    return this.readModels.cases.deadlineBoard(readFilter(query), scopeForActor(actor));
  }

  @Get('stats')
  @Roles('head', 'admin')
  @ApiOperation({ summary: 'counts, on-time rate and rating distribution per item, hall or department' })
  @ApiOkResponse({ description: '{from, to, groupBy, rows: StatisticsRow[], total: StatisticsRow}' })
  stats(@Query() query: StatsQueryDto, @CurrentActor() actor: Actor) {
    // Without from/to: the current month in China time (ADR 12).
    const month = currentMonth(this.clock.now());
    return this.readModels.statistics.statistics(
      { from: query.from ?? month.from, to: query.to ?? month.to, groupBy: query.groupBy ?? 'item' },
      scopeForActor(actor),
    );
  }

  @Get('obligations/:obligationId')
  @Roles('reviewer', 'admin')
  @ApiOperation({ summary: 'one bad-rating obligation with its callback and rectification' })
  @ApiOkResponse({ description: 'ObligationView with allowedCommands' })
  async obligation(@Param('obligationId', IdPipe) obligationId: string, @CurrentActor() actor: Actor) {
    const found = this.readModels.obligations.obligation(obligationId, scopeForActor(actor));
    if (!found) throw problems.notFound(`There is no obligation ${obligationId}.`);
    const [item] = await this.details.withAllowedCommands([found], actor);
    return item;
  }
}

/** The China-time month of an instant, first and last day. */
export function currentMonth(now: Date): { from: string; to: string } {
  const today = chinaDate(now);
  const from = `${today.slice(0, 8)}01`;
  const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return { from, to: addNaturalDays(next, -1) };
}
