/** A query filter the read models cannot answer (bad date, unknown status, page out of range): 400. */
export class InvalidQueryError extends Error {
  readonly type = 'invalid-query' as const;
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidQueryError';
  }
}
