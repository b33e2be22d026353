import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators.js';
import type { ServerConfig } from '../config/server-config.js';
import { problems } from '../problem/problem-details.js';
import { SERVER_CONFIG } from '../tokens.js';
import { Metrics } from './metrics.js';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/**
 * GET /metrics in Prometheus' text format, for the scraper only: a static bearer token
 * (METRICS_TOKEN) rather than a user's session, which expires and whose account a scraper should
 * not hold (ADR 13). Without METRICS_TOKEN the route answers 404: metrics are off.
 */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
  ) {}

  @Get()
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const token = this.config.metricsToken;
    if (token === undefined) throw problems.notFound('Metrics are off: set METRICS_TOKEN to scrape /metrics');
    const given = /^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '';
    if (!timingSafeEqual(digest(given), digest(token))) {
      throw problems.unauthorized('GET /metrics needs the METRICS_TOKEN as its bearer token');
    }
    void reply.header('content-type', this.metrics.contentType).header('cache-control', 'no-store');
    return this.metrics.text();
  }
}
