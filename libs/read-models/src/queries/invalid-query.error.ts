import { FieldError } from '@one-window/shared/errors';

/** A query filter the read models cannot answer (bad date, unknown status, page out of range): 400. */
export class InvalidQueryError extends FieldError(Error) {
  readonly type = 'invalid-query' as const;
  override readonly name = 'InvalidQueryError';
}
