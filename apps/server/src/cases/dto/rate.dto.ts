import {
  RATING_CHANNELS,
  RATING_STAGES,
  type RatingChannel,
  type RatingLevel,
  type RatingStage,
} from '@one-window/case';
import { EnumField, IntField, TextField } from '../../http/fields.js';

export class RateDto {
  @IntField(1, 5, { description: '1 非常满意 … 5 非常不满意; 4 and 5 are a bad rating' })
  level!: RatingLevel;

  @EnumField(RATING_CHANNELS)
  channel!: RatingChannel;

  @TextField(undefined, { optional: true })
  comment?: string;

  @EnumField(RATING_STAGES, { optional: true })
  stage?: RatingStage;
}
