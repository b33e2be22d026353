import { Matches } from 'class-validator';

/** A China business date `YYYY-MM-DD` (the decider also checks it is a real day). */
export const IsBusinessDate = (): PropertyDecorator =>
  Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' });
