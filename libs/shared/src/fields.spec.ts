import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { fieldSchemas, IntField, NestedField, pickFields, TextField } from './fields.js';

class Inner {
  @TextField(3)
  code!: string;
}

class Source {
  @IntField(1, 5)
  level!: number;

  @NestedField(() => Inner, { optional: true })
  inner?: Inner;

  @TextField(10)
  left!: string;
}

class Base {
  @TextField(4)
  token!: string;
}

const Picked = pickFields('Picked', Source, ['level', 'inner'], Base);
const failing = (body: object) =>
  validateSync(plainToInstance(Picked, body)).map((e) => [e.property, ...(e.children ?? []).map((c) => c.property)]);

describe('pickFields', () => {
  it("puts the source's own decorators on the picked fields: the same checks and the same schemas", () => {
    expect(Picked.name).toBe('Picked');
    expect([...fieldSchemas(Picked).keys()]).toEqual(['token', 'level', 'inner']);
    expect(fieldSchemas(Picked).get('level')).toEqual(fieldSchemas(Source).get('level'));
    expect(failing({ token: 'abcd', level: 5, inner: { code: 'abc' } })).toEqual([]);
    // Own fields first, the base's after, as for `class Picked extends Base { level; inner }`.
    expect(failing({ token: 'abcde', level: 6, inner: { code: 'abcd' } })).toEqual([
      ['level'],
      ['inner', 'code'],
      ['token'],
    ]);
    // A field not picked is not checked.
    expect(failing({ token: 'a', level: 1, left: 7 })).toEqual([]);
  });

  it('refuses a field the source does not have', () => {
    expect(() => pickFields('Bad', Source, ['nothing' as keyof Source], Base)).toThrow('Source has no field nothing');
  });
});
