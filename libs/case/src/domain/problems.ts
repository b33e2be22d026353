import type { MessageParams } from '@one-window/shared';
import { DomainError, type FieldError, type MessageRef } from './errors.js';
import { isBusinessDate } from '@one-window/calendar';

/** Collects every bad field of a command, then fails once with all of them (400). */
export class Problems {
  private readonly list: FieldError[] = [];
  private readonly rules: MessageRef[] = [];

  /** `code` and `params`: the rule broken, in the message catalog's words (ADR 15). */
  add(field: string, message: string, code = 'invalid', params?: MessageParams): this {
    this.list.push({ field, message });
    this.rules.push(params ? { code, params } : { code });
    return this;
  }

  check(ok: boolean, field: string, message: string, code?: string, params?: MessageParams): this {
    return ok ? this : this.add(field, message, code, params);
  }

  /** A list the command must not leave empty (a notice's items, the materials handed in). */
  atLeastOne(list: readonly unknown[], field: string, message: string): this {
    return this.check(list.length > 0, field, message, 'at-least-one');
  }

  text(value: unknown, field: string): this {
    return this.check(
      typeof value === 'string' && value.trim().length > 0,
      field,
      `${field} must not be empty`,
      'required',
    );
  }

  boolean(value: unknown, field: string): this {
    return this.check(typeof value === 'boolean', field, `${field} must be true or false`, 'boolean');
  }

  date(value: unknown, field: string): this {
    return this.check(
      typeof value === 'string' && isBusinessDate(value),
      field,
      `${field} must be a date YYYY-MM-DD`,
      'date',
    );
  }

  /** A date the command may set (a deadline, a validity): when given, a date after `today`. */
  dateAfter(value: string | undefined, field: string, today: string): this {
    if (value === undefined) return this;
    return this.date(value, field).check(
      value > today,
      field,
      `${field} must be after today`,
      'after-today',
      {
        today,
      },
    );
  }

  integer(value: unknown, field: string, min: number, max: number): this {
    return this.check(
      typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max,
      field,
      `${field} must be a whole number from ${min} to ${max}`,
      'integer-range',
      { min, max },
    );
  }

  oneOf<T>(value: unknown, allowed: readonly T[], field: string): this {
    return this.check(
      allowed.includes(value as T),
      field,
      `${field} must be one of ${allowed.join(', ')}`,
      'one-of',
      { allowed: allowed.map(String) },
    );
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  throwIfAny(message = 'The command is invalid'): void {
    if (this.list.length > 0) {
      throw DomainError.invalid(
        `${message}: ${this.list.map((p) => p.message).join('; ')}`,
        this.list,
        this.rules,
      );
    }
  }
}
