import { constraintRule } from '@one-window/shared';
import type { ValidationError } from 'class-validator';
import { type FieldProblem, type ProblemError, problems } from './problem-details.js';

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

function flatten(errors: readonly ValidationError[], parents: readonly string[], out: FieldProblem[]): void {
  for (const error of errors) {
    const path = [...parents, error.property];
    const pointer = `#/${path.map(escapePointer).join('/')}`;
    const constraints = Object.entries(error.constraints ?? {});
    if (constraints.length) {
      // class-validator's whitelist message reads oddly ("property x should not exist").
      const details = constraints.map(([rule, message]) =>
        rule === 'whitelistValidation' ? `unknown field "${error.property}"` : message,
      );
      // The first constraint broken names the rule (stopAtFirstError: usually the only one).
      const rule = constraintRule(constraints[0][0], error.target, error.property, error.value);
      out.push({ pointer, detail: details.join('; '), ...rule });
    }
    if (error.children?.length) flatten(error.children, path, out);
  }
}

/** One entry per bad field, with a JSON Pointer to it (RFC 9457 §3's `errors` example). */
export function validationProblem(errors: readonly ValidationError[]): ProblemError {
  const fields: FieldProblem[] = [];
  flatten(errors, [], fields);
  const names = [...new Set(fields.map((f) => f.pointer.slice(2) || '(body)'))];
  return problems.invalidInput(`${fields.length} problem(s) in: ${names.join(', ')}`, fields);
}
