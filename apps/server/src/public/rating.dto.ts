import type { RatingLevel } from '@one-window/case';
import { IntField, LIMITS, TextField } from '@one-window/shared';

export class RatingTokenDto {
  @TextField(100, { description: 'the token of the QR rating link (after #/rate/)' })
  token!: string;
}

export class PublicRatingDto extends RatingTokenDto {
  @IntField(1, 5, { description: '1 非常满意 … 5 非常不满意; 4 and 5 are a bad rating (差评)' })
  level!: RatingLevel;

  @TextField(LIMITS.text, { optional: true })
  comment?: string;
}
