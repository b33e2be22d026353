import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class RectifyObligationDto {
  @IsString() @IsNotEmpty() @MaxLength(4000) measures!: string;
}
