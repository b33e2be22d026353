import { TextField } from '../../http/fields.js';

export class EndSpecialProcedureDto {
  @TextField()
  result!: string;
}
