/** The record exists but lies outside the caller's hall or department: the server answers 403. */
export class OutOfScopeError extends Error {
  readonly type = 'out-of-scope' as const;
  constructor(
    readonly resource: string,
    readonly id: string,
  ) {
    super(`${resource} ${id} is outside your hall or department`);
    this.name = 'OutOfScopeError';
  }
}
