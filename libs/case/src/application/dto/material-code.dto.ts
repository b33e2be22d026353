import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class MaterialCodeDto {
  @IsString() @IsNotEmpty() @MaxLength(100) code!: string;
}
