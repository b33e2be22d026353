/**
 * The notices a case issues to its applicant (issue 11 item 5, ADR 18): what each one says, as
 * fields, never as words or HTML. The console words them from the message catalog in the reader's
 * language; the fields are what is hashed and stored with the case. Dates are China business
 * dates `YYYY-MM-DD`. Names (materials, hall, agency) are the catalog's own names at issue time.
 */
import type { ApplicantKind, DispatchMethod, MaterialForm, RecipientKind } from '../events.js';

/** 收件回执 · 受理通知书 (容缺/视为受理 included) · 一次性补正告知书 · 不予受理通知书 · 延期告知书 · 送达回证. */
export const NOTICE_KINDS = [
  'receipt',
  'acceptance',
  'correction',
  'refusal',
  'extension',
  'delivery',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/**
 * Each kind's number suffix after the case number, apart from one another and from the denial
 * decision's `-D` and the certificate preset's `-C`. A second correction notice of a case is `-B2`.
 */
export const NOTICE_SUFFIX: Readonly<Record<NoticeKind, string>> = {
  receipt: 'J',
  acceptance: 'A',
  correction: 'B',
  refusal: 'R',
  extension: 'E',
  delivery: 'S',
};

/**
 * The legal provisions a notice rests on, by key (`notice.basis.<key>` in the catalog words them):
 * the Administrative Licensing Law's articles, the Inner Mongolia standardization measures
 * (the seed regulation), the Administrative Reconsideration Law and the Administrative Procedure Law.
 */
export type NoticeBasis =
  | 'licensing-law-32'
  | 'licensing-law-42'
  | 'licensing-law-44'
  | 'regulation-6'
  | 'regulation-10'
  | 'regulation-27'
  | 'reconsideration-law-20'
  | 'procedure-law-46';

export interface NoticeMaterial {
  readonly code: string;
  readonly name: string;
  readonly form?: MaterialForm;
}

/** Where the applicant asks: the hall as the catalog describes it when the notice is issued. */
export interface NoticeHall {
  readonly name: string;
  readonly phone: string | null;
  readonly address: string | null;
}

interface NoticeCommon {
  readonly number: string;
  readonly caseNumber: string;
  readonly issuedOn: string;
  /** The clerk, approver or head who issued it; null when the scheduler did (a deemed acceptance). */
  readonly issuedBy: string | null;
  readonly hall: NoticeHall;
  /** The implementing agency (实施主体) the hall acts for. */
  readonly agency: string;
  readonly applicant: { readonly name: string; readonly kind: ApplicantKind };
  readonly agent: string | null;
  readonly item: { readonly code: string; readonly name: string };
  readonly receivedOn: string;
  readonly basis: readonly NoticeBasis[];
}

/** 收件回执: what was handed in, what was not, and by when the hall answers (Law Art. 32). */
export interface ReceiptNotice extends NoticeCommon {
  readonly kind: 'receipt';
  readonly received: readonly NoticeMaterial[];
  readonly missing: readonly NoticeMaterial[];
  /** Last day for the acceptance decision or the one complete correction notice. */
  readonly answerBy: string;
}

export type AcceptanceVariant = 'complete' | 'with-deficiency' | 'deemed';

/** 受理通知书 / 容缺受理通知书 / 视为受理: the materials received, the due dates, the query code. */
export interface AcceptanceNotice extends NoticeCommon {
  readonly kind: 'acceptance';
  readonly variant: AcceptanceVariant;
  readonly acceptedOn: string;
  readonly materials: readonly NoticeMaterial[];
  /** 容缺: the materials still to supply, and by when. */
  readonly missing: readonly NoticeMaterial[];
  readonly supplyBy: string | null;
  readonly statutoryLimitDays: number;
  readonly promisedLimitDays: number;
  readonly statutoryDueDate: string;
  readonly promisedDueDate: string;
  /** The applicant's progress-lookup code (查询码), when the case has one. */
  readonly queryCode: string | null;
  /** The rating link the notice's QR code encodes, when the hall offers one. */
  readonly ratingUrl: string | null;
}

/** 一次性补正告知书: every missing or defective material at once (Law Art. 32(4), Regulation Art. 6). */
export interface CorrectionNotice extends NoticeCommon {
  readonly kind: 'correction';
  readonly items: readonly (NoticeMaterial & { readonly problem: string })[];
  readonly requestedOn: string;
  readonly correctBy: string;
}

/** Where and within what time the applicant may challenge a decision. */
export interface NoticeRemedies {
  readonly reviewAuthority: string | null;
  readonly reviewDays: number;
  readonly court: string | null;
  readonly lawsuitMonths: number;
}

/** 不予受理通知书: the reason, its basis, the competent agency, the review body and time limits. */
export interface RefusalNotice extends NoticeCommon {
  readonly kind: 'refusal';
  readonly refusedOn: string;
  readonly reason: string;
  readonly legalBasis: string;
  readonly competentAgency: string | null;
  readonly remedies: NoticeRemedies;
}

/** 延期告知书 (Law Art. 42): the extension, its reason and the new statutory due date. */
export interface ExtensionNotice extends NoticeCommon {
  readonly kind: 'extension';
  readonly extendedOn: string;
  readonly days: number;
  readonly reason: string;
  readonly previousDueDate: string;
  readonly statutoryDueDate: string;
  /** The head who approved it (经本行政机关负责人批准). */
  readonly approvedBy: string;
}

/** 送达回证: the document delivered, how, and who received it. */
export interface DeliveryNotice extends NoticeCommon {
  readonly kind: 'delivery';
  readonly deliveredOn: string;
  readonly outcome: 'approved' | 'denied';
  /** The result (its name in the guide, the certificate number) or the written denial decision. */
  readonly document: {
    readonly kind: 'result' | 'denial-decision';
    readonly name: string | null;
    readonly number: string | null;
  };
  readonly method: DispatchMethod;
  readonly trackingNumber: string | null;
  /** The ID number's last four characters only: the paper is not a second copy of the ID. */
  readonly recipient: {
    readonly collectedBy: RecipientKind;
    readonly name: string;
    readonly idType: string;
    readonly idTail: string;
  } | null;
  readonly ratingUrl: string | null;
}

export type NoticeContent =
  ReceiptNotice | AcceptanceNotice | CorrectionNotice | RefusalNotice | ExtensionNotice | DeliveryNotice;

/** A notice as stored in the event that issued it: its content and the SHA-256 of its canonical JSON. */
export interface IssuedNotice {
  readonly kind: NoticeKind;
  readonly number: string;
  readonly sha256: string;
  readonly content: NoticeContent;
}

/** What a command's event carries when it issues a notice (additive: older events have none). */
export interface MayIssueNotice {
  readonly notice?: IssuedNotice;
}
