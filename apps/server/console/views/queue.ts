import type { CaseStatus } from '@one-window/case';
import { get, newIdempotencyKey, send } from '../lib/api.js';
import { h, mount } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { cursorList, type CursorPage } from '../lib/pager.js';
import { loadQueueCounts, type TaskCounts } from '../lib/queue-counts.js';
import type { SessionUser } from '../lib/session.js';
import type { CatalogItem, CommandAnswer, Guide, TaskView } from '../lib/types.js';
import {
  badge,
  fmtDate,
  fmtDateTime,
  problemBox,
  statusBadge,
  table,
  toast,
  warningBadge,
} from '../lib/ui.js';

/** How often the queue asks whether the read models moved (GET /api/tasks/counts' position). */
const POLL_MS = 5_000;
const FILTER_KEY = 'one-window.queue-filter';
const DUE_WITHIN = ['0', '1', '3', '5', '10'];

type Status = 'open' | 'all' | 'mine';

function stepDue(x: TaskView): HTMLElement {
  const left = x.stepWorkingDaysLeft;
  const words =
    left === null ? null : left < 0 ? t('queue.stepLate', { n: -left }) : t('queue.stepLeft', { n: left });
  const tone = x.stepWarning === 'red' ? 'red' : x.stepWarning === 'yellow' ? 'yellow' : 'ok';
  return h('span', { class: 'step-due' }, fmtDate(x.stepDueDate), words ? [' ', badge(words, tone)] : null);
}

function taskTable(
  tasks: readonly TaskView[],
  claim: boolean,
  onChange: () => void,
  message: HTMLElement,
): HTMLElement {
  return table(
    [
      {
        label: t('caseNumber'),
        cell: (x: TaskView) => [
          x.caseNumber,
          x.greenChannel ? [' ', badge(t('greenChannel'), 'green')] : null,
        ],
      },
      { label: t('item'), cell: (x) => x.itemName },
      { label: t('applicant'), cell: (x) => x.applicantName },
      {
        label: t('step'),
        cell: (x) => [
          x.label,
          x.specialProcedure ? [' ', statusBadge('backOffice.specialProcedure' satisfies CaseStatus)] : null,
          x.deficiency ? [' ', badge(t('queue.deficiency'), 'yellow')] : null,
          x.extended ? [' ', badge(t('queue.extended'), 'blue')] : null,
          x.marks.map((m) => [' ', badge(t(`queue.${m.name}`), m.tone)]),
        ],
      },
      { label: t('queue.stepDue'), cell: (x) => stepDue(x) },
      { label: t('warning'), cell: (x) => warningBadge(x.warning) },
      {
        label: t('claimedBy'),
        cell: (x) =>
          x.holder ? [x.holder.name, x.claimedAt ? [' · ', fmtDateTime(x.claimedAt)] : null] : '—',
      },
      {
        label: t('queue.actionsColumn'),
        cell: (x) =>
          h(
            'div',
            { class: 'actions' },
            claim && !x.holder
              ? h(
                  'button',
                  {
                    type: 'button',
                    class: 'primary',
                    dataset: { claim: x.taskId },
                    on: {
                      click: (e) => {
                        e.stopPropagation();
                        send<CommandAnswer>(
                          `/api/tasks/${encodeURIComponent(x.taskId)}/claim`,
                          {},
                          newIdempotencyKey(),
                        )
                          .then(() => {
                            toast(`${t('cmd.ClaimTask')} ✓`);
                            onChange();
                          })
                          .catch((error: unknown) => mount(message, problemBox(error)));
                      },
                    },
                  },
                  t('cmd.ClaimTask'),
                )
              : null,
            h(
              'a',
              {
                class: 'button',
                href: `#/case/${encodeURIComponent(x.caseId)}`,
                dataset: { open: x.caseId },
              },
              t('open'),
            ),
          ),
      },
    ],
    tasks,
    (x) => `#/case/${encodeURIComponent(x.caseId)}`,
  );
}

