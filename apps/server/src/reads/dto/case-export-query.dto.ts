import { EnumField } from '@one-window/shared';
import { CaseListQueryDto } from './case-list-query.dto.js';

export const REGISTER_FORMATS = ['csv', 'xlsx'] as const;
export type RegisterFormat = (typeof REGISTER_FORMATS)[number];

/** The case list's filters (cursor and paging aside) and the file's format. */
export class CaseExportQueryDto extends CaseListQueryDto {
  @EnumField(REGISTER_FORMATS, {
    description: 'csv: UTF-8 with a BOM (Excel opens it in Chinese); xlsx: one sheet',
  })
  format!: RegisterFormat;
}
