import { TextField } from '../../http/fields.js';

export class ReasonDto {
  @TextField()
  reason!: string;
}
