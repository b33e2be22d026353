import { RateServiceDto } from '@one-window/case';
import { pickFields, TextField } from '@one-window/shared';

export class RatingTokenDto {
  @TextField(100, { description: 'the token of the QR rating link (after #/rate/)' })
  token!: string;
}

/** The rating link's token, then the desk's own RateService fields (level, comment): one schema of them. */
export const PublicRatingDto = pickFields('PublicRatingDto', RateServiceDto, ['level', 'comment'], RatingTokenDto);
export type PublicRatingDto = InstanceType<typeof PublicRatingDto>;
