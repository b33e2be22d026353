import type { UserRole } from './user.js';

/** The `users` stream: who may sign in. Events, like everything else, so EventStoreDB deployments share one list. */
export const USERS_STREAM = 'users';

export type UserEvent =
  | {
      readonly type: 'user.Created';
      readonly data: {
        readonly userId: string;
        readonly username: string;
        readonly name: string;
        readonly role: UserRole;
        readonly hall?: string;
        readonly department?: string;
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
      readonly data: {
        readonly userId: string;
        readonly role: UserRole;
        readonly hall?: string;
        readonly department?: string;
        readonly by: string;
      };
    };
