import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
  ValidateNested,
} from 'class-validator';
import { CODE_PATTERN, DATE_PATTERN, LIMITS } from './limits.js';

/**
 * Field decorators that keep validation and the OpenAPI schema saying the same thing.
 * The type check is registered first so a wrong type reports "must be a string", not a length.
 */
interface FieldOptions {
  readonly description?: string;
  readonly example?: unknown;
  readonly optional?: boolean;
}

function doc(options: FieldOptions, schema: Record<string, unknown>): PropertyDecorator {
  const base = { description: options.description, example: options.example, ...schema };
  return options.optional ? ApiPropertyOptional(base) : ApiProperty(base);
}

function optional(options: FieldOptions, ...decorators: PropertyDecorator[]): PropertyDecorator {
  return applyDecorators(...(options.optional ? [IsOptional()] : []), ...decorators);
}

export function TextField(max: number = LIMITS.text, options: FieldOptions = {}): PropertyDecorator {
  return optional(
    options,
    IsString(),
    Length(1, max),
    doc(options, { type: String, minLength: 1, maxLength: max }),
  );
}

export function DateField(options: FieldOptions = {}): PropertyDecorator {
  return optional(
    options,
    IsString(),
    Matches(DATE_PATTERN, { message: ({ property }) => `${property} must be a date YYYY-MM-DD` }),
    doc(options, { type: String, format: 'date', example: options.example ?? '2026-03-16' }),
  );
}

export function IntField(min: number, max: number, options: FieldOptions = {}): PropertyDecorator {
  return optional(
    options,
    IsInt(),
    Min(min),
    Max(max),
    doc(options, { type: Number, minimum: min, maximum: max }),
  );
}

export function BooleanField(options: FieldOptions = {}): PropertyDecorator {
  return optional(options, IsBoolean(), doc(options, { type: Boolean }));
}

export function EnumField(values: readonly string[], options: FieldOptions = {}): PropertyDecorator {
  return optional(options, IsIn(values), doc(options, { enum: values }));
}

export function NestedField(type: () => new () => object, options: FieldOptions = {}): PropertyDecorator {
  return optional(
    options,
    IsObject({ message: ({ property }) => `${property} must be an object` }),
    ValidateNested(),
    Type(type),
    doc(options, { type: type() }),
  );
}

export function ListField(
  type: () => new () => object,
  options: FieldOptions & { min?: number; max?: number } = {},
): PropertyDecorator {
  return optional(
    options,
    IsArray(),
    ArrayMinSize(options.min ?? 0),
    ArrayMaxSize(options.max ?? LIMITS.list),
    ValidateNested({ each: true }),
    Type(type),
    doc(options, { type: [type()] }),
  );
}

export function TextListField(
  max: number,
  options: FieldOptions & { min?: number; maxItems?: number } = {},
): PropertyDecorator {
  return optional(
    options,
    IsArray(),
    ArrayMinSize(options.min ?? 0),
    ArrayMaxSize(options.maxItems ?? LIMITS.list),
    IsString({ each: true }),
    Length(1, max, { each: true }),
    doc(options, { type: [String] }),
  );
}

export function CodeField(options: FieldOptions = {}): PropertyDecorator {
  return optional(
    options,
    IsString(),
    Length(1, LIMITS.code),
    Matches(CODE_PATTERN, {
      message: ({ property }) => `${property} must be a code of letters, digits, ".", ":", "_" or "-"`,
    }),
    doc(options, { type: String, maxLength: LIMITS.code }),
  );
}
