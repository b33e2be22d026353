import { CASE_KINDS, type CaseKind, ITEM_TYPES, type ItemType, type Level } from '@one-window/catalog';
import { Type } from 'class-transformer';
import { EnumField, IntField, TextField } from '../http/fields.js';
import { LIMITS } from '../http/limits.js';
import { ReadQueryDto } from '../http/read-query.dto.js';

export class CatalogQueryDto extends ReadQueryDto {
  @Type(() => Number)
  @IntField(2, 6, { optional: true, description: 'GB/T 39046 level: 2 region … 6 village' })
  level?: Level;

  @TextField(LIMITS.code, {
    optional: true,
    description: 'a department id: items it decides or takes a step of',
  })
  department?: string;

  @EnumField(ITEM_TYPES, { optional: true, description: 'GB/T 39046 A.1 item type' })
  type?: ItemType;

  @EnumField(CASE_KINDS, { optional: true })
  caseKind?: CaseKind;

  @TextField(LIMITS.name, { optional: true, description: 'text in the name, English name or code' })
  q?: string;
}

export class GuideQueryDto extends ReadQueryDto {
  @Type(() => Number)
  @IntField(1, 10_000, {
    optional: true,
    description: 'a given version (a case keeps the one it was received under)',
  })
  version?: number;
}
