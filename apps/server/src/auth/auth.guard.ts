import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { Reflector } from '@nestjs/core';
import { type TokenPolicy, type UserRole, UsersStore, actorOf } from '@one-window/identity';
import { TOKEN_POLICY } from '@one-window/identity/nest';
import { type Clock } from '@one-window/shared';
import { CLOCK } from '../tokens.js';
import { problems } from '../problem/problem-details.js';
import { type AuthenticatedRequest, PUBLIC_ROUTE, ROUTE_ROLES } from './auth.decorators.js';
import { VerifiedTokens } from './verified-tokens.js';

/** `Authorization: Bearer <token>`, the token in group 1 (no `g` flag: exec keeps no state). */
const BEARER = /^Bearer ([A-Za-z0-9_.-]{1,4096})$/;

interface Route {
  readonly public: boolean;
  readonly roles: readonly UserRole[] | undefined;
}

/**
 * Runs on every route: a valid bearer token whose session is still the user's (not disabled, same
 * password, role and scope as when it was issued), then the route's roles — the stored user's,
 * never the token's word.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly tokens: VerifiedTokens;
  private readonly routes = new WeakMap<object, WeakMap<object, Route>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly users: UsersStore,
    @Inject(TOKEN_POLICY) policy: TokenPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.tokens = new VerifiedTokens(policy);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const route = this.routeOf(context);
    if (route.public) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? BEARER.exec(header) : null;
    if (!match)
      throw problems.unauthorized(
        'Send "Authorization: Bearer <token>"; get a token from POST /api/auth/login.',
      );
    const check = await this.tokens.check(match[1], this.clock.now());
    if (!check.ok) throw problems.unauthorized(check.reason, { code: 'unauthorized.session-ended' });
    const user = await this.users.get(check.claims.sub);
    if (!user || user.disabled) throw problems.unauthorized('this user can no longer sign in');
    if (user.securityVersion !== check.claims.sv) {
      throw problems.unauthorized(
        "this session has ended: the user's password, role or scope changed since; sign in again",
        { code: 'unauthorized.session-ended' },
      );
    }
    request.actor = actorOf(user);
    // Every later line of this request's log, its completion line included, names who sent it.
    // The request's own logger (fastify's child, which the reply shares) takes the bindings: a
    // second child per request was ~2 % of the server's CPU under command load.
    (request.log as Logger).setBindings({
      userId: user.userId,
      role: user.role,
      sessionId: check.claims.sid,
    });
    const { roles } = route;
    if (roles && !roles.includes(user.role)) {
      throw problems.forbidden(`A ${user.role} may not do this; it is for: ${roles.join(', ')}.`, {
        code: 'forbidden.role',
        params: { role: user.role, roles },
      });
    }
    return true;
  }

  /**
   * What the route's decorators say (public, roles), read once per handler: decorators run when
   * the classes are defined, so the metadata never changes after (reflect-metadata's lookups on
   * every request were ~0.6 % of the server's CPU under command load).
   */
  private routeOf(context: ExecutionContext): Route {
    const handler = context.getHandler();
    const controller = context.getClass();
    let routes = this.routes.get(controller);
    if (routes === undefined) this.routes.set(controller, (routes = new WeakMap()));
    let route = routes.get(handler);
    if (route === undefined) {
      const targets = [handler, controller];
      route = {
        public: Boolean(this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, targets)),
        roles: this.reflector.getAllAndOverride<UserRole[] | undefined>(ROUTE_ROLES, targets),
      };
      routes.set(handler, route);
    }
    return route;
  }
}
