import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class OpinionDto {
  @IsString() @IsNotEmpty() @MaxLength(4000) opinion!: string;
}
