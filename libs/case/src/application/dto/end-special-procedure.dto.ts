import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class EndSpecialProcedureDto {
  @IsString() @IsNotEmpty() @MaxLength(4000) result!: string;
}
