/**
 * A notice of ADR 0018 as paper: the article the console prints on A4 and the applicant's progress
 * page shows to print or save, rendered from the content the case stored — never a second copy —
 * with its SHA-256 and whether the stored content still hashes to it.
 */
import { h } from './dom.js';
import { messages, type MessageParams } from './i18n.js';
// Types only (erased in the browser): the content's fields are the engine's own.
import type { NoticeContent, NoticeMaterial } from '../../../../libs/case/src/notices/notice-content.js';

/** A notice as the case stored it (GET /api/cases/{id}/notices/{number}, POST /api/public/progress/notice). */
export interface StoredNotice {
  readonly kind: string;
  readonly number: string;
  readonly sha256: string;
  readonly intact: boolean;
  readonly content: NoticeContent;
}

/** The paper is Chinese: the applicant keeps it (the words are the catalog's `notice.*`, ADR 15). */
export const zh = (key: string, params: MessageParams = {}): string => messages.t('zh', key, params);
const p = (text: string) => h('p', {}, text);
const list = (items: readonly NoticeMaterial[]) =>
  h(
    'ol',
    {},
    items.map((m) => h('li', {}, zh('notice.material', { name: m.name, form: m.form ?? 'none' }))),
  );

/**
 * The query code is letters and digits drawn at random (QUERY_CODE_ALPHABET), not words: it is
 * marked `translate="no"` so that neither a browser's translation nor a reader takes "MCWBNW" for
 * English, and set apart in a monospace span the applicant can copy.
 */
function queryCode(code: string): HTMLElement {
  const [before = '', after = ''] = zh('notice.acceptance.queryCode', { code: '\u0000' }).split('\u0000');
  return h('p', {}, before, h('span', { class: 'query-code', translate: 'no' }, code), after);
}

function body(n: NoticeContent): (HTMLElement | null)[] {
  const basis = n.basis.map((b) => zh(`notice.basis.${b}`)).join('、');
  const common = { receivedOn: n.receivedOn, item: n.item.name, caseNumber: n.caseNumber, basis };
  switch (n.kind) {
    case 'receipt':
      return [
        p(zh('notice.receipt.body', common)),
        h('h2', {}, zh('notice.receipt.received')),
        list(n.received),
        n.missing.length ? h('h2', {}, zh('notice.receipt.missing')) : null,
        n.missing.length ? list(n.missing) : null,
        p(zh('notice.receipt.answer', { answerBy: n.answerBy })),
      ];
    case 'acceptance':
      return [
        p(zh(`notice.acceptance.${n.variant}`, { ...common, acceptedOn: n.acceptedOn })),
        h('h2', {}, zh('notice.acceptance.materials')),
        list(n.materials),
        n.missing.length ? h('h2', {}, zh('notice.acceptance.missing')) : null,
        n.missing.length ? list(n.missing) : null,
        n.supplyBy ? p(zh('notice.acceptance.supply', { supplyBy: n.supplyBy })) : null,
        p(
          zh('notice.acceptance.due', {
            statutoryLimitDays: n.statutoryLimitDays,
            statutoryDueDate: n.statutoryDueDate,
            promisedLimitDays: n.promisedLimitDays,
            promisedDueDate: n.promisedDueDate,
          }),
        ),
        n.queryCode ? queryCode(n.queryCode) : null,
        n.ratingUrl ? p(zh('notice.rating', { url: n.ratingUrl })) : null,
      ];
    case 'correction':
      return [
        p(zh('notice.correction.body', common)),
        h(
          'ol',
          {},
          n.items.map((i) => h('li', {}, zh('notice.correction.item', { name: i.name, problem: i.problem }))),
        ),
        p(zh('notice.correction.by', { correctBy: n.correctBy })),
      ];
    case 'refusal':
      return [
        p(zh('notice.refusal.body', { ...common, reason: n.reason, legalBasis: n.legalBasis })),
        n.competentAgency ? p(zh('notice.refusal.competent', { agency: n.competentAgency })) : null,
        p(
          zh('notice.refusal.remedies', {
            ...n.remedies,
            reviewAuthority: n.remedies.reviewAuthority ?? 'none',
            court: n.remedies.court ?? 'none',
          }),
        ),
      ];
    case 'extension':
      return [
        p(
          zh('notice.extension.body', {
            ...common,
            reason: n.reason,
            days: n.days,
            previousDueDate: n.previousDueDate,
            statutoryDueDate: n.statutoryDueDate,
          }),
        ),
        p(zh('notice.extension.approvedBy', { name: n.approvedBy })),
      ];
    case 'delivery': {
      const doc = n.document;
      const r = n.recipient;
      const row = (label: string, value: string) =>
        h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, value));
      return [
        p(zh('notice.delivery.intro')),
        h(
          'table',
          { class: 'notice-table' },
          h(
            'tbody',
            {},
            row(
              zh('notice.delivery.document'),
              doc.kind === 'result'
                ? zh('notice.delivery.documentResult', { name: doc.name ?? '', number: doc.number ?? 'none' })
                : zh('notice.delivery.documentDenial', { number: doc.number ?? 'none' }),
            ),
            row(zh('notice.delivery.addressee'), n.applicant.name),
            row(
              zh('notice.delivery.method'),
              zh(`method.${n.method}`) +
                (n.trackingNumber
                  ? `\u3000${zh('notice.delivery.tracking', { number: n.trackingNumber })}`
                  : ''),
            ),
            row(zh('notice.delivery.recipient'), r ? zh('notice.delivery.recipientLine', r) : '—'),
            row(zh('notice.delivery.date'), n.deliveredOn),
          ),
        ),
        p(zh('notice.delivery.signature')),
        n.ratingUrl ? p(zh('notice.rating', { url: n.ratingUrl })) : null,
      ];
    }
  }
}

/** The notice's article (Chinese, whatever the page's language); `rating` is the QR figure, if any. */
export function noticeArticle(notice: StoredNotice, rating: HTMLElement | null = null): HTMLElement {
  const n = notice.content;
  const title = n.kind === 'acceptance' ? `notice.title.acceptance.${n.variant}` : `notice.title.${n.kind}`;
  return h(
    'article',
    { class: 'voucher', id: `voucher-${n.kind}`, lang: 'zh-CN' },
    h('div', { class: 'voucher-no' }, zh('notice.number', { number: n.number })),
    h('h1', {}, zh(title)),
    p(zh('notice.addressee', { name: n.applicant.name })),
    ...body(n),
    p(zh('notice.basisLine', { basis: n.basis.map((b) => zh(`notice.basis.${b}`)).join('、') })),
    p(zh('notice.place', { hall: n.hall.name, agency: n.agency })),
    n.hall.phone ? p(zh('notice.contact', { phone: n.hall.phone })) : null,
    n.hall.address ? p(zh('notice.address', { address: n.hall.address })) : null,
    n.issuedBy ? p(zh('notice.handler', { name: n.issuedBy })) : null,
    rating,
    h(
      'div',
      { class: 'seal' },
      h('div', {}, n.hall.name),
      h('div', {}, n.issuedOn),
      h('div', { class: 'stamp' }, zh('notice.seal', { hall: n.hall.name })),
    ),
    h(
      'p',
      { class: 'notice-hash', id: 'notice-hash' },
      zh('notice.hash', { hash: notice.sha256 }),
      ' · ',
      zh(notice.intact ? 'notice.intact' : 'notice.altered'),
    ),
  );
}
