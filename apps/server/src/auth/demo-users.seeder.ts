import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import type { ServerConfig } from '../config/server-config.js';
import { LOGGER, SERVER_CONFIG } from '../tokens.js';
import { DEMO_USERS } from './demo-users.js';
import { UsersStore } from './users.store.js';

/** Fills an empty users stream of the embedded default with the demo users; never touches a store that has users. */
@Injectable()
export class DemoUsersSeeder implements OnApplicationBootstrap {
  constructor(
    private readonly users: UsersStore,
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemoUsers || (await this.users.count()) > 0) return;
    for (const user of DEMO_USERS) await this.users.create(user, 'demo-seed');
    this.logger.info({ users: DEMO_USERS.map((u) => u.username) }, 'seeded the demo users (see README)');
  }
}
