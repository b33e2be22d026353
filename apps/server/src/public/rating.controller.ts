import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor, Clock } from '@one-window/shared';
import type { FastifyRequest } from 'fastify';
import { CurrentActor, Public, Roles } from '../auth/auth.decorators.js';
import { CaseCommandGateway } from '../cases/case-command.gateway.js';
import { IdPipe } from '../http/id.pipe.js';
import { ApiProblems } from '../problem/api-problems.decorator.js';
import { CaseDetailService } from '../reads/case-detail.service.js';
import { CLOCK } from '../tokens.js';
import { PublicLimits } from './public-limits.js';
import { PublicRatingDto, RatingTokenDto } from './rating.dto.js';
import { RatingLinks } from './rating-links.js';

/** The actor a QR rating is sent as: the applicant through a channel, not a member of staff. */
export const QR_RATING_ACTOR: Actor = { userId: 'applicant-qr', name: '申请人（扫码评价）', role: 'system' };

/** 一事一评 by QR code (Art. 37, issue 13 item 5): the staff link, the public rating. */
@ApiTags('public')
@ApiProblems()
@Controller()
export class RatingController {
  constructor(
    private readonly links: RatingLinks,
    private readonly details: CaseDetailService,
    private readonly gateway: CaseCommandGateway,
    private readonly limits: PublicLimits,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('api/cases/:caseId/rating-link')
  @ApiBearerAuth()
  @Roles('clerk', 'admin')
  @ApiOperation({
    summary:
      'the case’s QR rating link (signed, expiring) and its QR code as SVG, for notices and the pickup receipt',
  })
  @ApiOkResponse({ description: '{url, validUntil (China date), svg}' })
  async link(
    @Param('caseId', IdPipe) caseId: string,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ) {
    // In the caller's jurisdiction, as reading the case is.
    await this.details.summary(caseId, actor);
    return this.links.linkFor(caseId, request);
  }

  @Public()
  @Post('api/public/rating/check')
  @HttpCode(200)
  @ApiOperation({
    summary: 'what a rating link is for: the item, whether the case is rated, the link’s last day',
  })
  @ApiOkResponse({ description: '{item, rated, validUntil}' })
  async check(@Body() body: RatingTokenDto, @Req() request: FastifyRequest) {
    this.limits.take(request, this.clock.now());
    const { state, validUntil } = await this.links.open(body.token);
    return {
      item: state.context.guide.name,
      rated: state.context.ratings.some((r) => r.stage === 'overall'),
      validUntil,
    };
  }

  @Public()
  @Post('api/public/rating')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'rates the case (一事一评, channel qr-code) through the same RateService command as the desk: one overall rating per case (409 already-rated); a bad one opens the follow-up',
  })
  @ApiOkResponse({ description: '{rated: true, bad, followUp}' })
  async rate(@Body() body: PublicRatingDto, @Req() request: FastifyRequest) {
    this.limits.take(request, this.clock.now());
    const { state } = await this.links.open(body.token);
    const answer = await this.gateway.send(
      {
        type: 'RateService',
        caseId: state.context.caseId,
        level: body.level,
        channel: 'qr-code',
        stage: 'overall',
        ...(body.comment ? { comment: body.comment } : {}),
      },
      QR_RATING_ACTOR,
      { commandId: randomUUID(), fresh: true },
    );
    return { rated: true, bad: body.level >= 4, followUp: answer.events.includes('case.ObligationOpened') };
  }
}
