import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@one-window/event-store';
import type { Clock } from '@one-window/shared';
import type { FastifyRequest } from 'fastify';
import { Public } from '../auth/auth.decorators.js';
import { ApiProblems } from '../problem/api-problems.decorator.js';
import { problems } from '../problem/problem-details.js';
import { CLOCK } from '../tokens.js';
import { caseByNumber } from './case-by-number.js';
import { ProgressQueryDto } from './progress.dto.js';
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
    const started = performance.now();
    try {
      return await this.lookUp(body, request);
    } finally {
      const left = PROGRESS_MIN_ANSWER_MS - (performance.now() - started);
      if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
    }
  }

  private async lookUp(body: ProgressQueryDto, request: FastifyRequest): Promise<ProgressView> {
    const now = this.clock.now();
    this.limits.take(request, now);
    const number = body.caseNumber.trim();
    const guess = this.limits.guesses.begin(number, request.ip, now);
    if (!guess.allowed) throw tooMany(guess.retryAfterSeconds);
    const state = await caseByNumber(this.store, number);
    if (!codeMatches(state, body.code) || !state) {
      guess.attempt.failed(this.clock.now());
      throw problems.notFound('No case has this number and code.', { code: 'not-found.progress' });
    }
    guess.attempt.succeeded();
    return progressView(state);
  }
}
