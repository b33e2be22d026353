import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { MaterialForm } from '../../events.js';

export class SubmittedMaterialDto {
  @IsString() @IsNotEmpty() @MaxLength(100) code!: string;
  @IsIn(['original', 'copy', 'electronic', 'shared']) form!: MaterialForm;
}
