import type { Role } from '@one-window/shared';

/** A person a command names other than its actor (转办's assignee): who they are and where they act. */
export interface StaffMember {
  readonly userId: string;
  readonly name: string;
  readonly role: Role;
  /** A department id, for approvers and heads. */
  readonly department?: string;
  /** A hall id, for clerks. */
  readonly hall?: string;
  readonly disabled: boolean;
}

/**
 * The staff lookup port (ADR 0010): the executor asks it, before deciding, for the people a
 * slice's command names; the server binds it once to the identity lib's `UsersStore`.
 */
export interface StaffDirectory {
  get(userId: string): Promise<StaffMember | undefined>;
}

/** The people a command names, looked up before deciding; a missing id names no one. */
export type NamedStaff = ReadonlyMap<string, StaffMember>;

export const NO_STAFF: NamedStaff = new Map();
