import { Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ReadModels, caseHistory, scopeForActor, stateView } from '@one-window/read-models';
import { Inject } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@one-window/event-store';
import type { Actor } from '@one-window/shared';
import { CurrentActor } from '../auth/auth.decorators.js';
import { IdPipe } from '../http/id.pipe.js';
import { problems } from '../problem/problem-details.js';
import { CaseDetailService } from './case-detail.service.js';
import { CaseListQueryDto } from './dto/case-list-query.dto.js';
import { HistoryQueryDto } from './dto/history-query.dto.js';
import { ReadQueryDto, readFilter } from '../http/read-query.dto.js';
import { StaffApi } from '../http/staff-api.decorator.js';

/** Reads of cases, always within the caller's hall or department (an administrator sees all). */
@StaffApi('cases', 'api/cases')
export class CaseReadsController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly details: CaseDetailService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @ApiOperation({ summary: 'the case list, paged by cursor, newest first' })
  @ApiOkResponse({
    description:
      '{items: CaseListItem[], total, totalCapped, page, pageSize, nextCursor}: total counts up to 1,000 (totalCapped: true beyond); pass nextCursor as cursor for the next page; page × pageSize reaches at most 1,000 (ADR 0008 §5, ADR 0011)',
  })
  list(@Query() query: CaseListQueryDto, @CurrentActor() actor: Actor) {
    return this.readModels.cases.list(readFilter(query), scopeForActor(actor));
  }

  @Get(':caseId')
  @ApiOperation({
    summary:
      'state, stage, due dates, days left, warning, materials, and the commands the caller may send now',
  })
  @ApiOkResponse({
    description:
      'the read model summary plus allowedCommands, currentTaskId, tasks, obligations, applicant, correction, refusal, decision (ADR 0008 §6)',
  })
  detail(
    @Param('caseId', IdPipe) caseId: string,
    @Query() _query: ReadQueryDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.details.detail(caseId, actor);
  }

  @Get(':caseId/timeline')
  @ApiOperation({ summary: 'every event, in order, in words a clerk understands (zh and en)' })
  @ApiOkResponse({
    description:
      '{caseId, caseNumber, entries: [{revision, position, type, at, actor, title{zh,en}, detail{zh,en}, data}]}',
  })
  async timeline(
    @Param('caseId', IdPipe) caseId: string,
    @Query() _query: ReadQueryDto,
    @CurrentActor() actor: Actor,
  ) {
    await this.details.summary(caseId, actor);
    const timeline = await this.readModels.timeline.timeline(caseId, scopeForActor(actor));
    if (!timeline) throw problems.notFound(`There is no case ${caseId}.`);
    return timeline;
  }

  @Get(':caseId/history')
  @ApiOperation({ summary: 'the case exactly as it was at ?at= or after ?revision=, folded from the log' })
  @ApiOkResponse({
    description:
      '{caseId, revision, streamLength, at, state, stage, rating, case (the engine context), event}',
  })
  async history(
    @Param('caseId', IdPipe) caseId: string,
    @Query() query: HistoryQueryDto,
    @CurrentActor() actor: Actor,
  ) {
    if (query.at !== undefined && query.revision !== undefined) {
      throw problems.invalidInput('Give either at or revision, not both.', [
        { pointer: '#/at', detail: 'not with revision' },
      ]);
    }
    const history = await caseHistory(this.store, caseId, {
      ...(query.at !== undefined ? { at: new Date(query.at) } : {}),
      ...(query.revision !== undefined ? { revision: query.revision } : {}),
      scope: scopeForActor(actor),
    });
    if (query.revision !== undefined && query.revision >= history.streamLength) {
      // A revision the stream has not reached is a bad request, not the latest state (ADR 12).
      throw problems.invalidInput(
        `The case has ${history.streamLength} events: revision must be at most ${history.streamLength - 1}.`,
        [{ pointer: '#/revision', detail: `beyond the stream (last revision ${history.streamLength - 1})` }],
      );
    }
    const last = history.events[history.events.length - 1] ?? null;
    const view = history.state ? stateView(history.state) : null;
    return {
      caseId,
      revision: history.revision,
      streamLength: history.streamLength,
      at: last?.at ?? null,
      state: view?.status ?? null,
      stage: view?.stage ?? null,
      rating: view?.rating ?? null,
      case: view?.context ?? null,
      event: last ? { type: last.type, data: last.data, metadata: last.metadata } : null,
    };
  }
}
