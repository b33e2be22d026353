import { CodeField } from '../../http/fields.js';

export class MaterialCodeDto {
  @CodeField({ example: 'M03' })
  code!: string;
}
