import { createHash, timingSafeEqual } from 'node:crypto';
import {
  acceptedCommands,
  CASE_STATUS_INFO,
  normalizeQueryCode,
  type CaseState,
  type IssuedNotice,
} from '@one-window/case';

export type NoticeKind = 'acceptance' | 'correction' | 'refusal' | 'approval' | 'denial';

/** What the applicant sees of a case (issue 13 item 4): the stage, the dates, the notices, what is asked. Nothing else. */
export interface ProgressView {
  readonly caseNumber: string;
  readonly item: string;
  readonly receivedOn: string;
  readonly status: string;
  readonly stage: { readonly zh: string; readonly en: string };
  readonly dueDates: { readonly promised: string | null; readonly statutory: string | null };
  readonly notices: readonly {
    readonly kind: NoticeKind;
    readonly number: string | null;
    readonly issuedOn: string;
    /**
     * The case stored this notice's content (ADR 18): the applicant opens it with the same number
     * and code (POST /api/public/progress/notice) to print or save it. A decision is not one.
     */
    readonly printable: boolean;
  }[];
  readonly asked: {
    readonly correction: {
      readonly correctBy: string;
      readonly items: readonly { readonly material: string; readonly problem: string }[];
    } | null;
    readonly deficiency: { readonly supplyBy: string; readonly materials: readonly string[] } | null;
  };
}

const LABELS = new Map(CASE_STATUS_INFO.map((s) => [s.status as string, s.labels]));

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * The code the applicant typed against the case's: its query code, or for a case that has none
 * (accepted before codes, or not accepted yet) the last six characters of the applicant's ID
 * number. Compared in constant time.
 */
export function codeMatches(state: CaseState | undefined, typed: string): boolean {
  const expected = state ? expectedCode(state) : 'no case';
  return timingSafeEqual(digest(expected), digest(normalizeQueryCode(typed))) && state !== undefined;
}

function expectedCode(state: CaseState): string {
  const code = state.context.acceptance?.queryCode;
  if (code) return code;
  return normalizeQueryCode(state.context.applicant.idNumber).slice(-6);
}

/**
 * The case as its applicant may see it. `stored` are the notices its events issued (ADR 18), the
 * latest of a kind last: they give a 补正 notice its number and say which notices can be opened.
 */
export function progressView(state: CaseState, stored: readonly IssuedNotice[] = []): ProgressView {
  const { context } = state;
  const materialName = (code: string) => context.guide.materials.find((m) => m.code === code)?.name ?? code;
  const numbers = new Set(stored.map((n) => n.number));
  const notices: ProgressView['notices'][number][] = [];
  const add = (kind: NoticeKind, number: string | null, issuedOn: string) =>
    notices.push({ kind, number, issuedOn, printable: number !== null && numbers.has(number) });
  if (context.correction)
    add(
      'correction',
      stored.filter((n) => n.kind === 'correction').pop()?.number ?? null,
      context.correction.requestedOn,
    );
  if (context.acceptance) add('acceptance', context.acceptance.voucherNumber, context.acceptance.acceptedOn);
  if (context.refusal) add('refusal', context.refusal.voucherNumber, context.refusal.refusedOn);
  if (context.decision)
    add(
      context.decision.outcome === 'approved' ? 'approval' : 'denial',
      context.decision.decisionNumber ?? null,
      context.decision.on,
    );
  // Asked to correct where the statechart lets a correction be handed in.
  const correctionOpen =
    context.correction !== null && acceptedCommands(state.snapshot).has('SubmitCorrection');
  const deficiencyOpen = context.deficiency !== null && context.deficiency.missing.length > 0;
  return {
    caseNumber: context.caseNumber,
    item: context.guide.name,
    receivedOn: context.receivedOn,
    status: state.status,
    stage: LABELS.get(state.status) ?? { zh: state.status, en: state.status },
    dueDates: { promised: context.promisedDueDate, statutory: context.statutoryDueDate },
    notices,
    asked: {
      correction: correctionOpen
        ? {
            correctBy: context.correction.correctBy,
            items: context.correction.items.map((i) => ({
              material: materialName(i.code),
              problem: i.problem,
            })),
          }
        : null,
      deficiency: deficiencyOpen
        ? { supplyBy: context.deficiency.supplyBy, materials: context.deficiency.missing.map(materialName) }
        : null,
    },
  };
}
