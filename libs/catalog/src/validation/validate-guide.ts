import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { ServiceGuide } from '../guide.js';
import { flattenErrors, type FieldProblem } from './flatten-errors.js';
import { ServiceGuideDto } from './service-guide.dto.js';

/** GB/T 39046-style implementation code: 18-char unified social credit code + level digit + 12-char catalog code. */
export const DEFAULT_ITEM_CODE_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{18}[1-6][0-9A-HJ-NPQRTUWXY]{12}$/;

export interface GuideValidationOptions {
  /** Item codes must match this pattern (default {@link DEFAULT_ITEM_CODE_PATTERN}). */
  readonly codePattern?: RegExp;
}

/**
 * Every problem in one guide: field rules and same-object rules (class-validator DTOs), then
 * the rules that span the whole guide. Unknown fields are problems too.
 */
export function validateGuide(raw: unknown, options: GuideValidationOptions = {}): FieldProblem[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return [{ field: '-', message: 'a guide must be a JSON object' }];
  }
  const dto = plainToInstance(ServiceGuideDto, raw);
  const problems = flattenErrors(
    validateSync(dto, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true }),
  );
  const pattern = options.codePattern ?? DEFAULT_ITEM_CODE_PATTERN;
  const code = (raw as { code?: unknown }).code;
  if (typeof code === 'string' && code !== '' && !pattern.test(code)) {
    problems.push({ field: 'code', message: `does not match the item code pattern ${String(pattern)}` });
  }
  return [...problems, ...guideWideProblems(raw)];
}

// Rules spanning a guide's parts; written defensively because they run on unvalidated input too.
function guideWideProblems(g: Partial<ServiceGuide>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const materials = Array.isArray(g.materials) ? g.materials : [];
  const steps = Array.isArray(g.steps) ? g.steps : [];
  duplicates(materials.map((m) => (m as { code?: unknown } | null)?.code)).forEach((i) =>
    problems.push({ field: `materials[${i}].code`, message: 'repeats an earlier material code' }),
  );
  duplicates(steps.map((s) => (s as { name?: unknown } | null)?.name)).forEach((i) =>
    problems.push({ field: `steps[${i}].name`, message: 'repeats an earlier step name' }),
  );
  if (g.caseKind === 'on-the-spot') {
    materials.forEach((m, i) => {
      if ((m as { deficiencyAllowed?: unknown } | null)?.deficiencyAllowed === true)
        problems.push({
          field: `materials[${i}].deficiencyAllowed`,
          message: 'an on-the-spot item (即办件) is decided at once, so nothing can be supplied later (容缺)',
        });
    });
  }
  return problems;
}

function duplicates(values: readonly unknown[]): number[] {
  const seen = new Set<unknown>();
  return values.flatMap((v, i) => {
    if (typeof v !== 'string') return [];
    if (seen.has(v)) return [i];
    seen.add(v);
    return [];
  });
}
