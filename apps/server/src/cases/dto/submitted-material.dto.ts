import type { MaterialForm } from '@one-window/case';
import { CodeField, EnumField } from '../../http/fields.js';

export const MATERIAL_FORMS: readonly MaterialForm[] = ['original', 'copy', 'electronic', 'shared'];

export class SubmittedMaterialDto {
  @CodeField({ description: "a material code of the item's guide", example: 'M01' })
  code!: string;

  @EnumField(MATERIAL_FORMS, { description: '`shared`: fetched from a data-sharing source' })
  form!: MaterialForm;
}
