/** The shapes the console reads from the API (see /api/docs for the full schemas). */
export interface CatalogItem {
  readonly code: string;
  readonly version: number;
  readonly name: string;
  readonly nameEn?: string;
  readonly itemType: string;
  readonly level: number;
  readonly caseKind: 'on-the-spot' | 'promised';
  readonly department: string;
  readonly implementingAgency: string;
  readonly statutoryLimitDays: number;
  readonly promisedLimitDays: number;
  readonly charged: boolean;
  readonly steps: number;
}

export interface GuideMaterial {
  readonly code: string;
  readonly name: string;
  readonly type: 'original' | 'copy' | 'electronic';
  readonly sourceChannel: string;
  readonly sharedSource?: string;
  readonly copies: number;
  readonly format: string;
  readonly key: boolean;
  readonly deficiencyAllowed: boolean;
}

export interface GuideStep {
  readonly name: string;
  readonly label: string;
  readonly department: string;
  readonly role: string;
  readonly timeLimitDays: number;
  readonly reviewStandard: string;
  readonly result: string;
}

export interface Guide extends Omit<CatalogItem, 'charged' | 'steps'> {
  readonly legalBasis: string;
  readonly acceptanceConditions: string;
  readonly resultName: string;
  readonly fee: { readonly charged: boolean; readonly standard?: string; readonly basis?: string };
  readonly materials: readonly GuideMaterial[];
  readonly steps: readonly GuideStep[];
  readonly courierDelivery: boolean;
  readonly place: string;
  readonly hours: string;
  readonly enquiry: string;
  readonly versions: readonly number[];
}

export interface Directory {
  readonly halls: readonly { id: string; name: string }[];
  readonly departments: readonly { id: string; name: string; hall: string }[];
}

export interface CommandAnswer {
  readonly caseId: string;
  readonly caseNumber?: string;
  readonly state: string;
  readonly revision: number;
  readonly position: number;
  readonly written: boolean;
}

export interface MaterialStatus {
  readonly code: string;
  readonly name: string;
  readonly key: boolean;
  readonly deficiencyAllowed: boolean;
  readonly state: 'submitted' | 'shared' | 'missing' | 'to-correct' | 'deficient';
  readonly form?: string;
  readonly problem?: string;
}

export interface DueStatus {
  readonly dueDate: string;
  readonly workingDaysLeft: number | null;
  readonly warning: 'none' | 'yellow' | 'red';
}

export interface CaseListItem {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly hall: string;
  readonly itemCode: string;
  readonly itemName: string;
  readonly department: string;
  readonly applicantName: string;
  readonly channel: string;
  readonly greenChannel: boolean;
  readonly status: string;
  readonly stage: string;
  readonly currentStep: string | null;
  readonly holderName: string | null;
  readonly receivedOn: string;
  readonly receivedAt: string;
  readonly acceptedOn: string | null;
  readonly statutoryDueDate: string | null;
  readonly promisedDueDate: string | null;
  readonly warning: 'none' | 'yellow' | 'red';
  readonly workingDaysLeft: number | null;
  readonly revision: number;
  readonly position: number;
}

export interface TaskView {
  readonly taskId: string;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly n: number;
  readonly step: string;
  readonly label: string;
  readonly department: string;
  readonly role: string;
  readonly status: string;
  readonly holder: { readonly userId: string; readonly name: string } | null;
  readonly createdOn: string;
  readonly stepDueDate: string;
  readonly specialProcedure: boolean;
  readonly greenChannel: boolean;
  readonly applicantName: string;
  readonly itemName: string;
  readonly statutoryDueDate: string | null;
  readonly promisedDueDate: string | null;
  readonly warning: 'none' | 'yellow' | 'red';
  readonly workingDaysLeft: number | null;
}

export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

export interface TimelineEntry {
  readonly revision: number;
  readonly position: number;
  readonly type: string;
  readonly at: string;
  readonly actor: {
    readonly userId: string;
    readonly name: string;
    readonly role: string;
    readonly roleLabel: Bilingual;
  } | null;
  readonly title: Bilingual;
  readonly detail: Bilingual;
}

export interface ObligationView {
  readonly obligationId: string;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly itemName: string;
  readonly applicantName: string;
  readonly hall: string;
  readonly department: string;
  readonly rating: {
    readonly n: number;
    readonly level: number | null;
    readonly stage: string | null;
    readonly comment: string | null;
    readonly ratedAt: string | null;
  };
  readonly openedAt: string;
  readonly callback: {
    readonly dueAt: string;
    readonly at: string | null;
    readonly verified: boolean | null;
    readonly notes: string | null;
    readonly overdue: boolean;
  };
  readonly rectification: { readonly dueBy: string; readonly dueAt: string; readonly overdue: boolean };
  readonly status: 'open' | 'closed';
  readonly overdue: boolean;
  readonly outcome: 'rectified' | 'explained' | null;
  readonly outcomeText: string | null;
  readonly closedAt: string | null;
}

/** A command the caller may send now, with what it acts on. */
export interface AllowedCommand {
  readonly type: string;
  readonly taskId?: string;
  readonly obligationId?: string;
  readonly n?: number;
}

/** GET /api/cases/{id}: the read model's summary plus what the engine says the caller may do now. */
export interface CaseDetail extends CaseListItem {
  readonly guideVersion: number;
  readonly caseKind: string;
  readonly applicantKind: string;
  readonly correctionNoticeDueBy: string | null;
  readonly correctBy: string | null;
  readonly acceptanceKind: 'accepted' | 'with-deficiency' | 'deemed' | null;
  readonly decisionPending: boolean;
  readonly dueDates: { readonly statutory: DueStatus | null; readonly promised: DueStatus | null };
  readonly clockStopped: boolean;
  readonly suspendedWorkingDays: number;
  readonly extendedDays: number;
  readonly materials: readonly MaterialStatus[];
  readonly openDeficiencies: readonly MaterialStatus[];
  readonly supplyBy: string | null;
  readonly outcome: string | null;
  readonly resultDueBy: string | null;
  readonly certificateNumber: string | null;
  readonly dispatch: {
    readonly method: string;
    readonly trackingNumber: string | null;
    readonly dispatchedOn: string;
  } | null;
  readonly completedOn: string | null;
  readonly state: string;
  readonly streamRevision: number;
  readonly allowedCommands: readonly AllowedCommand[];
  readonly currentTaskId: string | null;
  readonly activeSpecialProcedure: number | null;
  readonly returnTargets: readonly string[];
  readonly tasks: readonly TaskView[];
  readonly obligations: readonly ObligationView[];
  readonly acceptanceVoucher: string | null;
  readonly correction: {
    readonly items: readonly { code: string; problem: string }[];
    readonly requestedOn: string;
    readonly correctBy: string;
  } | null;
  readonly refusal: {
    readonly reason: string;
    readonly legalBasis: string;
    readonly competentAgency?: string;
    readonly refusedOn: string;
    readonly voucherNumber: string;
  } | null;
  readonly applicant: {
    readonly kind: string;
    readonly name: string;
    readonly idType: string;
    readonly idNumber: string;
    readonly phone: string;
  } | null;
}
