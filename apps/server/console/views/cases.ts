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
        cell: (c) => [
          c.promisedDueDate ?? '—',
          c.promisedDueDate ? provisionalBadge(c.provisionalYears) : null,
        ],
      },
      { label: t('daysLeft'), cell: (c) => (c.workingDaysLeft === null ? '—' : String(c.workingDaysLeft)) },
      { label: t('warning'), cell: (c) => warningBadge(c.warning) },
    ],
    items,
    (c) => navigate(`#/case/${encodeURIComponent(c.caseId)}`),
  );
}

interface CasePage {
  items: CaseListItem[];
  total: number;
  totalCapped: boolean;
  nextCursor: string | null;
}

/**
 * Case search: by number or applicant (two characters are enough), ID number, status, warning
 * level; pages follow the server's cursors (a stack of them, so 上一页 goes back).
 */
export async function casesView(root: HTMLElement): Promise<void> {
  const results = h('div', { id: 'case-results' });
  const form = h(
    'form',
    { class: 'form-row', id: 'case-search' },
    h('div', {}, h('label', { for: 'q' }, t('text')), h('input', { id: 'q', name: 'q', type: 'search' })),
    h(
      'div',
      {},
      h('label', { for: 'idNumber' }, t('idNumberTail')),
      h('input', { id: 'idNumber', name: 'idNumber', type: 'search', inputmode: 'text' }),
    ),
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
  /** The cursors of the pages before the one shown (undefined: the first page). */
  let previous: (string | undefined)[] = [];
  let shown: string | undefined;
  const load = async (cursor: string | undefined): Promise<void> => {
    const v = formValues(form);
    const page = await get<CasePage>('/api/cases', {
      q: v.q,
      idNumber: v.idNumber,
      status: v.status,
      warning: v.warning,
      cursor,
    });
    shown = cursor;
    const count = page.totalCapped
      ? t('casesOverCap', { n: page.total })
      : t('casesFound', { n: page.total });
    const pager = h(
      'div',
      { class: 'form-row', id: 'case-pager' },
      h(
        'button',
        {
          type: 'button',
          id: 'page-prev',
          disabled: previous.length === 0,
          on: { click: () => void load(previous.pop()) },
        },
        t('pagePrev'),
      ),
      h('span', { class: 'muted', id: 'page-number' }, t('pageN', { n: previous.length + 1 })),
      h(
        'button',
        {
          type: 'button',
          id: 'page-next',
          disabled: !page.nextCursor,
          on: {
            click: () => {
              if (!page.nextCursor) return;
              previous.push(shown);
              void load(page.nextCursor);
            },
          },
        },
        t('pageNext'),
      ),
    );
    mount(results, h('p', { class: 'muted', id: 'case-count' }, count), caseTable(page.items), pager);
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    previous = [];
    void load(undefined);
  });
  mount(
    root,
    h('section', { class: 'panel' }, h('h1', {}, t('nav.cases')), form),
    h('section', { class: 'panel' }, results),
  );
  await load(undefined);
}
