import { InvalidCalendarInputError } from '../errors.js';
import { thrown } from './thrown.js';

describe('thrown(run, kind), the specs’ reader of a refusal', () => {
  it('answers the error of that kind', () => {
    const error = new InvalidCalendarInputError('date', 'date: not a day');
    expect(
      thrown(() => {
        throw error;
      }, InvalidCalendarInputError),
    ).toBe(error);
  });

  it('throws on any other error, and fails when nothing is thrown', () => {
    expect(() =>
      thrown(() => {
        throw new TypeError('other');
      }, InvalidCalendarInputError),
    ).toThrow(TypeError);
    expect(() => thrown(() => 1, InvalidCalendarInputError)).toThrow(
      'expected InvalidCalendarInputError to be thrown',
    );
  });
});
