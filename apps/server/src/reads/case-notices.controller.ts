import { Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { noticeHash, type IssuedNotice, type LoadedCase } from '@one-window/case';
import type { Actor } from '@one-window/shared';
import { CurrentActor } from '../auth/auth.decorators.js';
import { IdPipe } from '../http/id.pipe.js';
import { ReadQueryDto } from '../http/read-query.dto.js';
import { StaffApi } from '../http/staff-api.decorator.js';
import { problems } from '../problem/problem-details.js';
import { CaseDetailService } from './case-detail.service.js';

export interface StoredNotice {
  readonly notice: IssuedNotice;
  readonly revision: number;
  readonly at: string | null;
  readonly eventType: string;
}

/** The notices of a case as stored in the events that issued them (ADR 18). */
export function storedNotices(loaded: LoadedCase): StoredNotice[] {
  const found: StoredNotice[] = [];
  for (const event of loaded.events) {
    const notice = (event.data as { notice?: IssuedNotice } | null)?.notice;
    if (notice) {
      found.push({
        notice,
        revision: event.streamRevision,
        at: event.metadata?.at ?? null,
        eventType: event.type,
      });
    }
  }
  return found;
}

/**
 * GET /api/cases/{id}/notices and /notices/{number}: the notices a case issued, and one of them for
 * a reprint — its stored content, the stored SHA-256 and the SHA-256 of the content hashed again.
 */
@StaffApi('cases', 'api/cases')
export class CaseNoticesController {
  constructor(private readonly details: CaseDetailService) {}

  @Get(':caseId/notices')
  @ApiOperation({ summary: 'the notices the case issued (收件回执, 受理通知书, …), in order' })
  @ApiOkResponse({ description: '{caseId, notices: [{kind, number, issuedOn, sha256, revision, at}]}' })
  async list(
    @Param('caseId', IdPipe) caseId: string,
    @Query() _query: ReadQueryDto,
    @CurrentActor() actor: Actor,
  ) {
    const loaded = await this.load(caseId, actor);
    return {
      caseId,
      notices: storedNotices(loaded).map(({ notice, revision, at }) => ({
        kind: notice.kind,
        number: notice.number,
        issuedOn: notice.content.issuedOn,
        sha256: notice.sha256,
        revision,
        at,
      })),
    };
  }

  @Get(':caseId/notices/:number')
  @ApiOperation({ summary: 'one notice for a reprint: its content, stored hash and the hash computed again' })
  @ApiOkResponse({
    description:
      '{caseId, kind, number, sha256, computedSha256, intact, revision, at, eventType, content}: intact is true when the stored content still hashes to the stored SHA-256',
  })
  async one(
    @Param('caseId', IdPipe) caseId: string,
    @Param('number', IdPipe) number: string,
    @Query() _query: ReadQueryDto,
    @CurrentActor() actor: Actor,
  ) {
    const loaded = await this.load(caseId, actor);
    const stored = storedNotices(loaded).find((s) => s.notice.number === number);
    if (!stored) {
      throw problems.notFound(`Case ${caseId} has issued no notice ${number}.`, {
        code: 'not-found.notice',
        params: { number },
      });
    }
    const { notice, revision, at, eventType } = stored;
    const computedSha256 = noticeHash(notice.content);
    return {
      caseId,
      kind: notice.kind,
      number: notice.number,
      sha256: notice.sha256,
      computedSha256,
      intact: computedSha256 === notice.sha256,
      revision,
      at,
      eventType,
      content: notice.content,
    };
  }

  /** The case's stream, after the caller's scope is checked on the read model (404 outside it). */
  private async load(caseId: string, actor: Actor): Promise<LoadedCase> {
    const { loaded } = await this.details.loadInScope(caseId, actor);
    if (!loaded.state) throw problems.notFound(`There is no case ${caseId}.`);
    return loaded;
  }
}