/** The department's items and the steps of them this user works (by the user's department and role). */
async function itemsAndSteps(
  user: SessionUser | null,
): Promise<{ items: CatalogItem[]; steps: { name: string; label: string }[] }> {
  if (!user?.department) return { items: [], steps: [] };
  const items = await get<CatalogItem[]>('/api/catalog/items', { department: user.department });
  const guides = await Promise.all(
    items.map((i) => get<Guide>(`/api/catalog/items/${encodeURIComponent(i.code)}`)),
  );
  const steps = new Map<string, string>();
  for (const guide of guides)
    for (const step of guide.steps)
      if (step.department === user.department && step.role === (user.role === 'head' ? 'head' : 'approver'))
        if (!steps.has(step.name)) steps.set(step.name, step.label);
  return { items, steps: [...steps].map(([name, label]) => ({ name, label })) };
}

function select(name: string, label: string, options: readonly (readonly [string, string])[], value: string) {
  return h(
    'div',
    {},
    h('label', { for: `queue-${name}` }, label),
    h(
      'select',
      { id: `queue-${name}`, name },
      options.map(([v, words]) => h('option', { value: v, selected: v === value }, words)),
    ),
  );
}

function flag(name: string, label: string, checked: boolean): HTMLElement {
  return h(
    'label',
    { class: 'inline' },
    h('input', { type: 'checkbox', id: `queue-${name}`, name, checked }),
    label,
  );
}

