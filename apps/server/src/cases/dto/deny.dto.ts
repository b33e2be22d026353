import { NestedField, TextListField } from '../../http/fields.js';
import { LIMITS } from '../../http/limits.js';
import { RemediesDto } from './remedies.dto.js';

export class DenyDto {
  @TextListField(LIMITS.text, { min: 1, maxItems: 20 })
  reasons!: string[];

  @NestedField(() => RemediesDto)
  remedies!: RemediesDto;
}
