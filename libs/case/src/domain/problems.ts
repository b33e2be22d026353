import { DomainError, type FieldError } from './errors.js';
import { isBusinessDate } from '@one-window/calendar';

/** Collects every bad field of a command, then fails once with all of them (400). */
export class Problems {
  private readonly list: FieldError[] = [];

  add(field: string, message: string): this {
    this.list.push({ field, message });
    return this;
  }

  check(ok: boolean, field: string, message: string): this {
    return ok ? this : this.add(field, message);
  }

  text(value: unknown, field: string): this {
    return this.check(
      typeof value === 'string' && value.trim().length > 0,
      field,
      `${field} must not be empty`,
    );
  }

  date(value: unknown, field: string): this {
    return this.check(
      typeof value === 'string' && isBusinessDate(value),
      field,
      `${field} must be a date YYYY-MM-DD`,
    );
  }

  integer(value: unknown, field: string, min: number, max: number): this {
    return this.check(
      typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max,
      field,
      `${field} must be a whole number from ${min} to ${max}`,
    );
  }

  oneOf<T>(value: unknown, allowed: readonly T[], field: string): this {
    return this.check(allowed.includes(value as T), field, `${field} must be one of ${allowed.join(', ')}`);
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  throwIfAny(message = 'The command is invalid'): void {
    if (this.list.length > 0) {
      throw DomainError.invalid(`${message}: ${this.list.map((p) => p.message).join('; ')}`, this.list);
    }
  }
}
