/** 前台综合受理: receipt, acceptance, the one complete correction notice, refusal, withdrawal (Law Art. 32). */
import type {
  AcceptCase,
  AcceptWithDeficiency,
  MaterialInput,
  ReceiveApplication,
  RefuseCase,
  RequestCorrection,
  SubmitCorrection,
  SupplyDeficiency,
  WithdrawCase,
} from '../commands.js';
import type { AcceptanceDates, AttachedFileType, CaseEvent, SubmittedMaterial } from '../events.js';
import type { CaseGuide } from '../events.js';
import { provisionalOf, withProvisional, workingDaysAfter } from './dates.js';
import type { CaseState } from './case-state.js';
import { type DecideContext, type Now, resolveNow } from './decide-context.js';
import { DomainError } from './errors.js';
import { isSharedSource, missingMaterials, stillMissing, toCaseGuide } from './guide-snapshot.js';
import { Problems } from './problems.js';
import { taskForStep } from './tasks.js';
import { idNumberProblem } from '@one-window/shared';
import { addNaturalDays } from '@one-window/calendar';

/** Only the fields an event keeps: commands may arrive as DTO instances with more on them. */
const materialsOf = (materials: readonly MaterialInput[], now: Now): SubmittedMaterial[] =>
  materials.map(({ code, form, files }) =>
    files && files.length > 0
      ? {
          code,
          form,
          files: files.map((f) => ({
            sha256: f.sha256,
            size: f.size ?? 0,
            type: f.type as AttachedFileType,
            name: f.name,
            attachedBy: now.actor.userId,
            attachedAt: now.now.toISOString(),
          })),
        }
      : { code, form },
  );

const FILE_TYPES: readonly string[] = ['application/pdf', 'image/jpeg', 'image/png'];
const MB = 1024 * 1024;

/**
 * The files a command attaches (ADR 16): each resolved by the blob store (size and type filled in
 * by the server), and all the case's files together within the policy's per-case limit — the
 * files of a material handed in again replace its earlier ones.
 */
function checkFiles(
  problems: Problems,
  had: readonly SubmittedMaterial[],
  materials: readonly MaterialInput[],
  now: Now,
): void {
  materials.forEach((m, i) =>
    (m.files ?? []).forEach((f, j) =>
      problems.check(
        Number.isInteger(f.size) && FILE_TYPES.includes(f.type ?? ''),
        `materials[${i}].files[${j}].sha256`,
        `materials[${i}].files[${j}] was not resolved by the blob store (size and type unknown)`,
        'file-not-resolved',
      ),
    ),
  );
  const replaced = new Set(materials.map((m) => m.code));
  // A file is content-addressed: one scan attached to two materials is stored once and counts once.
  const sizes = new Map<string, number>();
  for (const m of [...had.filter((m) => !replaced.has(m.code)), ...materials])
    for (const f of m.files ?? []) sizes.set(f.sha256, f.size ?? 0);
  const total = [...sizes.values()].reduce((sum, n) => sum + n, 0);
  const max = now.policy.maxCaseFileBytes;
  problems.check(
    total <= max,
    'materials',
    `the case's files come to ${total} bytes, above the limit of ${max} bytes per case`,
    'case-files-too-large',
    { totalMb: Math.round((total / MB) * 10) / 10, maxMb: Math.round((max / MB) * 10) / 10 },
  );
}

const APPLICANT_KINDS = ['natural-person', 'legal-person'] as const;
const CHANNELS = ['window', 'online', 'mobile', 'terminal', 'agent-point'] as const;
const FORMS = ['original', 'copy', 'electronic', 'shared'] as const;

