// The calendar's own unit specs only: `npm run test:mutation:calendar` measures what they pin by
// themselves, in minutes (the case specs reach the calendar too, through every date they compute).
import mutation from './jest.mutation.config.js';

export default {
  ...mutation,
  roots: ['<rootDir>/libs/calendar/src'],
  testMatch: ['<rootDir>/libs/calendar/src/**/*.spec.ts'],
};
