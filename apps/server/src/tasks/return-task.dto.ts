import { TextField } from '../http/fields.js';
import { LIMITS } from '../http/limits.js';

export class ReturnTaskDto {
  @TextField(LIMITS.code, {
    description: 'an earlier step name, or "front-desk" for correction',
    example: 'review',
  })
  to!: string;

  @TextField()
  reason!: string;
}
