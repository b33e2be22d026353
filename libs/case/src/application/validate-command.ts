/**
 * Shape checks for a command, with the registry's schema — the same class the HTTP layer
 * validates bodies with — so the engine refuses malformed input (400, one entry per bad field)
 * whoever sends it. The decider then checks meaning (materials of the guide, dates in order, …).
 */
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import type { CaseCommand } from '../commands.js';
import { cacheValidationMetadata, constraintRule } from '@one-window/shared';
import { DomainError, type FieldError, type MessageRef } from '../domain/errors.js';
import { routeParams, TARGET_ID } from '../registry/command-definition.js';
import { commandDefinition } from '../registry/registry.js';

// The engine validates every command that did not come over HTTP: its rules are looked up once.
cacheValidationMetadata();

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/**
 * `schema: false` skips the body's class-validator check (the sender ran it: `CommandMeta.schemaChecked`);
 * the type, ids and step numbers are checked whoever sends.
 */
export function validateCommand(command: CaseCommand, options: { schema?: boolean } = {}): void {
  const definition = commandDefinition(command.type);
  if (!definition) throw DomainError.invalidField('type', `Unknown command ${String(command.type)}`);
  const { type: _type, ...payload } = command as CaseCommand & Record<string, unknown>;
  const problems: FieldError[] = [];
  const rules: MessageRef[] = [];
  const idField = TARGET_ID[definition.target];
  if (idField !== null) {
    const value = payload[idField];
    if (typeof value !== 'string' || !ID.test(value)) {
      problems.push({ field: idField, message: `${idField} is not a valid id` });
      rules.push({ code: 'id' });
    }
    delete payload[idField];
  }
  for (const param of routeParams(definition)) {
    const value = payload[param];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      problems.push({ field: param, message: `${param} must be a positive whole number` });
      rules.push({ code: 'positive-integer' });
    }
    delete payload[param];
  }
  if (definition.schema && options.schema !== false) {
    const errors = validateSync(plainToInstance(definition.schema, payload), {
      forbidUnknownValues: false,
    });
    for (const { error, rule } of flatten(errors)) {
      problems.push(error);
      rules.push(rule);
    }
  }
  if (problems.length > 0) {
    throw DomainError.invalid(
      `Invalid ${command.type}: ${problems.map((p) => p.message).join('; ')}`,
      problems,
      rules,
    );
  }
}

function flatten(errors: readonly ValidationError[], prefix = ''): { error: FieldError; rule: MessageRef }[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      error: { field, message: message.replace(error.property, field) },
      rule: constraintRule(constraint, error.target, error.property, error.value),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
