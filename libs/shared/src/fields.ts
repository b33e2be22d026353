/**
 * Field decorators that keep validation and the documented schema saying the same thing, with
 * no web framework: each applies its class-validator checks and records a JSON-schema fragment
 * that the server turns into OpenAPI (`fieldSchemas`). The type check is registered first so a
 * wrong type reports "must be a string", not a length.
 */
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { isCheckedIdNumber } from './id-numbers.js';
import { CODE_PATTERN, DATE_PATTERN, LIMITS } from './limits.js';

export interface FieldOptions {
  readonly description?: string;
  readonly example?: unknown;
  readonly optional?: boolean;
}

type Class = new () => object;

/** One field's documented shape; `type` names a nested class (`list`: an array of it). */
export interface FieldSchema {
  readonly kind: 'text' | 'date' | 'int' | 'boolean' | 'enum' | 'object' | 'list' | 'text-list' | 'code';
  readonly required: boolean;
  readonly description?: string;
  readonly example?: unknown;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly enum?: readonly string[];
  readonly type?: () => Class;
}

const SCHEMAS = new WeakMap<object, Map<string, FieldSchema>>();
/** Each field's own decorator, for `pickFields` to put the very same field on another class. */
const DECORATORS = new WeakMap<object, Map<string, PropertyDecorator>>();
const DESCRIBED = new Set<Class>();

/** The documented fields of a class, its parents' first (empty for a class without fields). */
export function fieldSchemas(cls: Class): ReadonlyMap<string, FieldSchema> {
  const chain: object[] = [];
  for (
    let p: object | null = cls.prototype as object;
    p && p !== Object.prototype;
    p = Object.getPrototypeOf(p) as object | null
  )
    chain.unshift(p);
  const out = new Map<string, FieldSchema>();
  for (const proto of chain) for (const [k, v] of SCHEMAS.get(proto) ?? []) out.set(k, v);
  return out;
}

/** Every class with a documented field (for the OpenAPI document). */
export function describedClasses(): readonly Class[] {
  return [...DESCRIBED];
}

function field(
  options: FieldOptions,
  schema: Omit<FieldSchema, 'required' | 'description' | 'example'>,
  ...checks: PropertyDecorator[]
): PropertyDecorator {
  const apply: PropertyDecorator = (target, key) => {
    const decorators = [...(options.optional ? [IsOptional()] : []), ...checks];
    for (const decorate of decorators) decorate(target, key);
    const own = SCHEMAS.get(target) ?? new Map<string, FieldSchema>();
    SCHEMAS.set(target, own);
    own.set(String(key), {
      ...schema,
      required: !options.optional,
      description: options.description,
      example: options.example,
    });
    DESCRIBED.add(target.constructor as Class);
    const decorated = DECORATORS.get(target) ?? new Map<string, PropertyDecorator>();
    DECORATORS.set(target, decorated);
    decorated.set(String(key), apply);
  };
  return apply;
}

/**
 * The class `name`: `base`'s fields and the `keys` of `source`, each put on it by the decorator it
 * has in `source` (the same checks, the same documented schema) — a PickType/IntersectionType for
 * these decorators, so a body that takes some fields of a command does not write them again. The
 * picked fields are its own and `base`'s inherited, as in `class name extends base { …keys }`.
 */
export function pickFields<S extends object, K extends keyof S & string, B extends object>(
  name: string,
  source: new () => S,
  keys: readonly K[],
  base: new () => B,
): new () => B & Pick<S, K> {
  const Picked = class extends (base as new () => object) {};
  Object.defineProperty(Picked, 'name', { value: name });
  for (const key of keys) {
    let decorate: PropertyDecorator | undefined;
    for (let p: object | null = source.prototype as object; p && !decorate; p = Object.getPrototypeOf(p) as object | null)
      decorate = DECORATORS.get(p)?.get(key);
    if (!decorate) throw new Error(`${source.name} has no field ${key}`);
    decorate(Picked.prototype, key);
  }
  return Picked as new () => B & Pick<S, K>;
}

export function TextField(max: number = LIMITS.text, options: FieldOptions = {}): PropertyDecorator {
  return field(options, { kind: 'text', minLength: 1, maxLength: max }, IsString(), Length(1, max));
}

export function DateField(options: FieldOptions = {}): PropertyDecorator {
  return field(
    { ...options, example: options.example ?? '2026-03-16' },
    { kind: 'date' },
    IsString(),
    Matches(DATE_PATTERN, { message: ({ property }) => `${property} must be a date YYYY-MM-DD` }),
  );
}

export function IntField(min: number, max: number, options: FieldOptions = {}): PropertyDecorator {
  return field(options, { kind: 'int', minimum: min, maximum: max }, IsInt(), Min(min), Max(max));
}

export function BooleanField(options: FieldOptions = {}): PropertyDecorator {
  return field(options, { kind: 'boolean' }, IsBoolean());
}

export function EnumField(values: readonly string[], options: FieldOptions = {}): PropertyDecorator {
  return field(options, { kind: 'enum', enum: values }, IsIn(values));
}

