/** Who sends a command or asks a question: one role and one scope (DOMAIN.md §2). */
export type Role = 'clerk' | 'approver' | 'head' | 'reviewer' | 'admin' | 'system';

export interface Actor {
  readonly userId: string;
  readonly name: string;
  readonly role: Role;
  /** Hall id (division code based) for clerks. */
  readonly hall?: string;
  /** Department id for approvers and heads (and reviewers of a handling office). */
  readonly department?: string;
}

/** The actor durable timers act as. */
export const SYSTEM_ACTOR: Actor = { userId: 'system', name: 'One Window scheduler', role: 'system' };
