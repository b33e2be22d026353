import { TextField } from '../../http/fields.js';

export class OpinionDto {
  @TextField()
  opinion!: string;
}
