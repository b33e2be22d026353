import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class CorrectionItemDto {
  @IsString() @IsNotEmpty() @MaxLength(100) code!: string;
  @IsString() @IsNotEmpty() @MaxLength(2000) problem!: string;
}
