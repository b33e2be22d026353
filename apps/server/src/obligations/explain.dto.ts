import { TextField } from '../http/fields.js';

export class ExplainDto {
  @TextField()
  explanation!: string;
}
