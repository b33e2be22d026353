import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import type { DispatchMethod } from '../../events.js';

export class DispatchResultDto {
  @IsIn(['window', 'courier', 'electronic']) method!: DispatchMethod;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) trackingNumber?: string;
}
