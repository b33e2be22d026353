/* eslint-disable @typescript-eslint/no-explicit-any -- API answers are inspected field by field */
import type { ManualClock } from '@one-window/shared';
import { DEMO_ITEMS } from './api-world.js';
import type { ApiSuite } from './suites.js';

/** The receipts of the three cases in approver1's queue, and the position of the last command. */
export interface QueueOfThree {
  readonly plain: any;
  readonly green: any;
  readonly deficient: any;
  readonly last: { position: number };
}

/**
 * Three food licences in approver1's department (market regulation), as the queue specs read
 * them: `plain` accepted on Monday 2 March, then claimed, extended by the head (需专家论证) and
 * released; `green` (green channel) and `deficient` (容缺, its safety rules to come) accepted on
 * Tuesday 3 March, the clock moved there and the day's sessions signed in.
 */
export async function queueOfThree(
  { w, signInAgain }: Pick<ApiSuite, 'w' | 'signInAgain'>,
  clock: ManualClock,
): Promise<QueueOfThree> {
  const plain = await w.receive(DEMO_ITEMS.foodBusinessLicence);
  await w.ok('clerk1', `/api/cases/${plain.caseId}/accept`);
  clock.set('2026-03-03T01:30:00Z');
  await signInAgain();
  const green = await w.receive(DEMO_ITEMS.foodBusinessLicence, { greenChannel: true });
  await w.ok('clerk1', `/api/cases/${green.caseId}/accept`);
  const received = await w.receive(DEMO_ITEMS.foodBusinessLicence, { leaveOut: ['safety-rules'] });
  const detail = await w.read('clerk1', `/api/cases/${received.caseId}`, received);
  const deficient = await w.ok('clerk1', `/api/cases/${received.caseId}/accept-with-deficiency`, {
    missing: [{ code: 'safety-rules' }],
    supplyBy: detail.deficiencySupplyBy.latest,
    commitmentSigned: true,
  });
  const claimed = await w.claimCurrent('approver1', plain.caseId, deficient);
  await w.ok('head1', `/api/cases/${plain.caseId}/extend`, { days: 5, reason: '需专家论证' });
  const last = await w.ok('approver1', `/api/tasks/${claimed.taskId}/release`);
  return { plain, green, deficient, last };
}
