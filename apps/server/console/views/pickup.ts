import { get } from '../lib/api.js';
import { type Child, h, mount } from '../lib/dom.js';
import { t, tOr } from '../lib/i18n.js';
import { caseStatuses } from '../lib/commands.js';
import { ID_TYPES, bindIdPattern } from '../lib/id-types.js';
import type { CaseDetail, CaseListItem } from '../lib/types.js';
import { caseTable } from './cases.js';

/**
 * 综合窗口出件: a panel per status of the statechart's delivery stage (GET /api/case-statuses) —
 * results to issue, to hand out at the window or send by courier, and those on their way.
 */
export async function pickupView(root: HTMLElement): Promise<void> {
  const statuses = caseStatuses().filter((s) => s.stage === 'delivery');
  const lists = await Promise.all(
    statuses.map(({ status }) => get<{ items: CaseListItem[] }>('/api/cases', { status, pageSize: 100 })),
  );
  mount(
    root,
    h('h1', {}, t('nav.pickup')),
    statuses.map(({ status }, i) =>
      h(
        'section',
        { class: 'panel', id: status.replace('.', '-') },
        h('h2', {}, t(`status.${status}`)),
        caseTable(lists[i].items),
      ),
    ),
  );
}

type Values = Record<string, string>;
const RECIPIENT_KINDS = ['applicant', 'agent'];

/** An ID number as the hall writes it on the receipt: its type and last four characters. */
const idTail = (idType: string, idNumber: string): string =>
  `${tOr(`idType.${idType}`, idType)} ${idNumber ? `…${idNumber.slice(-4)}` : '—'}`;

/**
 * 确认领取's recipient (送达回证): the applicant in person — their name and ID filled in from the
 * case — or an agent by the agent's own name and ID. Required when the result was handed out at
 * the window; the server checks the ID number by its type (GB 11643, GB 32100).
 */
export const recipientWidget = {
  input: (c: CaseDetail | null): Child => {
    const required = !c?.dispatch || c.dispatch.method === 'window';
    const id = (name: string) => `cmd-recipient-${name}`;
    const labelled = (name: string, input: HTMLElement) =>
      h('div', {}, h('label', { for: id(name) }, t(`field.recipient.${name}`)), input);
    const applicant = c?.applicant;
    const types = [...new Set([...ID_TYPES, ...(applicant ? [applicant.idType] : [])])];
    const kind = h(
      'select',
      { id: id('collectedBy'), name: 'recipient.collectedBy', required },
      ['', ...RECIPIENT_KINDS].map((v) => h('option', { value: v }, v ? t(`collectedBy.${v}`) : '—')),
    );
    const name = h('input', { id: id('name'), name: 'recipient.name', required, maxlength: 100 });
    const idType = h(
      'select',
      { id: id('idType'), name: 'recipient.idType', required },
      types.map((v) => h('option', { value: v }, tOr(`idType.${v}`, v))),
    );
    const idNumber = h('input', { id: id('idNumber'), name: 'recipient.idNumber', required, maxlength: 50 });
    const summary = h('p', { class: 'muted', id: 'recipient-summary', 'aria-live': 'polite' }, '');
    const say = (): void => {
      summary.textContent = kind.value
        ? `${t('recipient')}：${t(`collectedBy.${kind.value}`)} ${name.value || '—'}（${idTail(idType.value, idNumber.value)}）`
        : '';
    };
    kind.addEventListener('change', () => {
      const person = kind.value === 'applicant' ? applicant : kind.value === 'agent' ? c?.agent : null;
      name.value = person?.name ?? '';
      idType.value = person?.idType ?? 'resident-id';
      idNumber.value = person?.idNumber ?? '';
      idType.dispatchEvent(new Event('change'));
      say();
    });
    for (const input of [name, idType, idNumber]) input.addEventListener('input', say);
    idType.addEventListener('change', say);
    bindIdPattern(idType, idNumber);
    return h(
      'fieldset',
      { id: 'recipient' },
      h('legend', {}, t('field.recipient')),
      h('div', { class: 'form-row' }, labelled('collectedBy', kind), labelled('name', name)),
      h('div', { class: 'form-row' }, labelled('idType', idType), labelled('idNumber', idNumber)),
      summary,
    );
  },
  value: (v: Values): unknown => {
    const collectedBy = v['recipient.collectedBy'];
    if (!collectedBy) return undefined; // courier or electronic delivery names no one
    return {
      collectedBy,
      name: (v['recipient.name'] ?? '').trim(),
      idType: v['recipient.idType'] ?? '',
      idNumber: (v['recipient.idNumber'] ?? '').trim().toUpperCase(),
    };
  },
};
