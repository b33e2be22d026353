import { ListField } from '../../http/fields.js';
import { SubmittedMaterialDto } from './submitted-material.dto.js';

/** Materials handed in later: a correction, or deficient materials supplied. */
export class MaterialsDto {
  @ListField(() => SubmittedMaterialDto, { min: 1 })
  materials!: SubmittedMaterialDto[];
}
