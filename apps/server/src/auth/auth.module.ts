import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { EVENT_STORE, type EventStore } from '@one-window/event-store';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { FirstUsers } from './first-users.js';
import { LoginThrottle } from './login-throttle.js';
import { UsersStore } from './users.store.js';

@Module({
  controllers: [AuthController],
  providers: [
    {
      provide: UsersStore,
      useFactory: (store: EventStore) => new UsersStore(store),
      inject: [EVENT_STORE],
    },
    LoginThrottle,
    FirstUsers,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [UsersStore, FirstUsers],
})
export class AuthModule {}