function savedFilter(): Record<string, string> {
  try {
    return JSON.parse(sessionStorage.getItem(FILTER_KEY) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

/**
 * The approver's queue at Tasklist level: filters (item, step, claim status, green channel, 容缺,
 * 延期, due within N working days), search by case number or applicant, two orders; the step's
 * own due date and the case's marks on each row. It asks every few seconds whether the read
 * models moved (the position GET /api/tasks/counts answers) and reloads the pages shown, keeping
 * the filters, the pages and the scroll; the filters are kept for the tab.
 */
export async function queueView(
  root: HTMLElement,
  _params: readonly string[] = [],
  user: SessionUser | null = null,
): Promise<void> {
  const message = h('div', {});
  const saved = savedFilter();
  const { items, steps } = await itemsAndSteps(user).catch(() => ({ items: [], steps: [] }));
  const form = h(
    'form',
    { id: 'queue-filter', 'aria-label': t('queue.filters') },
    h(
      'div',
      { class: 'form-row' },
      h(
        'div',
        {},
        h('label', { for: 'queue-q' }, t('text')),
        h('input', { id: 'queue-q', name: 'q', type: 'search', value: saved.q ?? '' }),
      ),
      select(
        'item',
        t('item'),
        [['', t('all')], ...items.map((i) => [i.code, i.name] as const)],
        saved.item ?? '',
      ),
      select(
        'step',
        t('step'),
        [['', t('all')], ...steps.map((s) => [s.name, s.label] as const)],
        saved.step ?? '',
      ),
      select(
        'status',
        t('queue.status'),
        (['open', 'all', 'mine'] as const).map((s) => [s, t(`queue.status.${s}`)] as const),
        saved.status ?? 'open',
      ),
      select(
        'dueWithin',
        t('queue.dueWithin'),
        [
          ['', t('queue.dueWithin.any')],
          ...DUE_WITHIN.map((n) => [n, t('queue.dueWithin.n', { n: Number(n) })] as const),
        ],
        saved.dueWithin ?? '',
      ),
      select(
        'sort',
        t('queue.sort'),
        (['stepDue', 'received'] as const).map((s) => [s, t(`queue.sort.${s}`)] as const),
        saved.sort ?? 'stepDue',
      ),
    ),
    h(
      'div',
      { class: 'queue-flags' },
      h('span', { class: 'muted' }, t('queue.onlyMarked')),
      flag('greenChannel', t('greenChannel'), saved.greenChannel === 'on'),
      flag('deficiency', t('queue.deficiency'), saved.deficiency === 'on'),
      flag('extended', t('queue.extended'), saved.extended === 'on'),
      h('button', { type: 'submit', class: 'primary', id: 'queue-apply' }, t('search')),
    ),
  );
  const values = (): Record<string, string> => {
    const v: Record<string, string> = {};
    new FormData(form).forEach((value, key) => {
      if (typeof value === 'string') v[key] = value;
    });
    return v;
  };
  const query = (v: Record<string, string>): Record<string, string | undefined> => ({
    q: v.q?.trim() || undefined,
    item: v.item || undefined,
    step: v.step || undefined,
    dueWithin: v.dueWithin || undefined,
    sort: v.sort && v.sort !== 'stepDue' ? v.sort : undefined,
    greenChannel: v.greenChannel === 'on' ? 'true' : undefined,
    deficiency: v.deficiency === 'on' ? 'true' : undefined,
    extended: v.extended === 'on' ? 'true' : undefined,
  });
  let counts: TaskCounts | null = null;
  const refreshAll = async (): Promise<void> => {
    const y = window.scrollY;
    await Promise.all([mine.refresh(), department.refresh()]);
    counts = await loadQueueCounts(user);
    window.scrollTo(0, y);
  };
  const reload = (): void => void refreshAll();
  const tasks = (id: string, fixed: () => Record<string, string | undefined>, claim: () => boolean) =>
    cursorList(
      id,
      (cursor) =>
        get<CursorPage & { items: TaskView[] }>('/api/tasks', { ...query(values()), ...fixed(), cursor }),
      (page) => taskTable(page.items, claim(), reload, message),
    );
  const status = (): Status => (values().status as Status | undefined) ?? 'open';
  const mine = tasks(
    'my-task-list',
    () => ({ queue: 'mine', status: 'claimed' }),
    () => false,
  );
  const department = tasks(
    'department-task-list',
    () => {
      const s = status();
      return s === 'mine'
        ? { queue: 'mine' }
        : { queue: 'department', status: s === 'open' ? 'open' : undefined };
    },
    () => status() !== 'mine',
  );
  const departmentTitle = h('h2', { id: 'department-tasks-title' }, t(`queue.title.${status()}`));
  const updated = h('p', { class: 'muted', id: 'queue-updated', role: 'status' });
  const apply = async (): Promise<void> => {
    sessionStorage.setItem(FILTER_KEY, JSON.stringify(values()));
    departmentTitle.textContent = t(`queue.title.${status()}`);
    await Promise.all([mine.load(), department.load()]);
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void apply();
  });
  form.addEventListener('change', (e) => {
    if ((e.target as HTMLElement).id !== 'queue-q') void apply();
  });
  await Promise.all([mine.load(), department.load()]);
  mount(
    root,
    h('h1', {}, t('nav.queue')),
    h('section', { class: 'panel', id: 'queue-filters' }, form),
    message,
    h('section', { class: 'panel', id: 'my-tasks' }, h('h2', {}, t('myTasks')), mine.element),
    h('section', { class: 'panel', id: 'department-tasks' }, departmentTitle, department.element),
    updated,
  );
  counts = await loadQueueCounts(user);
  // Auto-refresh: poll the read models' position; a change reloads the pages shown. The timer
  // stops once the view is gone (another route replaced it).
  const timer = window.setInterval(() => {
    if (!form.isConnected) {
      window.clearInterval(timer);
      return;
    }
    void get<TaskCounts>('/api/tasks/counts')
      .then(async (next) => {
        if (!form.isConnected || next.position === counts?.position) return;
        await refreshAll();
        updated.textContent = t('queue.updated', { time: fmtDateTime(new Date().toISOString()) });
      })
      .catch(() => undefined);
  }, POLL_MS);
}
