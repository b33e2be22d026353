import type { Directory } from '@one-window/catalog';
import type { Actor } from '@one-window/shared';
import type { CaseContext } from '../domain/context.js';
import type { NoticeEnvironment } from '../notices/build-notice.js';

/**
 * What a notice says of the hall and the agency, read from the directory when it is issued
 * (ADR 18): the hall's phone and address, the agency's name, its reconsideration body and court.
 */
export function noticeEnvironment(
  directory: Directory,
  context: CaseContext,
  actor: Actor,
): NoticeEnvironment {
  const hall = directory.hall(context.hall);
  const department = directory.department(context.guide.department);
  return {
    hall: {
      name: hall?.name ?? context.hall,
      phone: hall?.phone ?? null,
      address: hall?.address ?? null,
    },
    agency: context.guide.implementingAgency || department?.name || context.guide.department,
    reviewAuthority: department?.reviewAuthority ?? null,
    court: department?.court ?? null,
    issuedBy: actor.role === 'system' ? null : actor.name,
  };
}