function checkMaterials(
  problems: Problems,
  guide: CaseGuide,
  materials: readonly MaterialInput[],
  field: string,
  sharingAuthorized: boolean,
) {
  const byCode = new Map(guide.materials.map((m) => [m.code, m]));
  const seen = new Set<string>();
  materials.forEach((m, i) => {
    const material = byCode.get(m.code);
    problems
      .check(
        material !== undefined,
        `${field}[${i}].code`,
        `${field}[${i}].code "${m.code}" is not a material of ${guide.code}`,
        'not-a-material',
        { code: m.code },
      )
      .check(
        !seen.has(m.code),
        `${field}[${i}].code`,
        `${field}[${i}].code "${m.code}" is listed twice`,
        'listed-twice',
        { code: m.code },
      )
      .oneOf(m.form, FORMS, `${field}[${i}].form`);
    if (material && m.form === 'shared') {
      // Art. 11(5): data sharing and the e-certificate library are used with the applicant's
      // authorization only, and only for a material the guide says they hold.
      problems
        .check(
          isSharedSource(material.sourceChannel),
          `${field}[${i}].form`,
          `${field}[${i}].form "shared": "${m.code}" is not held by data sharing or the e-certificate library; the applicant hands it in`,
          'shared-not-held',
          { code: m.code, name: material.name },
        )
        .check(
          !isSharedSource(material.sourceChannel) || sharingAuthorized,
          `${field}[${i}].form`,
          `${field}[${i}].form "shared": fetching "${m.code}" by data sharing needs the applicant's authorization (Art. 11(5)); without it the applicant hands it in`,
          'shared-needs-authorization',
          { code: m.code, name: material.name },
        );
    }
    seen.add(m.code);
  });
}

export function receive(command: ReceiveApplication, ctx: DecideContext, now: Now): CaseEvent[] {
  // A bad field of the request, not a missing resource: 400 at #/itemCode (ADR 12).
  if (!ctx.guide)
    throw DomainError.invalidField('itemCode', `No service item ${command.itemCode} in the catalog`, {
      code: 'unknown-item',
      params: { itemCode: command.itemCode },
    });
  if (!ctx.ids) throw new Error('ReceiveApplication needs ids (caseId, caseNumber) from the handler');
  const hall = command.hall ?? now.actor.hall;
  if (!hall) throw DomainError.invalidField('hall', 'hall is required', { code: 'required' });
  if (now.actor.role === 'clerk' && now.actor.hall !== hall) {
    throw DomainError.forbidden(`a clerk of ${now.actor.hall ?? 'no hall'} cannot receive for hall ${hall}`, {
      code: 'forbidden.jurisdiction',
      params: { hall },
    });
  }
  const guide = toCaseGuide(ctx.guide);
  const problems = new Problems()
    .oneOf(command.applicant?.kind, APPLICANT_KINDS, 'applicant.kind')
    .text(command.applicant?.name, 'applicant.name')
    .text(command.applicant?.idType, 'applicant.idType')
    .text(command.applicant?.idNumber, 'applicant.idNumber')
    .text(command.applicant?.phone, 'applicant.phone')
    .oneOf(command.channel, CHANNELS, 'channel')
    .check(Array.isArray(command.materials), 'materials', 'materials must be a list', 'list');
  if (command.agent) {
    problems.text(command.agent.name, 'agent.name').text(command.agent.idNumber, 'agent.idNumber');
  }
  // Resident IDs (GB 11643) and unified social credit codes (GB 32100) carry a check digit.
  for (const [who, person] of [
    ['applicant', command.applicant],
    ['agent', command.agent],
  ] as const) {
    if (!person || typeof person.idType !== 'string' || typeof person.idNumber !== 'string') continue;
    const wrong = idNumberProblem(person.idType, person.idNumber);
    if (wrong) problems.add(`${who}.idNumber`, `${who}.idNumber ${wrong.en}`, person.idType);
  }
  const sharingAuthorized = command.sharingAuthorized ?? false;
  checkMaterials(problems, guide, command.materials ?? [], 'materials', sharingAuthorized);
  checkFiles(problems, [], command.materials ?? [], now);
  problems.throwIfAny();
  return [
    {
      type: 'case.Received',
      data: {
        caseId: ctx.ids.caseId,
        caseNumber: ctx.ids.caseNumber,
        hall,
        itemCode: guide.code,
        guideVersion: guide.version,
        guide,
        applicant: {
          kind: command.applicant.kind,
          name: command.applicant.name,
          idType: command.applicant.idType,
          idNumber: command.applicant.idNumber,
          phone: command.applicant.phone,
        },
        ...(command.agent
          ? {
              agent: {
                name: command.agent.name,
                idType: command.agent.idType,
                idNumber: command.agent.idNumber,
                phone: command.agent.phone,
              },
            }
          : {}),
        channel: command.channel,
        materials: materialsOf(command.materials, now),
        missingMaterials: missingMaterials(guide, command.materials, sharingAuthorized),
        sharingAuthorized,
        greenChannel: command.greenChannel ?? false,
        ...(command.appointmentId ? { appointmentId: command.appointmentId } : {}),
        receivedOn: now.today,
        receivedAt: now.now.toISOString(),
        ...withProvisional(now, {
          correctionNoticeDueBy: workingDaysAfter(now, now.today, now.policy.correctionNoticeWorkingDays),
        }),
      },
    },
  ];
}

