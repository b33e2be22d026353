import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenErrors, type FieldProblem } from './flatten-errors.js';
import { OrgDirectoryDto } from './org.dto.js';

/** Every problem in an `org.json`: fields, unique ids, and each department's hall at its own level and division. */
export function validateOrg(raw: unknown): FieldProblem[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return [{ field: '-', message: 'the directory must be a JSON object {halls, departments}' }];
  }
  const problems = flattenErrors(
    validateSync(plainToInstance(OrgDirectoryDto, raw), {
      whitelist: true,
      forbidNonWhitelisted: true,
      stopAtFirstError: true,
    }),
  );
  const { halls, departments } = raw as { halls?: unknown; departments?: unknown };
  if (!Array.isArray(halls) || !Array.isArray(departments)) return problems;
  const hallById = new Map<unknown, Loose>();
  (halls as Loose[]).forEach((h, i) => {
    if (hallById.has(h?.id))
      problems.push({ field: `halls[${i}].id`, message: 'repeats an earlier hall id' });
    else hallById.set(h?.id, h);
  });
  const departmentIds = new Set<unknown>();
  (departments as Loose[]).forEach((d, i) => {
    if (departmentIds.has(d?.id))
      problems.push({ field: `departments[${i}].id`, message: 'repeats an earlier department id' });
    departmentIds.add(d?.id);
    if (typeof d?.hall !== 'string') return;
    const hall = hallById.get(d.hall);
    if (!hall)
      problems.push({ field: `departments[${i}].hall`, message: `no hall "${d.hall}" in the directory` });
    else if (hall.level !== d.level || hall.divisionCode !== d.divisionCode)
      problems.push({
        field: `departments[${i}].hall`,
        message: `hall "${d.hall}" is at another level or division than the department`,
      });
  });
  return problems;
}

type Loose = { readonly [field: string]: unknown } | null | undefined;
