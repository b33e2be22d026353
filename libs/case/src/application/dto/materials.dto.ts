import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, ValidateNested } from 'class-validator';
import { SubmittedMaterialDto } from './submitted-material.dto.js';

/** Materials handed in: a correction (submit-correction) or deficient materials (supply-deficiency). */
export class MaterialsDto {
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => SubmittedMaterialDto)
  materials!: SubmittedMaterialDto[];
}
