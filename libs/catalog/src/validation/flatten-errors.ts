import type { ValidationError } from 'class-validator';

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** class-validator's error tree → one `{field, message}` per failed constraint, with paths like `materials[2].copies`. */
export function flattenErrors(errors: readonly ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = /^\d+$/.test(e.property)
      ? `${parent}[${e.property}]`
      : parent
        ? `${parent}.${e.property}`
        : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) => ({
      field,
      message: withoutSubject(m, e.property),
    }));
    return [...own, ...flattenErrors(e.children ?? [], field)];
  });
}

// class-validator's default messages start with the property name, which the field already says.
function withoutSubject(message: string, property: string): string {
  return message.startsWith(property + ' ') ? message.slice(property.length + 1) : message;
}
