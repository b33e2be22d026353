import { type ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';
import type { Actor } from '@one-window/shared';
import type { FastifyRequest } from 'fastify';
import type { UserRole } from '@one-window/identity';

export const PUBLIC_ROUTE = 'one-window:public';
export const ROUTE_ROLES = 'one-window:roles';

/** No token needed (login, health). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** Only these roles reach the route; jurisdiction is then checked against the resource. */
export const Roles = (...roles: UserRole[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROUTE_ROLES, roles);

export type AuthenticatedRequest = FastifyRequest & { actor?: Actor };

/** The signed-in user, as the case engine's `Actor`. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a public route');
  return actor;
});
