import type { Actor } from '@one-window/shared';

/**
 * Whose data a caller may read (DOMAIN §2): a clerk their hall, an approver or head their
 * department, an administrator everything. The server passes the caller's scope into every query.
 */
export type ReadScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'hall'; readonly hall: string }
  | { readonly kind: 'department'; readonly department: string }
  | { readonly kind: 'none' };

export const ALL_SCOPE: ReadScope = { kind: 'all' };

export function scopeForActor(actor: Actor): ReadScope {
  switch (actor.role) {
    case 'admin':
    case 'system':
      return ALL_SCOPE;
    case 'clerk':
      return actor.hall ? { kind: 'hall', hall: actor.hall } : { kind: 'none' };
    case 'approver':
    case 'head':
      return actor.department ? { kind: 'department', department: actor.department } : { kind: 'none' };
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

/** A SQL condition (with its parameters) limiting rows to the scope; `hallColumn`/`departmentColumn` name the columns. */
export function scopeCondition(
  scope: ReadScope,
  hallColumn: string,
  departmentColumn: string,
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
    default: {
      const unknown: never = scope;
      throw new Error(`Unknown scope ${JSON.stringify(unknown)}`);
    }
  }
}

export function inScope(scope: ReadScope, row: { hall: string; department: string }): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'hall':
      return row.hall === scope.hall;
    case 'department':
      return row.department === scope.department;
    default: {
      const unknown: never = scope;
      throw new Error(`Unknown scope ${JSON.stringify(unknown)}`);
    }
  }
}
