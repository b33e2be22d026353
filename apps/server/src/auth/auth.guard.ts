import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { type Clock } from '@one-window/shared';
import { CLOCK, SERVER_CONFIG } from '../tokens.js';
import type { ServerConfig } from '../config/server-config.js';
import { problems } from '../problem/problem-details.js';
import { type AuthenticatedRequest, PUBLIC_ROUTE, ROUTE_ROLES } from './auth.decorators.js';
import { actorOf, verifyToken } from './token.js';
import type { UserRole } from './user.js';
import { UsersStore } from './users.store.js';

/** Runs on every route: a valid bearer token of a live user, then the route's roles. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly users: UsersStore,
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_.-]+)$/.exec(header) : null;
    if (!match)
      throw problems.unauthorized(
        'Send "Authorization: Bearer <token>"; get a token from POST /api/auth/login.',
      );
    const check = verifyToken(this.config.authSecret, match[1], this.clock.now());
    if (!check.ok) throw problems.unauthorized(check.reason);
    const user = await this.users.get(check.claims.sub);
    if (!user || user.disabled) throw problems.unauthorized('this user can no longer sign in');
    request.actor = actorOf(check.claims);
    // Every later line of this request's log, its completion line included, names who sent it.
    const log = request.log.child({ userId: request.actor.userId, role: request.actor.role });
    request.log = log;
    context.switchToHttp().getResponse<FastifyReply>().log = log;
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROUTE_ROLES, targets);
    if (roles && !roles.includes(check.claims.role)) {
      throw problems.forbidden(`A ${check.claims.role} may not do this; it is for: ${roles.join(', ')}.`);
    }
    return true;
  }
}
