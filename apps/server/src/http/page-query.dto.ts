import { Type } from 'class-transformer';
import { IntField } from './fields.js';
import { ReadQueryDto } from './read-query.dto.js';

/** Paged reads: `page` from 1, `pageSize` up to 200. */
export class PageQueryDto extends ReadQueryDto {
  @Type(() => Number)
  @IntField(1, 100_000, { optional: true })
  page?: number;

  @Type(() => Number)
  @IntField(1, 200, { optional: true })
  pageSize?: number;
}
