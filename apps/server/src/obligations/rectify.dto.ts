import { TextField } from '../http/fields.js';

export class RectifyDto {
  @TextField()
  measures!: string;
}
