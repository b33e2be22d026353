import { randomUUID } from 'node:crypto';
import {
  type EventStore,
  NO_STREAM,
  WrongExpectedRevisionError,
  readStreamOrNone,
} from '@one-window/event-store';
import { FieldError } from '@one-window/shared/errors';
import { hashPassword, passwordProblem } from '../sign-in/password.js';
import { type StoredUser, type User, type UserRole, scopeProblem } from './user.js';
import { USERS_STREAM, type UserEvent } from './user-events.js';

export interface NewUser {
  readonly username: string;
  readonly name: string;
  readonly role: UserRole;
  readonly hall?: string;
  readonly department?: string;
  readonly password: string;
}

export class UserInputError extends FieldError(Error) {
  override readonly name = 'UserInputError';
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,31}$/;
const REFRESH_MS = 5000;

function evolve(users: Map<string, StoredUser>, event: UserEvent): void {
  switch (event.type) {
    case 'user.Created': {
      const { createdBy: _by, ...user } = event.data;
      users.set(user.userId, { ...user, disabled: false, securityVersion: 0 });
      return;
    }
    case 'user.PasswordChanged': {
      const user = users.get(event.data.userId);
      if (user)
        users.set(user.userId, {
          ...user,
          passwordHash: event.data.passwordHash,
          securityVersion: user.securityVersion + 1,
        });
      return;
    }
    case 'user.Disabled': {
      const user = users.get(event.data.userId);
      if (user)
        users.set(user.userId, { ...user, disabled: true, securityVersion: user.securityVersion + 1 });
      return;
    }
    case 'user.RoleChanged': {
      const user = users.get(event.data.userId);
      if (!user) return;
      const { hall: _h, department: _d, ...rest } = user;
      const { role, hall, department } = event.data;
      users.set(user.userId, {
        ...rest,
        role,
        ...(hall ? { hall } : {}),
        ...(department ? { department } : {}),
        securityVersion: user.securityVersion + 1,
      });
      return;
    }
    default: {
      const unknown: never = event;
      throw new Error(`unknown user event ${JSON.stringify(unknown)}`);
    }
  }
}

export function publicUser(user: StoredUser): User {
  const { passwordHash: _hash, securityVersion: _version, ...rest } = user;
  return rest;
}

/** Users folded from the `users` stream, kept in memory and caught up from the last revision read. */
export class UsersStore {
  private readonly users = new Map<string, StoredUser>();
  private revision: number | null = null;
  private refreshedAt = -Infinity;

  constructor(private readonly store: EventStore) {}

  async refresh(): Promise<void> {
    const events = await readStreamOrNone(this.store, USERS_STREAM, {
      fromRevision: this.revision === null ? 'start' : this.revision + 1,
    });
    for (const recorded of events) {
      evolve(this.users, { type: recorded.type, data: recorded.data } as UserEvent);
      this.revision = recorded.streamRevision;
    }
    this.refreshedAt = Date.now();
  }

  /** Served from memory, caught up at most every few seconds (another instance may have written). */
  private async fresh(): Promise<void> {
    if (Date.now() - this.refreshedAt > REFRESH_MS) await this.refresh();
  }

  async findByUsername(username: string): Promise<StoredUser | undefined> {
    await this.refresh();
    return [...this.users.values()].find((u) => u.username === username);
  }

  async get(userId: string): Promise<StoredUser | undefined> {
    await this.fresh();
    return this.users.get(userId);
  }

  async list(): Promise<User[]> {
    await this.refresh();
    return [...this.users.values()].map(publicUser);
  }

  async create(input: NewUser, createdBy: string): Promise<User> {
    return this.createUser(input, createdBy, false);
  }

  /** Creates the first user, only into an empty users stream (the bootstrap token's one use). */
  async createFirst(input: NewUser, createdBy: string): Promise<User> {
    return this.createUser(input, createdBy, true);
  }

  /**
   * Creates several users in one append (all or none), their passwords hashed side by side: the
   * demo's seeding, which would otherwise wait for one scrypt after another before the port opens.
   */
  async createAll(inputs: readonly NewUser[], createdBy: string): Promise<User[]> {
    return this.createUsers(inputs, createdBy, false);
  }

