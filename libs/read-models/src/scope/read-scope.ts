import type { Actor } from '@one-window/shared';

/**
 * Whose data a caller may read (DOMAIN §2): a clerk their hall, an approver or head every case
 * their department handles a step of, a review officer their office, an administrator everything.
 * The server passes the caller's scope into every query.
 */
export type ReadScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'hall'; readonly hall: string }
  /** Cases whose main department (the guide's) is this one. */
  | { readonly kind: 'department'; readonly department: string }
  /**
   * Cases this department handles: the main department, or the department of any step of the
   * case's guide — the case engine lets a later step's approver act, so they must read the case.
   */
  | { readonly kind: 'handling'; readonly department: string }
  | { readonly kind: 'none' };

export const ALL_SCOPE: ReadScope = { kind: 'all' };

/** What a scope is checked against: the case's hall, main department and its steps' departments. */
export interface ScopedRecord {
  readonly hall: string;
  readonly department: string;
  /** Every department with a step in the case (see caseDepartments); only the `handling` scope reads it. */
  readonly departments?: readonly string[];
}

export function scopeForActor(actor: Actor): ReadScope {
  switch (actor.role) {
    case 'admin':
    case 'system':
      return ALL_SCOPE;
    case 'clerk':
      return actor.hall ? { kind: 'hall', hall: actor.hall } : { kind: 'none' };
    case 'approver':
    case 'head':
      return actor.department ? { kind: 'handling', department: actor.department } : { kind: 'none' };
    case 'reviewer':
      // A review officer belongs to the handling office: a department, or a hall's office.
      if (actor.department) return { kind: 'department', department: actor.department };
      return actor.hall ? { kind: 'hall', hall: actor.hall } : { kind: 'none' };
    default: {
      const unknown: never = actor.role;
      throw new Error(`Unknown role ${String(unknown)}`);
    }
  }
}

/** The departments a case involves: the guide's own, then each step's, once each. */
export function caseDepartments(guide: {
  readonly department: string;
  readonly steps: readonly { readonly department: string }[];
}): string[] {
  return [...new Set([guide.department, ...guide.steps.map((s) => s.department)])];
}

/**
 * A SQL condition (with its parameters) limiting rows to the scope; `hallColumn`/`departmentColumn`
 * name the columns. `caseKeyColumn` names the row's case key, which the `handling` scope looks up
 * in `case_departments`; without it (a task belongs to one department) the department column decides.
 */
export function scopeCondition(
  scope: ReadScope,
  hallColumn: string,
  departmentColumn: string,
  caseKeyColumn?: string,
): { sql: string; params: Record<string, string> } {
  switch (scope.kind) {
    case 'all':
      return { sql: '1 = 1', params: {} };
    case 'none':
      return { sql: '0 = 1', params: {} };
    case 'hall':
      return { sql: `${hallColumn} = @scopeHall`, params: { scopeHall: scope.hall } };
    case 'department':
      return { sql: `${departmentColumn} = @scopeDepartment`, params: { scopeDepartment: scope.department } };
    case 'handling':
      return {
        sql: caseKeyColumn
          ? `${caseKeyColumn} IN (SELECT k FROM case_departments WHERE department = @scopeDepartment)`
          : `${departmentColumn} = @scopeDepartment`,
        params: { scopeDepartment: scope.department },
      };
    default: {
      const unknown: never = scope;
      throw new Error(`Unknown scope ${JSON.stringify(unknown)}`);
    }
  }
}

export function inScope(scope: ReadScope, row: ScopedRecord): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'hall':
      return row.hall === scope.hall;
    case 'department':
      return row.department === scope.department;
    case 'handling':
      return row.department === scope.department || (row.departments ?? []).includes(scope.department);
    default: {
      const unknown: never = scope;
      throw new Error(`Unknown scope ${JSON.stringify(unknown)}`);
    }
  }
}
