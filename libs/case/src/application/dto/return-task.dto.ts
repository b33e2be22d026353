import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class ReturnTaskDto {
  /** An earlier step's name, or `front-desk`. */
  @IsString() @IsNotEmpty() @MaxLength(100) to!: string;
  @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
}
