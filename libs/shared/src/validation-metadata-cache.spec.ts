import { IsInt, IsString, MaxLength, Min, validateSync } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache.js';

class Base {
  @IsString()
  @MaxLength(3)
  name!: unknown;
}

class Derived extends Base {
  @IsInt()
  @Min(1)
  count!: unknown;
}

const errorsOf = (value: object): Record<string, string[]> =>
  Object.fromEntries(validateSync(value).map((e) => [e.property, Object.keys(e.constraints ?? {}).sort()]));

describe('the remembered validation rules', () => {
  it('validate exactly as class-validator does, inherited rules included, and see classes defined later', () => {
    const bad = (): Derived => Object.assign(new Derived(), { name: 'toolong', count: 0 });
    const before = errorsOf(bad());
    expect(before).toEqual({ name: ['maxLength'], count: ['min'] });
    cacheValidationMetadata();
    cacheValidationMetadata();
    expect(errorsOf(bad())).toEqual(before);
    expect(errorsOf(bad())).toEqual(before);
    expect(errorsOf(Object.assign(new Derived(), { name: 'ok', count: 2 }))).toEqual({});
    expect(errorsOf(Object.assign(new Base(), { name: 5 }))).toEqual({ name: ['isString', 'maxLength'] });

    // A rule registered after the first lookups (a class defined later) is seen.
    class Later extends Derived {
      @IsString()
      note!: unknown;
    }
    expect(errorsOf(Object.assign(new Later(), { name: 'ok', count: 2, note: 1 }))).toEqual({
      note: ['isString'],
    });
    expect(errorsOf(bad())).toEqual(before);
  });
});
