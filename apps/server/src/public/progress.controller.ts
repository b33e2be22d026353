import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { type LoadedCase, type NoticeContent, type NoticeKind, noticeIntact } from '@one-window/case';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@one-window/event-store';
import type { Clock } from '@one-window/shared';
import type { FastifyRequest } from 'fastify';
import { Public } from '../auth/auth.decorators.js';
import { ApiProblems } from '../problem/api-problems.decorator.js';
import { problems } from '../problem/problem-details.js';
import { CLOCK } from '../tokens.js';
import { storedNotices } from '../reads/case-notices.controller.js';
import { loadedByNumber } from './case-by-number.js';
import { ProgressNoticeQueryDto, ProgressQueryDto } from './progress.dto.js';
import { codeMatches, progressView, type ProgressView } from './progress-view.js';
import { PublicLimits, tooMany } from './public-limits.js';

/** Every answer takes at least this long, so a wrong code and an unknown number also take alike. */
export const PROGRESS_MIN_ANSWER_MS = 150;

@ApiTags('public')
@ApiProblems()
@Controller('api/public')
export class ProgressController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly limits: PublicLimits,
  ) {}

  @Public()
  @Post('progress')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'An applicant follows a case: the case number and the query code (no sign-in). An unknown number and a wrong code answer the same 404.',
  })
  @ApiOkResponse({
    description: 'the stage, due dates (China dates), notices issued and what is asked of the applicant',
  })
  async progress(@Body() body: ProgressQueryDto, @Req() request: FastifyRequest): Promise<ProgressView> {
    return this.slowly(async () => {
      const loaded = await this.lookUp(body, request);
      return progressView(
        loaded.state,
        storedNotices(loaded).map((s) => s.notice),
      );
    });
  }

  @Public()
  @Post('progress/notice')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'An applicant opens one notice of the case (to print or save it): the case number, the query code and the notice number. Refused as the progress lookup is.',
  })
  @ApiOkResponse({
    description:
      '{kind, number, sha256, intact, content}: the notice as the case stored it (ADR 18); intact is true when it still hashes to sha256',
  })
  async notice(@Body() body: ProgressNoticeQueryDto, @Req() request: FastifyRequest): Promise<PublicNotice> {
    return this.slowly(async () => {
      const loaded = await this.lookUp(body, request);
      const stored = storedNotices(loaded).find((s) => s.notice.number === body.number.trim());
      if (!stored)
        throw problems.notFound(`The case has issued no notice ${body.number}.`, {
          code: 'not-found.notice',
          params: { number: body.number },
        });
      const { notice } = stored;
      return {
        kind: notice.kind,
        number: notice.number,
        sha256: notice.sha256,
        intact: noticeIntact(notice),
        content: notice.content,
      };
    });
  }

  /** Every answer, refusals included, takes at least PROGRESS_MIN_ANSWER_MS. */
  private async slowly<T>(answer: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await answer();
    } finally {
      const left = PROGRESS_MIN_ANSWER_MS - (performance.now() - started);
      if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
    }
  }

  private async lookUp(
    body: ProgressQueryDto,
    request: FastifyRequest,
  ): Promise<LoadedCase & { readonly state: NonNullable<LoadedCase['state']> }> {
    const now = this.clock.now();
    this.limits.take(request, now);
    const number = body.caseNumber.trim();
    const guess = this.limits.guesses.begin(number, request.ip, now);
    if (!guess.allowed) throw tooMany(guess.retryAfterSeconds);
    const loaded = await loadedByNumber(this.store, number);
    if (!codeMatches(loaded?.state, body.code) || !loaded) {
      guess.attempt.failed(this.clock.now());
      throw problems.notFound('No case has this number and code.', { code: 'not-found.progress' });
    }
    guess.attempt.succeeded();
    return loaded;
  }
}

/** A notice as the applicant gets it: the stored content and whether it still hashes to its SHA-256. */
export interface PublicNotice {
  readonly kind: NoticeKind;
  readonly number: string;
  readonly sha256: string;
  readonly intact: boolean;
  readonly content: NoticeContent;
}
