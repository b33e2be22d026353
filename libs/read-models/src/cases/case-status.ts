/** Where a case stands, in the read model's words (a coarser view than the machine's state). */
export type CaseStatus =
  /** Received; the front desk has not decided on acceptance yet. */
  | 'received'
  /** A correction notice is out (or the back office returned it to the front desk). */
  | 'awaiting-correction'
  /** Accepted; tasks in the back office. */
  | 'in-review'
  /** A special procedure is running: the decision clock stands still (Art. 45). */
  | 'special-procedure'
  /** Approved; the result is to be issued (Art. 44). */
  | 'approved'
  /** Denied; the written decision is to be delivered. */
  | 'denied'
  /** The result is ready: for pickup at the window or to be sent. */
  | 'result-issued'
  | 'dispatched'
  /** Delivered (办结). */
  | 'completed'
  /** Not accepted (不予受理). */
  | 'refused'
  | 'withdrawn';

export type CaseStage = 'front-desk' | 'back-office' | 'delivery' | 'closed';

export const CASE_STATUSES: readonly CaseStatus[] = [
  'received',
  'awaiting-correction',
  'in-review',
  'special-procedure',
  'approved',
  'denied',
  'result-issued',
  'dispatched',
  'completed',
  'refused',
  'withdrawn',
];

export function stageOf(status: CaseStatus): CaseStage {
  switch (status) {
    case 'received':
    case 'awaiting-correction':
      return 'front-desk';
    case 'in-review':
    case 'special-procedure':
      return 'back-office';
    case 'approved':
    case 'denied':
    case 'result-issued':
    case 'dispatched':
      return 'delivery';
    case 'completed':
    case 'refused':
    case 'withdrawn':
      return 'closed';
    default: {
      const unknown: never = status;
      throw new Error(`Unknown case status ${String(unknown)}`);
    }
  }
}
