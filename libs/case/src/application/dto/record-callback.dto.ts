import { IsBoolean, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class RecordCallbackDto {
  @IsString() @IsNotEmpty() @MaxLength(4000) notes!: string;
  @IsBoolean() verified!: boolean;
}
