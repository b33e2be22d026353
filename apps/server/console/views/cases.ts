import { get } from '../lib/api.js';
import { caseStatuses } from '../lib/commands.js';
import { formValues, h, mount } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import type { CaseListItem } from '../lib/types.js';
import { badge, navigate, provisionalBadge, statusBadge, table, warningBadge } from '../lib/ui.js';

export function caseTable(items: readonly CaseListItem[]): HTMLElement {
  return table(
    [
      {
        label: t('caseNumber'),
        cell: (c: CaseListItem) => [
          c.caseNumber,
          c.greenChannel ? [' ', badge(t('greenChannel'), 'green')] : null,
        ],
      },
      { label: t('item'), cell: (c) => c.itemName },
      { label: t('applicant'), cell: (c) => c.applicantName },
      { label: t('status'), cell: (c) => statusBadge(c.status) },
      {
        label: t('step'),
        cell: (c) => (c.currentStep ? `${c.currentStep}${c.holderName ? ` · ${c.holderName}` : ''}` : '—'),
      },
      {
        label: t('promisedDue'),
        cell: (c) => [c.promisedDueDate ?? '—', c.promisedDueDate ? provisionalBadge(c.provisionalYears) : null],
      },
      { label: t('daysLeft'), cell: (c) => (c.workingDaysLeft === null ? '—' : String(c.workingDaysLeft)) },
      { label: t('warning'), cell: (c) => warningBadge(c.warning) },
    ],
    items,
    (c) => navigate(`#/case/${encodeURIComponent(c.caseId)}`),
  );
}

/** Case search: by number or applicant, status, warning level. */
export async function casesView(root: HTMLElement): Promise<void> {
  const results = h('div', { id: 'case-results' });
  const form = h(
    'form',
    { class: 'form-row', id: 'case-search' },
    h('div', {}, h('label', { for: 'q' }, t('text')), h('input', { id: 'q', name: 'q', type: 'search' })),
    h(
      'div',
      {},
      h('label', { for: 'status' }, t('status')),
      h(
        'select',
        { id: 'status', name: 'status' },
        h('option', { value: '' }, t('all')),
        caseStatuses().map(({ status }) => h('option', { value: status }, t(`status.${status}`))),
      ),
    ),
    h(
      'div',
      {},
      h('label', { for: 'warning' }, t('warning')),
      h(
        'select',
        { id: 'warning', name: 'warning' },
        h('option', { value: '' }, t('all')),
        ['none', 'yellow', 'red'].map((w) => h('option', { value: w }, t(`warning.${w}`))),
      ),
    ),
    h('div', { class: 'align-end' }, h('button', { type: 'submit', class: 'primary' }, t('search'))),
  );
  const search = async (): Promise<void> => {
    const v = formValues(form);
    const page = await get<{ items: CaseListItem[]; total: number }>('/api/cases', {
      q: v.q,
      status: v.status,
      warning: v.warning,
    });
    mount(results, h('p', { class: 'muted' }, `${page.total}`), caseTable(page.items));
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void search();
  });
  mount(
    root,
    h('section', { class: 'panel' }, h('h1', {}, t('nav.cases')), form),
    h('section', { class: 'panel' }, results),
  );
  await search();
}
