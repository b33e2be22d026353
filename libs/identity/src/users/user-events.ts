import type { User } from './user.js';

/** The `users` stream: who may sign in. Events, like everything else, so EventStoreDB deployments share one list. */
export const USERS_STREAM = 'users';

export type UserEvent =
  | {
      readonly type: 'user.Created';
      readonly data: Omit<User, 'disabled'> & {
        readonly passwordHash: string;
        readonly createdBy: string;
      };
    }
  | {
      readonly type: 'user.PasswordChanged';
      readonly data: { readonly userId: string; readonly passwordHash: string };
    }
  | { readonly type: 'user.Disabled'; readonly data: { readonly userId: string; readonly by: string } }
  | {
      readonly type: 'user.RoleChanged';
      readonly data: Pick<User, 'userId' | 'role' | 'hall' | 'department'> & { readonly by: string };
    };
