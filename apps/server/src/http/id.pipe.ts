import { Injectable, type PipeTransform } from '@nestjs/common';
import { problems } from '../problem/problem-details.js';

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** Path ids (case, task, obligation): a malformed one is a 400 naming the parameter, never a lookup. */
@Injectable()
export class IdPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: { data?: string }): string {
    if (!ID.test(value)) {
      const name = metadata.data ?? 'id';
      throw problems.invalidInput(`"${value.slice(0, 40)}" is not a valid ${name}`, [
        { pointer: `#/path/${name}`, detail: 'letters, digits, ".", ":", "_" or "-", at most 128' },
      ]);
    }
    return value;
  }
}
