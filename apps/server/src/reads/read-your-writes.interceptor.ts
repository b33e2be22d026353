import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
  type Type,
  UseInterceptors,
} from '@nestjs/common';
import { INTERCEPTORS_METADATA } from '@nestjs/common/constants.js';
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

/**
 * Puts the interceptor on these controllers (once each, however often it is called).
 * Every controller has it but the command routes (command-routes.ts), which are POSTs only, where
 * it does nothing: a route with any interceptor runs through an rxjs pipeline on every request,
 * ~5 % of the server's CPU under command load for a no-op.
 */
export function readsOwnWrites(controllers: readonly Type[]): void {
  for (const controller of controllers) {
    const interceptors = (Reflect.getMetadata(INTERCEPTORS_METADATA, controller) ?? []) as unknown[];
    if (!interceptors.includes(ReadYourWritesInterceptor)) UseInterceptors(ReadYourWritesInterceptor)(controller);
  }
}