  private async createUser(input: NewUser, createdBy: string, onlyFirst: boolean): Promise<User> {
    const [user] = await this.createUsers([input], createdBy, onlyFirst);
    return user;
  }

  private async createUsers(
    inputs: readonly NewUser[],
    createdBy: string,
    onlyFirst: boolean,
  ): Promise<User[]> {
    for (const [i, input] of inputs.entries()) {
      if (!USERNAME.test(input.username)) {
        throw new UserInputError('username', 'a username is 3–32 lowercase letters, digits, ".", "_" or "-"');
      }
      if (!input.name.trim()) throw new UserInputError('name', 'a user needs a name');
      const scope = scopeProblem(input);
      if (scope) throw new UserInputError('scope', scope);
      const weak = passwordProblem(input.password);
      if (weak) throw new UserInputError('password', weak);
      if (inputs.findIndex((other) => other.username === input.username) !== i) {
        throw new UserInputError('username', `the username "${input.username}" is given twice`);
      }
    }
    const passwordHashes = await Promise.all(inputs.map((input) => hashPassword(input.password)));
    for (let attempt = 0; ; attempt++) {
      await this.refresh();
      if (onlyFirst && this.users.size > 0) throw new UserInputError('username', 'there are users already');
      const usernames = new Set([...this.users.values()].map((u) => u.username));
      const taken = inputs.find((input) => usernames.has(input.username));
      if (taken) throw new UserInputError('username', `the username "${taken.username}" is taken`);
      const events: UserEvent[] = inputs.map((input, i) => ({
        type: 'user.Created',
        data: {
          userId: randomUUID(),
          username: input.username,
          name: input.name.trim(),
          role: input.role,
          ...(input.hall ? { hall: input.hall } : {}),
          ...(input.department ? { department: input.department } : {}),
          passwordHash: passwordHashes[i],
          createdBy,
        },
      }));
      try {
        // The expected revision makes username uniqueness hold across racing writers.
        await this.store.appendToStream(USERS_STREAM, events, {
          expectedRevision: this.revision ?? NO_STREAM,
        });
      } catch (error) {
        if (error instanceof WrongExpectedRevisionError && attempt < 3) continue;
        throw error;
      }
      await this.refresh();
      return events.map((event) => publicUser(this.users.get(event.data.userId)!));
    }
  }

  /** Sets a new password (the old hash stays in the log; see ADR 0008). */
  async changePassword(username: string, password: string): Promise<void> {
    const weak = passwordProblem(password);
    if (weak) throw new UserInputError('password', weak);
    const passwordHash = await hashPassword(password);
    await this.appendFor(username, (user) => ({
      type: 'user.PasswordChanged',
      data: { userId: user.userId, passwordHash },
    }));
  }

  /** A new role and scope; the user's tokens stop working (they sign in again to act in the new role). */
  async changeRole(
    username: string,
    change: { role: UserRole; hall?: string; department?: string },
    by: string,
  ): Promise<void> {
    const scope = scopeProblem(change);
    if (scope) throw new UserInputError('scope', scope);
    await this.appendFor(username, (user) => ({
      type: 'user.RoleChanged',
      data: {
        userId: user.userId,
        role: change.role,
        ...(change.hall ? { hall: change.hall } : {}),
        ...(change.department ? { department: change.department } : {}),
        by,
      },
    }));
  }

  /** The user can no longer sign in, and their tokens stop working. */
  async disable(username: string, by: string): Promise<void> {
    await this.appendFor(username, (user) => ({ type: 'user.Disabled', data: { userId: user.userId, by } }));
  }

  private async appendFor(username: string, event: (user: StoredUser) => UserEvent): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      await this.refresh();
      const user = [...this.users.values()].find((u) => u.username === username);
      if (!user) throw new UserInputError('username', `there is no user "${username}"`);
      try {
        await this.store.appendToStream(USERS_STREAM, [event(user)], {
          expectedRevision: this.revision ?? NO_STREAM,
        });
        await this.refresh();
        return;
      } catch (error) {
        if (error instanceof WrongExpectedRevisionError && attempt < 3) continue;
        throw error;
      }
    }
  }

  async count(): Promise<number> {
    await this.refresh();
    return this.users.size;
  }
}
