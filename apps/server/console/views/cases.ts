import { fetchDownload, get } from '../lib/api.js';
import { caseStatuses } from '../lib/commands.js';
import { formValues, h, mount } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { directory } from '../lib/directory.js';
import { cursorList } from '../lib/pager.js';
import type { SessionUser } from '../lib/session.js';
import type { CaseListItem, DeadlineBoardItem } from '../lib/types.js';
import { badge, fmtDate, problemBox, provisionalBadge, statusBadge, table, warningBadge } from '../lib/ui.js';

/** The due-date column of a case table: the promised limit (a list), or a board's own date. */
export interface DueColumn {
  readonly label: string;
  readonly date: (c: CaseListItem & Partial<Pick<DeadlineBoardItem, 'dueDate'>>) => string | null;
}

const PROMISED: DueColumn = { label: 'promisedDue', date: (c) => c.promisedDueDate };

/** The acceptance board's column: the acceptance decision's last day (Art. 32). */
export const ACCEPTANCE_DUE: DueColumn = { label: 'acceptanceDue', date: (c) => c.dueDate ?? null };

export function caseTable(
  items: readonly (CaseListItem & Partial<Pick<DeadlineBoardItem, 'dueDate'>>)[],
  due: DueColumn = PROMISED,
): HTMLElement {
  return table(
    [
      {
        label: t('caseNumber'),
        cell: (c) => [c.caseNumber, c.greenChannel ? [' ', badge(t('greenChannel'), 'green')] : null],
      },
      { label: t('item'), cell: (c) => c.itemName },
      { label: t('applicant'), cell: (c) => c.applicantName },
      { label: t('status'), cell: (c) => statusBadge(c.status) },
      {
        label: t('step'),
        cell: (c) =>
          c.currentStep
            ? `${c.currentStep}${c.holderName ? ` · ${c.holderName}` : ''}`
            : c.completedOn
              ? t('completedWhen', { date: c.completedOn })
              : '—',
      },
      {
        label: t(due.label),
        cell: (c) => {
          const date = due.date(c);
          return [fmtDate(date), date ? provisionalBadge(c.provisionalYears) : null];
        },
      },
      { label: t('daysLeft'), cell: (c) => (c.workingDaysLeft === null ? '—' : String(c.workingDaysLeft)) },
      { label: t('warning'), cell: (c) => warningBadge(c.warning) },
    ],
    items,
    (c) => `#/case/${encodeURIComponent(c.caseId)}`,
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
export async function casesView(
  root: HTMLElement,
  _params: readonly string[] = [],
  user: SessionUser | null = null,
): Promise<void> {
  // The departments the user may look into: an approver's own is the scope already; a clerk's hall's; all for others.
  const departments = user?.department
    ? []
    : await directory()
        .then((d) => d.departments.filter((x) => !user?.hall || x.hall === user.hall))
        .catch(() => []);
  const dateField = (name: string, label: string) =>
    h('div', {}, h('label', { for: name }, label), h('input', { id: name, name, type: 'date' }));
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
    departments.length > 1
      ? h(
          'div',
          {},
          h('label', { for: 'department' }, t('department')),
          h(
            'select',
            { id: 'department', name: 'department' },
            h('option', { value: '' }, t('all')),
            departments.map((d) => h('option', { value: d.id }, d.name)),
          ),
        )
      : null,
    dateField('receivedFrom', t('field.receivedFrom')),
    dateField('receivedTo', t('field.receivedTo')),
    h('div', { class: 'align-end' }, h('button', { type: 'submit', class: 'primary' }, t('search'))),
    h(
      'div',
      { class: 'align-end' },
      h(
        'button',
        { type: 'button', id: 'export-csv', on: { click: () => void exportRegister('csv') } },
        t('register.exportCsv'),
      ),
    ),
    h(
      'div',
      { class: 'align-end' },
      h(
        'button',
        { type: 'button', id: 'export-xlsx', on: { click: () => void exportRegister('xlsx') } },
        t('register.exportXlsx'),
      ),
    ),
  );
  const filter = (): Record<string, string | undefined> => {
    const v = formValues(form);
    return {
      q: v.q,
      idNumber: v.idNumber,
      status: v.status,
      warning: v.warning,
      department: v.department || undefined,
      receivedFrom: v.receivedFrom || undefined,
      receivedTo: v.receivedTo || undefined,
    };
  };
  const list = cursorList(
    'case-list',
    (cursor) => get<CasePage>('/api/cases', { ...filter(), cursor }),
    (page) => caseTable(page.items),
    { found: 'casesFound', overCap: 'casesOverCap' },
  );
  const exportStatus = h('div', { id: 'export-status', role: 'status', 'aria-live': 'polite' });
  /** The register (台账) of the form's filter as a file: fetched with the token, saved by a download link. */
  async function exportRegister(format: 'csv' | 'xlsx'): Promise<void> {
    const query = new URLSearchParams({ format });
    for (const [key, value] of Object.entries(filter())) if (value) query.set(key, value);
    exportStatus.replaceChildren(t('register.exporting'));
    try {
      const { blob, name: file } = await fetchDownload(
        `/api/cases/export?${query.toString()}`,
        `${t('register.title')}.${format}`,
      );
      const url = URL.createObjectURL(blob);
      const link = h('a', { href: url, download: file, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      exportStatus.replaceChildren(t('register.exported', { file }));
    } catch (error) {
      exportStatus.replaceChildren(problemBox(error));
    }
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void list.load();
  });
  mount(
    root,
    h('section', { class: 'panel' }, h('h1', {}, t('nav.cases')), form, exportStatus),
    h('section', { class: 'panel' }, list.element),
  );
  await list.load();
}
