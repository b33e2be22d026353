import { addNaturalDays, chinaDate, chinaDayEnd } from './dates.js';
import { InvalidCalendarInputError } from './errors.js';

/**
 * How "within 15 natural days" ends.
 * - `end-of-day`: at 24:00 China time of the 15th day after the rating day (the rating day is not
 *   counted and a period in days ends at 24:00 of its last day: Civil Code Art. 201, 203).
 * - `elapsed`: exactly days × 24 hours after the rating.
 */
export type NaturalDayRule = 'end-of-day' | 'elapsed';

/** Bad-rating follow-up limits (Art. 36). Other regions use other figures, hence a setting. */
export interface RatingLimits {
  readonly callbackHours: number;
  readonly rectificationDays: number;
  readonly rectificationRule: NaturalDayRule;
}

export const DEFAULT_RATING_LIMITS: RatingLimits = {
  callbackHours: 48,
  rectificationDays: 15,
  rectificationRule: 'end-of-day',
};

const HOUR_MS = 3_600_000;

function instant(value: Date | string, field: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new InvalidCalendarInputError(field, `${field} is not a valid instant`);
  return date;
}

function positive(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new InvalidCalendarInputError(field, `${field} must be a whole number > 0, got ${String(value)}`);
  }
  return value;
}

/** Callback-and-verify due: a period in hours runs from the moment of the rating, in natural time. */
export function callbackDue(ratedAt: Date | string, limits: RatingLimits = DEFAULT_RATING_LIMITS): Date {
  return new Date(
    instant(ratedAt, 'ratedAt').getTime() + positive(limits.callbackHours, 'callbackHours') * HOUR_MS,
  );
}

/** Rectification (or explanation) due: natural days, holidays included. */
export function rectificationDue(ratedAt: Date | string, limits: RatingLimits = DEFAULT_RATING_LIMITS): Date {
  const at = instant(ratedAt, 'ratedAt');
  const days = positive(limits.rectificationDays, 'rectificationDays');
  switch (limits.rectificationRule) {
    case 'end-of-day':
      return chinaDayEnd(addNaturalDays(chinaDate(at), days));
    case 'elapsed':
      return new Date(at.getTime() + days * 24 * HOUR_MS);
    default: {
      const unknown: never = limits.rectificationRule;
      throw new InvalidCalendarInputError('rectificationRule', `unknown rule ${String(unknown)}`);
    }
  }
}

export interface RatingFollowUpDue {
  readonly callbackDue: Date;
  readonly rectificationDue: Date;
}

export function ratingFollowUpDue(
  ratedAt: Date | string,
  limits: RatingLimits = DEFAULT_RATING_LIMITS,
): RatingFollowUpDue {
  return { callbackDue: callbackDue(ratedAt, limits), rectificationDue: rectificationDue(ratedAt, limits) };
}
