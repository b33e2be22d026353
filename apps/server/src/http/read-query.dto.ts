import { Type } from 'class-transformer';
import { IntField } from './fields.js';

/** Every read accepts `?minPosition=`: wait until the read models have passed that position. */
export class ReadQueryDto {
  @Type(() => Number)
  @IntField(0, Number.MAX_SAFE_INTEGER, {
    optional: true,
    description: 'a `position` from a command answer: the read waits until it is visible (then 503)',
  })
  minPosition?: number;
}

/** A read's filter: its query without `minPosition`, which the read-your-writes interceptor waited for. */
export function readFilter<Q extends ReadQueryDto>(query: Q): Omit<Q, 'minPosition'> {
  const { minPosition: _wait, ...filter } = query;
  return filter;
}
