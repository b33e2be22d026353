import { IsString, ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * A named rule that may look at the whole object being validated (same-object cross-field
 * rules such as "promised ≤ statutory"). `check` gets the property value and its owner.
 */
export function Rule<T extends object>(
  name: string,
  check: (value: unknown, owner: T) => boolean,
  message: string | ((value: unknown, owner: T) => string),
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value, args) => check(value, args!.object as T),
        defaultMessage: (args) =>
          typeof message === 'string' ? message : message(args!.value, args!.object as T),
      },
    },
    options,
  );
}

/** A string with something other than whitespace in it. */
export function NotBlank(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'notBlank',
      validator: {
        validate: (value) => typeof value === 'string' && value.trim() !== '',
        defaultMessage: () => 'must not be blank',
      },
    },
    options,
  );
}

/**
 * A string with something other than whitespace in it, `options` (a message, `each`) for both
 * checks; the type check is registered first, so a number reports "must be a string", not blank.
 */
export function NonBlankText(options?: ValidationOptions): PropertyDecorator {
  return (target, property) => {
    IsString(options)(target, property);
    NotBlank(options)(target, property);
  };
}
