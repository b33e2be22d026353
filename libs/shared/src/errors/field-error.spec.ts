import { FieldError } from './field-error.js';

abstract class LibError extends Error {
  abstract readonly type: string;
}

class BadInput extends FieldError(LibError) {
  readonly type = 'bad-input' as const;
  override readonly name = 'BadInput';
}

describe('FieldError: a lib error about one input field', () => {
  it('keeps the field and the message, and is an instance of the base it was built on', () => {
    const error = new BadInput('day', 'must be a YYYY-MM-DD day');
    expect(error).toBeInstanceOf(LibError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ field: 'day', message: 'must be a YYYY-MM-DD day', type: 'bad-input' });
    expect(error.name).toBe('BadInput');
    expect(error.stack).toMatch(/^BadInput: must be a YYYY-MM-DD day\n/);
  });

  it('builds on Error itself', () => {
    class Plain extends FieldError(Error) {}
    expect(new Plain('page', 'out of range')).toMatchObject({ field: 'page', message: 'out of range' });
  });
});