/**
 * Due dates start at acceptance. Past the deadline for a correction notice the case already
 * counts as accepted from the day of receipt (or resubmission) — Law Art. 32 — so the clock
 * starts there, whatever day the clerk presses the button.
 */
function acceptanceDates(state: CaseState, now: Now): AcceptanceDates & { deemed: boolean } {
  const { context } = state;
  const deemed = now.today > context.acceptanceDecideBy;
  const acceptedOn = deemed ? context.deemedAcceptanceFrom : now.today;
  const statutoryDueDate = workingDaysAfter(now, acceptedOn, context.guide.statutoryLimitDays);
  const promisedDueDate = workingDaysAfter(now, acceptedOn, context.guide.promisedLimitDays);
  return {
    acceptedOn,
    statutoryDueDate,
    promisedDueDate,
    voucherNumber: `${context.caseNumber}-A`,
    ...(now.queryCode === undefined ? {} : { queryCode: now.queryCode }),
    ...provisionalOf(now, statutoryDueDate, promisedDueDate),
    deemed,
  };
}

/** 容缺受理 today allows a supplyBy after today and at most the promised due date it would set (DOMAIN §4). */
export function deficiencySupplyWindow(
  state: CaseState,
  ctx: Pick<DecideContext, 'now' | 'actor' | 'calendar' | 'policy'>,
): { earliest: string; latest: string } {
  const now = resolveNow(ctx);
  return { earliest: addNaturalDays(now.today, 1), latest: acceptanceDates(state, now).promisedDueDate };
}

export function accept(state: CaseState, _command: AcceptCase, now: Now): CaseEvent[] {
  const { deemed, ...dates } = acceptanceDates(state, now);
  if (deemed) {
    return [
      { type: 'case.DeemedAccepted', data: { ...dates, noticeDueBy: state.context.acceptanceDecideBy } },
      taskForStep(state, now, dates.acceptedOn),
    ];
  }
  // Materials still missing were refused by the state rule (rules.ts).
  return [{ type: 'case.Accepted', data: dates }, taskForStep(state, now, dates.acceptedOn)];
}

export function deemAccepted(state: CaseState, now: Now): CaseEvent[] {
  const { context } = state;
  if (now.today <= context.acceptanceDecideBy) {
    throw DomainError.notAllowedNow(
      `The correction notice is due by ${context.acceptanceDecideBy}; it is not late yet`,
      {
        code: 'not-allowed-in-state.notice-not-overdue',
        params: { noticeDueBy: context.acceptanceDecideBy },
      },
    );
  }
  const { deemed: _deemed, ...dates } = acceptanceDates(state, now);
  return [
    { type: 'case.DeemedAccepted', data: { ...dates, noticeDueBy: context.acceptanceDecideBy } },
    taskForStep(state, now, dates.acceptedOn),
  ];
}

