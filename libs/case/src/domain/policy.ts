import {
  CORRECTION_NOTICE_DAYS,
  JOINT_HANDLING_EXTENSION_DAYS,
  STATUTORY_EXTENSION_DAYS,
} from '@one-window/calendar';

/**
 * Figures that are local settings rather than law (DOMAIN.md "configurable"). They are read when
 * a command is decided and their outcome is stored in the event, so changing them never changes
 * a replayed case.
 */
export interface CasePolicy {
  /** Law Art. 32: one complete correction notice on the spot or within 5 working days. */
  readonly correctionNoticeWorkingDays: number;
  /** Default time the applicant has to supply a correction (the law sets none). */
  readonly correctionPeriodWorkingDays: number;
  /** Law Art. 42: extendable once by 10 working days. */
  readonly maxExtensionDays: number;
  /** Law Art. 42: joint handling (联合办理) is extendable once by 15 working days. */
  readonly maxJointExtensionDays: number;
  /** Art. 44: result issued within 10 working days of approval. */
  readonly resultIssueWorkingDays: number;
  /** Yellow warning this many working days before a due date. */
  readonly warningWorkingDays: number;
  /** Art. 36: call back within 48 hours. */
  readonly callbackHours: number;
  /** Art. 36: rectify within 15 natural days. */
  readonly rectifyNaturalDays: number;
  /** Art. 38 remedies: administrative review within 60 days, lawsuit within 6 months. */
  readonly administrativeReviewDays: number;
  readonly lawsuitMonths: number;
  /** Every file attached to one case together at most (BLOB_MAX_CASE_BYTES, ADR 16). */
  readonly maxCaseFileBytes: number;
}

export const DEFAULT_CASE_POLICY: CasePolicy = {
  correctionNoticeWorkingDays: CORRECTION_NOTICE_DAYS,
  correctionPeriodWorkingDays: 10,
  maxExtensionDays: STATUTORY_EXTENSION_DAYS,
  maxJointExtensionDays: JOINT_HANDLING_EXTENSION_DAYS,
  resultIssueWorkingDays: 10,
  warningWorkingDays: 3,
  callbackHours: 48,
  rectifyNaturalDays: 15,
  administrativeReviewDays: 60,
  lawsuitMonths: 6,
  maxCaseFileBytes: 100 * 1024 * 1024,
};
