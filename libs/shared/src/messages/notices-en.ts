/** The notices' words in English (ADR 18), part of the one English catalog (`en.ts` spreads it). */
import type { NOTICES_ZH } from './notices-zh.js';

export const NOTICES_EN: Readonly<Record<keyof typeof NOTICES_ZH, string>> = {
  notices: 'Notices',
  'notice.kind.receipt': 'Receipt',
  'notice.kind.acceptance': 'Acceptance notice',
  'notice.kind.correction': 'Correction notice',
  'notice.kind.refusal': 'Refusal notice',
  'notice.kind.extension': 'Extension notice',
  'notice.kind.delivery': 'Proof of delivery',
  'notice.title.receipt': 'Receipt of application materials',
  'notice.title.acceptance.complete': 'Notice of acceptance',
  'notice.title.acceptance.with-deficiency': 'Notice of acceptance with deficiency',
  'notice.title.acceptance.deemed': 'Notice of acceptance (deemed accepted)',
  'notice.title.correction': 'Notice of everything to correct',
  'notice.title.refusal': 'Notice of refusal to accept',
  'notice.title.extension': 'Notice of extension',
  'notice.title.delivery': 'Proof of delivery',
  'notice.number': 'No. {number}',
  'notice.addressee': 'To {name}:',
  'notice.basis.licensing-law-32': 'Administrative Licensing Law, Art. 32',
  'notice.basis.licensing-law-42': 'Administrative Licensing Law, Art. 42',
  'notice.basis.licensing-law-44': 'Administrative Licensing Law, Art. 44',
  'notice.basis.regulation-6': 'Inner Mongolia Government Service Standardization Measures, Art. 6',
  'notice.basis.regulation-10': 'Inner Mongolia Government Service Standardization Measures, Art. 10',
  'notice.basis.regulation-27': 'Inner Mongolia Government Service Standardization Measures, Art. 27',
  'notice.basis.reconsideration-law-20': 'Administrative Reconsideration Law, Art. 20',
  'notice.basis.procedure-law-46': 'Administrative Procedure Law, Art. 46',
  'notice.basisLine': 'Basis: {basis}',
  'notice.material':
    '{name}{form, select, none {} original { (original)} copy { (copy)} electronic { (electronic)} shared { (fetched by data sharing)} other {}}',
  'notice.receipt.body':
    'The materials of your application for “{item}” handed in on {receivedOn, date} have been received, case number {caseNumber}. This receipt is not an acceptance.',
  'notice.receipt.received': 'Received',
  'notice.receipt.missing': 'Not handed in',
  'notice.receipt.answer':
    'We will decide on acceptance by {answerBy, date}; if the materials are incomplete or not in the legal form, we will tell you everything to correct at once before then, or the application counts as accepted from the day of receipt.',
  'notice.acceptance.complete':
    'Your application for “{item}” of {receivedOn, date} (case {caseNumber}) is complete and in the legal form; under {basis} it is accepted.',
  'notice.acceptance.with-deficiency':
    'The main materials of your application for “{item}” of {receivedOn, date} (case {caseNumber}) have been submitted in the legal form; the secondary materials below are still to be supplied. You have signed the commitment; under {basis} the application is accepted with deficiency.',
  'notice.acceptance.deemed':
    'We did not tell you within the legal time what to correct in your application for “{item}” of {receivedOn, date} (case {caseNumber}); under {basis} it counts as accepted from the day of receipt ({acceptedOn, date}).',
  'notice.acceptance.materials': 'Materials received',
  'notice.acceptance.missing': 'Materials to supply',
  'notice.acceptance.supply':
    'Please supply the materials above by {supplyBy, date}; the result is not handed out before.',
  'notice.acceptance.due':
    'Statutory limit {statutoryLimitDays, plural, one {# working day} other {# working days}}, decision by {statutoryDueDate, date}; promised limit {promisedLimitDays, plural, one {# working day} other {# working days}}, done by {promisedDueDate, date} (working days, statutory holidays excluded).',
  'notice.acceptance.queryCode': 'Query code: {code} (with the case number, look up the progress)',
  'notice.ratingQr': 'Scan to rate this service (valid until {validUntil, date})',
  'notice.rating': 'Rate this service: {url}',
  'notice.correction.body':
    'Your application for “{item}” of {receivedOn, date} (case {caseNumber}) is incomplete or not in the legal form. Under {basis}, here is everything to correct, at once:',
  'notice.correction.item': '{name}: {problem}',
  'notice.correction.by':
    'Please correct all of it by {correctBy, date}. With every correction handed in, the application is accepted; without them by then, it counts as withdrawn.',
  'notice.refusal.body':
    'Your application for “{item}” of {receivedOn, date} (case {caseNumber}) is not accepted: {reason}; basis: {legalBasis}.',
  'notice.refusal.competent': 'Please apply to {agency}.',
  'notice.refusal.remedies':
    'If you disagree, you may apply for administrative reconsideration to {reviewAuthority, select, none {the reconsideration body} other {{reviewAuthority}}} within {reviewDays} days, or sue at {court, select, none {the competent court} other {{court}}} within {lawsuitMonths} months, from the day you learn of this decision.',
  'notice.extension.body':
    'Your application for “{item}” of {receivedOn, date} (case {caseNumber}) cannot be decided within the statutory limit: {reason}. With the head’s approval and under {basis}, the limit is extended by {days, plural, one {# working day} other {# working days}}, from {previousDueDate, date} to {statutoryDueDate, date}.',
  'notice.extension.approvedBy': 'Approved by {name}',
  'notice.delivery.intro': 'The document below is delivered to the addressee; please sign for it.',
  'notice.delivery.document': 'Document',
  'notice.delivery.documentResult': '{name}{number, select, none {} other { (No. {number})}}',
  'notice.delivery.documentDenial':
    'Written denial decision{number, select, none {} other { (No. {number})}}',
  'notice.delivery.addressee': 'Addressee',
  'notice.delivery.method': 'Delivered by',
  'notice.delivery.place': 'Place',
  'notice.delivery.tracking': 'Tracking number {number}',
  'notice.delivery.recipient': 'Received by',
  'notice.delivery.recipientLine':
    '{name} ({collectedBy, select, applicant {the applicant} other {an agent}}, {idType, select, resident-id {resident ID} unified-social-credit-code {unified social credit code} uscc {unified social credit code} passport {passport} other {ID}} ending {idTail})',
  'notice.delivery.date': 'Date',
  'notice.delivery.signature': 'Signature of the recipient:',
  'notice.delivery.server': 'Delivered by: {name}',
  'notice.signature.applicant': 'Signature of the applicant (or agent):',
  'notice.handler': 'Handled by {name}',
  'notice.contact': 'Phone {phone}',
  'notice.address': 'Address {address}',
  'notice.place': 'Hall {hall} · Agency {agency}',
  'notice.seal': '{hall}\n(electronic seal)',
  'notice.hash': 'Check code (SHA-256): {hash}',
  'notice.intact': 'matches the record',
  'notice.altered': 'does not match the record: do not use',
  'problem.not-found.notice': 'The case has no notice numbered {number}.',
};
