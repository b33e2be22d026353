import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { RatingChannel, RatingLevel, RatingStage } from '../../events.js';

export class RateServiceDto {
  @IsInt() @Min(1) @Max(5) level!: RatingLevel;
  @IsIn(['window-device', 'qr-code', 'sms', 'hotline-12345', 'app', 'portal']) channel!: RatingChannel;
  @IsOptional() @IsString() @MaxLength(2000) comment?: string;
  @IsOptional() @IsIn(['front-desk', 'back-office', 'delivery', 'overall']) stage?: RatingStage;
}
