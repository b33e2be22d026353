import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { IdentityModule } from '@one-window/identity/nest';
import type { ServerConfig } from '../config/server-config.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { FirstUsers } from './first-users.js';
import { readsOwnWrites } from '../reads/read-your-writes.interceptor.js';

readsOwnWrites([AuthController]);

/** The identity lib over HTTP: sign-in, the bootstrap of the first administrator, the guard on every route. */
@Module({})
export class AuthModule {
  static register(config: ServerConfig): DynamicModule {
    const identity = IdentityModule.forRoot({
      secrets: [config.authSecret, ...config.authPreviousSecrets],
      tokenTtlSeconds: config.tokenTtlSeconds,
    });
    return {
      module: AuthModule,
      imports: [identity],
      controllers: [AuthController],
      providers: [FirstUsers, { provide: APP_GUARD, useClass: AuthGuard }],
      exports: [identity, FirstUsers],
    };
  }
}
