import { IsInt, Min } from 'class-validator';
import { EndSpecialProcedureDto } from './end-special-procedure.dto.js';

/** EndSpecialProcedure as a whole command: the procedure's number (from the path) and its result. */
export class EndSpecialProcedureCommandDto extends EndSpecialProcedureDto {
  @IsInt() @Min(1) n!: number;
}
