import { type ArgumentMetadata, Injectable, ValidationPipe } from '@nestjs/common';
import { EmptyBodyDto } from '../http/empty-body.dto.js';
import { problems } from './problem-details.js';
import { validationProblem } from './validation-problem.js';

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * class-validator on every body and query: unknown fields are refused, values are converted to
 * the DTO's classes, and a body that is not a JSON object is refused before field checks
 * (class-validator would otherwise report an array's indices as unknown fields).
 */
@Injectable()
export class RequestValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: true,
      // Target and value stay inside the server: they name the rule broken (validation-problem.ts).
      validationError: { target: true, value: true },
      exceptionFactory: (errors) => validationProblem(errors),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // A custom decorator's value (the actor, the command id) is not validated
    // (validateCustomDecorators is off): ValidationPipe would hand it back as it is.
    if (metadata.type === 'custom') return value;
    if (metadata.type === 'body' && metadata.metatype && metadata.metatype !== Object) {
      if (value === undefined || value === null || value === '') value = {};
      else if (!isPlainObject(value)) {
        throw problems.invalidInput(
          'The body must be a JSON object (Content-Type: application/json).',
          [{ pointer: '#', detail: 'not a JSON object', code: 'object' }],
          { code: 'invalid-input.body' },
        );
      }
      // A command without fields sent without fields (accept, …): ValidationPipe would make the
      // empty instance, with no rule to check and no field to refuse, through class-transformer and
      // class-validator; any field sent still goes through them (unknown field, 400).
      if (metadata.metatype === EmptyBodyDto && Object.keys(value as object).length === 0)
        return new EmptyBodyDto();
    }
    return super.transform(value, metadata);
  }
}
