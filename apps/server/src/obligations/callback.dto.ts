import { BooleanField, TextField } from '../http/fields.js';

export class CallbackDto {
  @TextField()
  notes!: string;

  @BooleanField({ description: 'the complaint was verified with the applicant' })
  verified!: boolean;
}
