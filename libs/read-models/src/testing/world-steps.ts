import type { Applicant, CaseCommand, CaseCommandResult } from '@one-window/case';
import { DEMO_ACTORS as A, FOOD_LICENCE } from './demo-actors.js';
import type { CaseWorld } from './case-world.js';

export const APPLICANT: Applicant = {
  kind: 'natural-person',
  name: '巴特尔',
  idType: '居民身份证',
  idNumber: '150102199001011234',
  phone: '13800000000',
};

type Receipt = Extract<CaseCommand, { type: 'ReceiveApplication' }>;

/** An application for `itemCode` received at the window from the demo applicant, who authorizes data sharing. */
export function windowReceipt(
  itemCode: string,
  materials: Receipt['materials'],
  options: { applicant?: Partial<Applicant>; greenChannel?: boolean } = {},
): Receipt {
  return {
    type: 'ReceiveApplication',
    itemCode,
    applicant: { ...APPLICANT, ...options.applicant },
    channel: 'window',
    materials,
    sharingAuthorized: true,
    greenChannel: options.greenChannel ?? false,
  };
}

/** A food-business licence application at the Xincheng hall; `safety-rules` left out when `deficient`. */
export async function receiveFoodLicence(
  world: CaseWorld,
  options: { applicant?: Partial<Applicant>; greenChannel?: boolean; deficient?: boolean } = {},
): Promise<CaseCommandResult> {
  const materials = [
    { code: 'application', form: 'original' as const },
    { code: 'layout-and-process', form: 'original' as const },
    ...(options.deficient ? [] : [{ code: 'safety-rules', form: 'original' as const }]),
  ];
  return world.send(windowReceipt(FOOD_LICENCE, materials, options), A.clerk);
}

/**
 * The safety rules a `deficient` application left out, handed in at the window: as the correction
 * asked for (SubmitCorrection) or as the material promised under 容缺 (SupplyDeficiency).
 */
export async function handInSafetyRules(
  world: CaseWorld,
  caseId: string,
  as: 'SubmitCorrection' | 'SupplyDeficiency',
): Promise<CaseCommandResult> {
  return world.send({ type: as, caseId, materials: [{ code: 'safety-rules', form: 'original' }] }, A.clerk);
}

/** Received and accepted: the decision clock runs and the first task (审查) waits in the queue. */
export async function acceptedFoodLicence(
  world: CaseWorld,
  options: Parameters<typeof receiveFoodLicence>[1] = {},
): Promise<CaseCommandResult> {
  const received = await receiveFoodLicence(world, options);
  return world.send({ type: 'AcceptCase', caseId: received.caseId }, A.clerk);
}

/** Takes an accepted food licence through 审查 → 审核 → 审批 to approval (or denial). */
export async function decideFoodLicence(
  world: CaseWorld,
  caseId: string,
  outcome: 'approve' | 'deny' = 'approve',
): Promise<void> {
  await world.send({ type: 'ClaimTask', taskId: `${caseId}.t1` }, A.approver);
  await world.send({ type: 'PassTask', taskId: `${caseId}.t1`, opinion: '材料齐全' }, A.approver);
  await world.send({ type: 'ClaimTask', taskId: `${caseId}.t2` }, A.approver2);
  await world.send({ type: 'PassTask', taskId: `${caseId}.t2`, opinion: '现场核查合格' }, A.approver2);
  await world.send({ type: 'ClaimTask', taskId: `${caseId}.t3` }, A.head);
  if (outcome === 'approve') await world.send({ type: 'ApproveCase', caseId, opinion: '准予许可' }, A.head);
  else
    await world.send(
      {
        type: 'DenyCase',
        caseId,
        reasons: ['经营场所不符合要求'],
        remedies: { reviewAuthority: '新城区人民政府', court: '新城区人民法院' },
      },
      A.head,
    );
}

/** Issues (after an approval), dispatches at the window and hands over: the case is completed. */
export async function deliverFoodLicence(world: CaseWorld, caseId: string, approved = true): Promise<void> {
  if (approved)
    await world.send(
      { type: 'IssueResult', caseId, certificateNumber: 'JY11501020000001', electronic: true },
      A.clerk,
    );
  await world.send({ type: 'DispatchResult', caseId, method: 'window' }, A.clerk);
  const { name, idType, idNumber } = APPLICANT;
  await world.send(
    { type: 'DeliverResult', caseId, recipient: { collectedBy: 'applicant', name, idType, idNumber } },
    A.clerk,
  );
}

/** Received, accepted, approved and handed over: a completed food licence (the acceptance's result). */
export async function completedFoodLicence(world: CaseWorld): Promise<CaseCommandResult> {
  const accepted = await acceptedFoodLicence(world);
  await decideFoodLicence(world, accepted.caseId);
  await deliverFoodLicence(world, accepted.caseId);
  return accepted;
}