export function acceptWithDeficiency(state: CaseState, command: AcceptWithDeficiency, now: Now): CaseEvent[] {
  const { context } = state;
  const { deemed: _deemed, ...dates } = acceptanceDates(state, now);
  const listed = (command.missing ?? []).map((m) => m.code);
  const missingNow = new Set(stillMissing(context));
  const byCode = new Map(context.guide.materials.map((m) => [m.code, m]));
  const problems = new Problems()
    .atLeastOne(listed, 'missing', 'missing must list at least one material')
    .check(
      command.commitmentSigned === true,
      'commitmentSigned',
      'the applicant must sign the commitment (容缺承诺)',
      'commitment-required',
    )
    .date(command.supplyBy, 'supplyBy');
  listed.forEach((code, i) => {
    const material = byCode.get(code);
    problems
      .check(
        material !== undefined,
        `missing[${i}].code`,
        `"${code}" is not a material of ${context.guide.code}`,
        'not-a-material',
        { code },
      )
      .check(
        material === undefined || (material.deficiencyAllowed && !material.key),
        `missing[${i}].code`,
        `"${code}" is a key material, or not on the 容缺 list: it cannot be missing at acceptance`,
        'not-deferrable',
        { code, name: material?.name ?? code },
      )
      .check(
        material === undefined || missingNow.has(code),
        `missing[${i}].code`,
        `"${code}" has been handed in`,
        'handed-in',
        { code, name: material?.name ?? code },
      );
  });
  const unlisted = [...missingNow].filter((code) => !listed.includes(code));
  problems.check(
    unlisted.length === 0,
    'missing',
    `materials ${unlisted.join(', ')} are missing too and must be listed (or corrected first)`,
    'list-every-missing',
    { codes: unlisted, names: unlisted.map((code) => byCode.get(code)?.name ?? code) },
  );
  if (problems.empty) {
    problems
      .check(command.supplyBy > now.today, 'supplyBy', 'supplyBy must be after today', 'after-today', {
        today: now.today,
      })
      .check(
        command.supplyBy <= dates.promisedDueDate,
        'supplyBy',
        `supplyBy must not be after the promised due date ${dates.promisedDueDate}`,
        'not-after-promised',
        { date: dates.promisedDueDate },
      );
  }
  problems.throwIfAny();
  return [
    {
      type: 'case.AcceptedWithDeficiency',
      data: { ...dates, missing: listed, supplyBy: command.supplyBy, commitmentSigned: true },
    },
    taskForStep(state, now, dates.acceptedOn),
  ];
}

export function requestCorrection(state: CaseState, command: RequestCorrection, now: Now): CaseEvent[] {
  const { context } = state;
  const codes = new Set(context.guide.materials.map((m) => m.code));
  const items = command.items ?? [];
  const problems = new Problems().atLeastOne(items, 'items', 'the notice must list at least one material');
  items.forEach((item, i) => {
    problems
      .check(
        codes.has(item.code),
        `items[${i}].code`,
        `"${item.code}" is not a material of ${context.guide.code}`,
        'not-a-material',
        { code: item.code },
      )
      .text(item.problem, `items[${i}].problem`);
  });
  const unlisted = stillMissing(context).filter((code) => !items.some((item) => item.code === code));
  problems.check(
    unlisted.length === 0,
    'items',
    `one complete notice (一次性告知) must list every missing material; ${unlisted.join(', ')} missing from it`,
    'list-every-missing',
    {
      codes: unlisted,
      names: unlisted.map((code) => context.guide.materials.find((m) => m.code === code)?.name ?? code),
    },
  );
  if (command.correctBy !== undefined) {
    problems.date(command.correctBy, 'correctBy');
    problems.check(
      command.correctBy > now.today,
      'correctBy',
      'correctBy must be after today',
      'after-today',
      {
        today: now.today,
      },
    );
  }
  problems.throwIfAny();
  return [
    {
      type: 'case.CorrectionRequested',
      data: {
        items: items.map(({ code, problem }) => ({ code, problem })),
        requestedOn: now.today,
        ...withProvisional(now, {
          correctBy:
            command.correctBy ?? workingDaysAfter(now, now.today, now.policy.correctionPeriodWorkingDays),
        }),
      },
    },
  ];
}

