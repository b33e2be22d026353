import { type DynamicModule, Module } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@one-window/event-store';
import { SharedSignInThrottle } from '../sign-in/shared-sign-in-throttle.js';
import { SignInLimiter, type SignInLimits } from '../sign-in/sign-in-limiter.js';
import { TokenKeys, type TokenPolicy } from '../tokens/token.js';
import { UsersStore } from '../users/users.store.js';

export const TOKEN_POLICY = Symbol('TOKEN_POLICY');

export interface IdentityOptions {
  /** The signing secret first, then older ones still accepted (rotation). */
  readonly secrets: readonly string[];
  readonly tokenTtlSeconds: number;
  readonly signInLimits?: SignInLimits;
}

/** The identity core as Nest providers: UsersStore on the app's event store, the sign-in limiter (its blocks shared through the store), the token policy. */
@Module({})
export class IdentityModule {
  static forRoot(options: IdentityOptions): DynamicModule {
    const policy: TokenPolicy = { keys: new TokenKeys(options.secrets), ttlSeconds: options.tokenTtlSeconds };
    return {
      module: IdentityModule,
      providers: [
        {
          provide: UsersStore,
          useFactory: (store: EventStore) => new UsersStore(store),
          inject: [EVENT_STORE],
        },
        { provide: SignInLimiter, useValue: new SignInLimiter(options.signInLimits) },
        {
          provide: SharedSignInThrottle,
          useFactory: (store: EventStore, limiter: SignInLimiter) => new SharedSignInThrottle(store, limiter),
          inject: [EVENT_STORE, SignInLimiter],
        },
        { provide: TOKEN_POLICY, useValue: policy },
      ],
      exports: [UsersStore, SignInLimiter, SharedSignInThrottle, TOKEN_POLICY],
    };
  }
}
