import type { Role } from '@one-window/shared';

/** Roles a person can hold; `system` is reserved for the scheduler. */
export type UserRole = Exclude<Role, 'system'>;
export const USER_ROLES: readonly UserRole[] = ['clerk', 'approver', 'head', 'reviewer', 'admin'];

export interface User {
  readonly userId: string;
  readonly username: string;
  readonly name: string;
  readonly role: UserRole;
  /** A hall id, for clerks. */
  readonly hall?: string;
  /** A department id, for approvers and heads; reviewers have a hall or a department (their office). */
  readonly department?: string;
  readonly disabled: boolean;
}

export interface StoredUser extends User {
  readonly passwordHash: string;
  /**
   * Counts the changes that end the user's sessions (password, role or scope, disabling): a token
   * carries the version it was issued at and is refused once it differs.
   */
  readonly securityVersion: number;
}

/** What scope each role needs (DOMAIN.md §2: a clerk acts in one hall, an approver in one department). */
export function scopeProblem(user: Pick<User, 'role' | 'hall' | 'department'>): string | undefined {
  switch (user.role) {
    case 'clerk':
      if (!user.hall) return 'a clerk needs a hall';
      if (user.department) return 'a clerk has a hall, not a department';
      return undefined;
    case 'approver':
    case 'head':
      if (!user.department) return `a${user.role === 'approver' ? 'n approver' : ' head'} needs a department`;
      if (user.hall) return `a ${user.role} has a department, not a hall`;
      return undefined;
    case 'reviewer':
      // The office that follows up bad ratings: the hall's (front desk, delivery) or a department's.
      if (!user.hall === !user.department) return 'a reviewer needs a hall or a department (one of them)';
      return undefined;
    case 'admin':
      if (user.hall || user.department) return 'an administrator has no hall or department';
      return undefined;
    default: {
      const unknown: never = user.role;
      return `unknown role ${String(unknown)}`;
    }
  }
}