export function submitCorrection(state: CaseState, command: SubmitCorrection, now: Now): CaseEvent[] {
  const problems = new Problems().atLeastOne(
    command.materials ?? [],
    'materials',
    'materials must list what was handed in',
  );
  checkMaterials(
    problems,
    state.context.guide,
    command.materials ?? [],
    'materials',
    state.context.sharingAuthorized,
  );
  checkFiles(problems, state.context.materials, command.materials ?? [], now);
  problems.throwIfAny();
  if (state.snapshot.hasTag('decisionClock')) {
    // Returned by the back office: already accepted (the decision clock runs on), so the case goes
    // back to the step that returned it. Otherwise it answers the correction notice (一次性告知).
    return [
      {
        type: 'case.CorrectionSubmitted',
        data: { materials: materialsOf(command.materials, now), submittedOn: now.today },
      },
      taskForStep(state, now, now.today, state.context.resumeStepIndex ?? 0, 'resubmitted'),
    ];
  }
  return [
    {
      type: 'case.CorrectionSubmitted',
      data: {
        materials: materialsOf(command.materials, now),
        submittedOn: now.today,
        ...withProvisional(now, {
          decideBy: workingDaysAfter(now, now.today, now.policy.correctionNoticeWorkingDays),
        }),
      },
    },
  ];
}

export function markCorrectionOverdue(state: CaseState, now: Now): CaseEvent[] {
  const correctBy = state.context.correction?.correctBy ?? '';
  if (now.today <= correctBy)
    throw DomainError.notAllowedNow(`The correction is due by ${correctBy}; it is not late yet`, {
      code: 'not-allowed-in-state.correction-not-overdue',
      params: { correctBy },
    });
  return [{ type: 'case.CorrectionOverdue', data: { correctBy, withdrawnOn: now.today } }];
}

export function refuse(state: CaseState, command: RefuseCase, now: Now): CaseEvent[] {
  new Problems().text(command.reason, 'reason').text(command.legalBasis, 'legalBasis').throwIfAny();
  return [
    {
      type: 'case.Refused',
      data: {
        reason: command.reason,
        legalBasis: command.legalBasis,
        ...(command.competentAgency ? { competentAgency: command.competentAgency } : {}),
        refusedOn: now.today,
        voucherNumber: `${state.context.caseNumber}-R`,
      },
    },
  ];
}

export function withdraw(state: CaseState, command: WithdrawCase, now: Now): CaseEvent[] {
  new Problems().text(command.reason, 'reason').throwIfAny();
  return [
    {
      type: 'case.Withdrawn',
      data: { reason: command.reason, withdrawnOn: now.today, during: state.status },
    },
  ];
}

export function supplyDeficiency(state: CaseState, command: SupplyDeficiency, now: Now): CaseEvent[] {
  const deficiency = state.context.deficiency;
  const open = new Set(deficiency?.missing ?? []);
  const materials = command.materials ?? [];
  const problems = new Problems().atLeastOne(materials, 'materials', 'materials must list what was supplied');
  checkMaterials(problems, state.context.guide, materials, 'materials', state.context.sharingAuthorized);
  checkFiles(problems, state.context.materials, materials, now);
  materials.forEach((m, i) =>
    problems.check(
      open.has(m.code),
      `materials[${i}].code`,
      `"${m.code}" is not an open deficiency`,
      'not-open-deficiency',
      { code: m.code, name: state.context.guide.materials.find((g) => g.code === m.code)?.name ?? m.code },
    ),
  );
  problems.throwIfAny();
  const supplied = new Set(materials.map((m) => m.code));
  return [
    {
      type: 'case.DeficiencySupplied',
      data: {
        materials: materialsOf(materials, now),
        suppliedOn: now.today,
        remaining: [...open].filter((code) => !supplied.has(code)),
        late: now.today > (deficiency?.supplyBy ?? now.today),
      },
    },
  ];
}

export function markDeficiencyOverdue(state: CaseState, now: Now): CaseEvent[] {
  const deficiency = state.context.deficiency;
  const supplyBy = deficiency?.supplyBy ?? '';
  if (now.today <= supplyBy)
    throw DomainError.notAllowedNow(`Deficient materials are due by ${supplyBy}; not late yet`, {
      code: 'not-allowed-in-state.deficiency-not-overdue',
      params: { supplyBy },
    });
  return [{ type: 'case.DeficiencyOverdue', data: { supplyBy, missing: deficiency?.missing ?? [] } }];
}
