import { Type } from 'class-transformer';
import { CodeField, EnumField, IntField } from '../http/fields.js';
import { ReadQueryDto } from '../http/read-query.dto.js';
import type { ViewDisposition } from './file-views.js';

/** GET /api/cases/{id}/files/{sha256}: shown in the page, or saved. */
export class FileQueryDto {
  @EnumField(['inline', 'download'] as const, { optional: true, description: 'inline (default) or download' })
  disposition?: ViewDisposition;
}

/** GET /api/admin/file-views: one case's views, or every view, in log order, paged by position. */
export class FileViewsQueryDto extends ReadQueryDto {
  @CodeField({ optional: true, description: 'only the views of this case' })
  caseId?: string;

  @Type(() => Number)
  @IntField(0, Number.MAX_SAFE_INTEGER, { optional: true, description: 'after this position (nextAfter)' })
  after?: number;

  @Type(() => Number)
  @IntField(1, 500, { optional: true, description: 'at most this many (100 by default)' })
  limit?: number;
}
