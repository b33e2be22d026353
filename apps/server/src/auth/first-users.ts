import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import type { ServerConfig } from '../config/server-config.js';
import { LOGGER, SERVER_CONFIG } from '../tokens.js';
import { DEMO_USERS, type NewUser, type User, UsersStore } from '@one-window/identity';

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/**
 * Who may sign in first, on a users stream that is empty at start:
 * - DEMO_USERS=on (npm start's demo, embedded store only): the demo users are seeded;
 * - otherwise nobody, until an administrator is made — with `one-window users create --role admin`
 *   or with the one-time bootstrap token this prints at start (POST /api/auth/bootstrap). The token
 *   lives only in this process's memory: a restart prints a new one, and it dies once used or once
 *   a user exists. There are no default credentials.
 */
@Injectable()
export class FirstUsers implements OnApplicationBootstrap {
  private tokenHash: Buffer | null = null;
  /** The token printed at this start, while it can still be used. */
  private printed: string | null = null;

  constructor(
    private readonly users: UsersStore,
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if ((await this.users.count()) > 0) return;
    if (this.config.seedDemoUsers) {
      await this.users.createAll(DEMO_USERS, 'demo-seed');
      this.logger.info({ users: DEMO_USERS.map((u) => u.username) }, 'seeded the demo users (see README)');
      return;
    }
    const token = randomBytes(24).toString('base64url');
    this.tokenHash = sha256(token);
    this.printed = token;
    this.logger.warn(
      { bootstrapToken: token },
      'no users yet: create the first administrator with POST /api/auth/bootstrap {token, username, name, password} ' +
        'or `one-window users create --role admin` (the token works once, in this process only)',
    );
  }

  /** The bootstrap token while it is still good (for `serve` to print), else null. */
  get bootstrapToken(): string | null {
    return this.tokenHash === null ? null : this.printed;
  }

  /** Whether `token` is the pending bootstrap token; compares digests in constant time. */
  accepts(token: string): boolean {
    return this.tokenHash !== null && timingSafeEqual(sha256(token), this.tokenHash);
  }

  /** The token's one use: the first administrator, only into an empty users stream. */
  async createFirstAdmin(
    token: string,
    admin: Omit<NewUser, 'role' | 'hall' | 'department'>,
  ): Promise<User | null> {
    if (!this.accepts(token)) return null;
    this.tokenHash = null;
    this.printed = null;
    try {
      return await this.users.createFirst({ ...admin, role: 'admin' }, 'bootstrap-token');
    } catch (error) {
      // A weak password or a bad name: the token stays good for the next try.
      if ((await this.users.count()) === 0) this.tokenHash = sha256(token);
      if (this.tokenHash !== null) this.printed = token;
      throw error;
    }
  }
}
