import { get } from '../lib/api.js';
import { departmentName, hallName } from '../lib/directory.js';
import { h, mount } from '../lib/dom.js';
import { t, tOr } from '../lib/i18n.js';
import type { SessionUser } from '../lib/session.js';
import type { CaseDetail, DueStatus, MaterialStatus, TimelineEntry } from '../lib/types.js';
import {
  badge,
  facts,
  fmt,
  fmtDate,
  fmtDateTime,
  navigate,
  provisionalBadge,
  statusBadge,
  table,
  warningBadge,
} from '../lib/ui.js';
import { commandBar } from './command-forms.js';
import { materialFilesPanel } from './material-files.js';
import { timelineList } from './timeline.js';

function due(
  label: string,
  status: DueStatus | null,
  provisionalYears: readonly number[],
  date: string | null = null,
): readonly [string, HTMLElement | string] {
  // Decided or finished: the date the limit was, without a countdown (a completed case keeps it).
  if (!status) return [label, date ?? '—'];
  return [
    label,
    h(
      'span',
      {},
      status.dueDate,
      ' ',
      status.workingDaysLeft < 0
        ? t('due.overdueBy', { n: -status.workingDaysLeft })
        : t('due.left', { n: status.workingDaysLeft }),
      ' ',
      warningBadge(status.warning),
      ' ',
      provisionalBadge(provisionalYears),
    ),
  ];
}

export function materialsTable(materials: readonly MaterialStatus[]): HTMLElement {
  const tone = (s: string): string =>
    s === 'submitted' || s === 'shared' ? 'green' : s === 'deficient' ? 'yellow' : 'red';
  return table(
    [
      {
        label: t('materialName'),
        cell: (m: MaterialStatus) => [m.name, m.key ? [' ', badge(t('keyMaterial'), 'red')] : null],
      },
      { label: t('status'), cell: (m) => badge(t(`material.${m.state}`), tone(m.state)) },
      { label: t('materialType'), cell: (m) => (m.form ? tOr(`form.${m.form}`, m.form) : '—') },
      { label: t('problem'), cell: (m) => m.problem ?? '' },
    ],
    materials,
  );
}

/** One case: where it stands, its materials and deadlines, what the caller may do now, and its history. */
export async function caseView(
  root: HTMLElement,
  [caseId]: string[],
  user: SessionUser | null,
): Promise<void> {
  const id = encodeURIComponent(caseId);
  const [c, timeline] = await Promise.all([
    get<CaseDetail>(`/api/cases/${id}`),
    get<{ entries: TimelineEntry[] }>(`/api/cases/${id}/timeline`),
  ]);
  const [hall, department] = await Promise.all([hallName(c.hall), departmentName(c.department)]);
  // Every notice the case stored (ADR 0018): the first of a kind is `voucher-<kind>`, a later one its number.
  const vouchers = (c.notices ?? []).map((n, index, all) =>
    h(
      'a',
      {
        class: 'button',
        href: `#/voucher/${id}/${encodeURIComponent(n.number)}`,
        id: all.findIndex((m) => m.kind === n.kind) === index ? `voucher-${n.kind}` : `voucher-${n.number}`,
      },
      t(`notice.kind.${n.kind}`),
    ),
  );
  const opinions = timeline.entries.filter((e) =>
    [
      'case.TaskPassed',
      'case.TaskReturned',
      'case.Approved',
      'case.Denied',
      'case.SpecialProcedureStarted',
      'case.SpecialProcedureEnded',
      'case.Extended',
    ].includes(e.type),
  );
  mount(
    root,
    h(
      'div',
      { class: 'grid cols-main' },
      h(
        'div',
        {},
        h(
          'section',
          { class: 'panel', id: 'case-summary', dataset: { revision: String(c.streamRevision) } },
          h(
            'h1',
            {},
            `${c.itemName} `,
            statusBadge(c.status),
            ' ',
            c.decisionPending ? warningBadge(c.warning) : null,
            ' ',
            c.greenChannel ? badge(t('greenChannel'), 'green') : null,
          ),
          facts([
            [t('caseNumber'), h('strong', { id: 'case-number' }, c.caseNumber)],
            // The state by its name; the machine's path stays in data-state (tests, support).
            [
              t('caseState'),
              h(
                'span',
                { id: 'case-state', dataset: { state: c.state } },
                tOr(`status.${c.state}`, t(`status.${c.status}`)),
              ),
            ],
            [
              t('applicant'),
              c.applicant
                ? `${c.applicant.name}（${t(`applicantKind.${c.applicant.kind}`)}） ${c.applicant.phone}`
                : c.applicantName,
            ],
            [t('hall'), hall],
            [t('department'), department],
            [t('receivedAt'), fmtDateTime(c.receivedAt)],
            [t('acceptedOn'), fmt(c.acceptedOn)],
            ...(c.dueDates.acceptance
              ? [due(t('acceptanceDue'), c.dueDates.acceptance, c.provisionalYears)]
              : []),
            due(t('statutoryDue'), c.dueDates.statutory, c.provisionalYears, c.statutoryDueDate),
            due(t('promisedDue'), c.dueDates.promised, c.provisionalYears, c.promisedDueDate),
            ...(c.completedOn ? [[t('completedOn'), fmtDate(c.completedOn)] as const] : []),
            [
              t('step'),
              c.currentStep
                ? `${c.currentStep}${c.holderName ? ` · ${t('claimedBy')} ${c.holderName}` : ''}`
                : '—',
            ],
            [t('supplyBy'), fmt(c.supplyBy)],
            [t('certificateNumber'), fmt(c.certificateNumber)],
          ]),
        ),
        h('section', { class: 'panel' }, h('h2', {}, t('materials')), materialsTable(c.materials)),
        materialFilesPanel(caseId, user),
        opinions.length
          ? h(
              'section',
              { class: 'panel', id: 'opinions' },
              h('h2', {}, t('opinions')),
              timelineList(opinions),
            )
          : null,
        h(
          'section',
          { class: 'panel' },
          h(
            'h2',
            {},
            t('timeline'),
            ' ',
            user?.role === 'admin'
              ? h('a', { href: `#/replay/${id}`, class: 'button', id: 'open-replay' }, t('replay'))
              : null,
          ),
          timelineList(timeline.entries),
        ),
      ),
      h(
        'div',
        {},
        commandBar(c, () => navigate(`#/case/${id}`)),
        vouchers.length
          ? h(
              'section',
              { class: 'panel no-print' },
              h('h2', {}, t('vouchers')),
              h('div', { class: 'actions' }, vouchers),
            )
          : null,
        c.tasks.length
          ? h(
              'section',
              { class: 'panel' },
              h('h2', {}, t('tasks')),
              table(
                [
                  { label: t('step'), cell: (x: CaseDetail['tasks'][number]) => x.label },
                  { label: t('status'), cell: (x) => tOr(`task.${x.status}`, x.status) },
                  { label: t('claimedBy'), cell: (x) => x.holder?.name ?? '—' },
                ],
                c.tasks,
              ),
            )
          : null,
      ),
    ),
  );
}