export function NestedField(type: () => Class, options: FieldOptions = {}): PropertyDecorator {
  return field(
    options,
    { kind: 'object', type },
    IsObject({ message: ({ property }) => `${property} must be an object` }),
    ValidateNested(),
    Type(type),
  );
}

export function ListField(
  type: () => Class,
  options: FieldOptions & { min?: number; max?: number } = {},
): PropertyDecorator {
  const [minItems, maxItems] = [options.min ?? 0, options.max ?? LIMITS.list];
  return field(
    options,
    { kind: 'list', type, minItems, maxItems },
    IsArray(),
    ArrayMinSize(minItems),
    ArrayMaxSize(maxItems),
    ValidateNested({ each: true }),
    Type(type),
  );
}

export function TextListField(
  max: number,
  options: FieldOptions & { min?: number; maxItems?: number } = {},
): PropertyDecorator {
  const [minItems, maxItems] = [options.min ?? 0, options.maxItems ?? LIMITS.list];
  return field(
    options,
    { kind: 'text-list', maxLength: max, minItems, maxItems },
    IsArray(),
    ArrayMinSize(minItems),
    ArrayMaxSize(maxItems),
    IsString({ each: true }),
    Length(1, max, { each: true }),
  );
}

export function CodeField(options: FieldOptions = {}): PropertyDecorator {
  return field(
    options,
    { kind: 'code', maxLength: LIMITS.code },
    IsString(),
    Length(1, LIMITS.code),
    Matches(CODE_PATTERN, {
      message: ({ property }) => `${property} must be a code of letters, digits, ".", ":", "_" or "-"`,
    }),
  );
}

/** A field checked by the given class-validator decorators, documented as text (e.g. a pattern). */
export function PatternField(
  pattern: RegExp,
  message: string,
  options: FieldOptions & { maxLength?: number } = {},
): PropertyDecorator {
  return field(
    options,
    { kind: 'text', maxLength: options.maxLength },
    IsString(),
    Matches(pattern, { message }),
  );
}

/** The constraint name an ID number's check digit is broken under (rule `id-check-digit`). */
const ID_CHECK_DIGIT = 'idCheckDigit';

/**
 * An ID number of no stated type: 6–30 letters or digits and, at 18 characters, the check digit
 * of a resident ID number (GB 11643) or of a unified social credit code (GB 32100).
 */
export function IdNumberField(options: FieldOptions = {}): PropertyDecorator {
  return field(
    { ...options, example: options.example ?? '150102199001010019' },
    { kind: 'text', maxLength: 30 },
    IsString(),
    Matches(/^[0-9A-Za-z]{6,30}$/, {
      message: ({ property }) => `${property} must be 6–30 letters or digits`,
    }),
    ValidateBy({
      name: ID_CHECK_DIGIT,
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || isCheckedIdNumber(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'idNumber'} has a wrong check digit: an 18-character number must be a resident ID number (GB 11643) or a unified social credit code (GB 32100)`,
      },
    }),
  );
}

/** A broken rule in the message catalog's words: its code and params (ADR 15). */
export interface FieldRule {
  readonly code: string;
  readonly params?: Readonly<Record<string, number | readonly string[]>>;
}

/**
 * The rule a failed class-validator constraint stands for, with the field's documented limits as
 * params: so a refusal can be worded in any language from its code, not from class-validator's English.
 */
export function constraintRule(
  constraint: string,
  target: object | undefined,
  property: string,
  value: unknown,
): FieldRule {
  if (constraint === 'whitelistValidation') return { code: 'unknown-field' };
  if (value === undefined || value === null) return { code: 'required' };
  const schema = target ? fieldSchemas(target.constructor as Class).get(property) : undefined;
  switch (constraint) {
    case 'isString':
      return { code: 'text' };
    case 'isLength':
      return value === '' || (Array.isArray(value) && value.includes(''))
        ? { code: 'required' }
        : { code: 'max-length', params: { max: schema?.maxLength ?? LIMITS.text } };
    case 'matches':
      if (schema?.kind === 'date') return { code: 'date' };
      if (schema?.kind === 'code') return { code: 'code-format' };
      return property === 'phone' ? { code: 'phone-format' } : { code: 'invalid' };
    case 'isInt':
      return { code: 'integer' };
    case 'min':
    case 'max':
      return schema?.minimum !== undefined && schema.maximum !== undefined
        ? { code: 'integer-range', params: { min: schema.minimum, max: schema.maximum } }
        : { code: 'invalid' };
    case 'isBoolean':
      return { code: 'boolean' };
    case 'isIn':
      return { code: 'one-of', params: { allowed: schema?.enum ?? [] } };
    case 'isArray':
      return { code: 'list' };
    case 'arrayMinSize':
      return { code: 'list-min', params: { min: schema?.minItems ?? 1 } };
    case 'arrayMaxSize':
      return { code: 'list-max', params: { max: schema?.maxItems ?? LIMITS.list } };
    case ID_CHECK_DIGIT:
      return { code: 'id-check-digit' };
    case 'isNotEmpty':
    case 'isDefined':
      return { code: 'required' };
    default:
      return { code: 'invalid' };
  }
}
