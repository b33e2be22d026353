import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { ReadModels } from '@one-window/read-models';
import type { FastifyRequest } from 'fastify';
import { type Observable, from, switchMap } from 'rxjs';
import type { ServerConfig } from '../config/server-config.js';
import { SERVER_CONFIG } from '../tokens.js';

/**
 * `?minPosition=` on any read: wait (bounded by READ_WAIT_MS) until every read model has applied
 * that position, so a client always reads its own writes; past the bound the read-model lib's
 * timeout error becomes a 503 with Retry-After. A malformed value is left to the query DTO's
 * validation (400).
 */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const raw =
      request.method === 'GET'
        ? (request.query as Record<string, unknown> | undefined)?.minPosition
        : undefined;
    const position = typeof raw === 'string' && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
    if (position === undefined) return next.handle();
    return from(this.readModels.ready(position, this.config.readWaitMs)).pipe(switchMap(() => next.handle()));
  }
}
