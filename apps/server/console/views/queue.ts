import { get, newIdempotencyKey, send } from '../lib/api.js';
import { h, mount } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { cursorList, type CursorPage } from '../lib/pager.js';
import type { CommandAnswer, TaskView } from '../lib/types.js';
import { badge, problemBox, table, toast, warningBadge } from '../lib/ui.js';

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
          x.specialProcedure ? [' ', badge(t('status.backOffice.specialProcedure'), 'yellow')] : null,
          x.supervisedOn ? [' ', badge(t('cmd.SendSupervisionNotice'), 'red')] : null,
        ],
      },
      { label: t('promisedDue'), cell: (x) => x.promisedDueDate ?? '—' },
      { label: t('warning'), cell: (x) => warningBadge(x.warning) },
      { label: t('claimedBy'), cell: (x) => x.holder?.name ?? '—' },
      {
        label: '',
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

/** The approver's queue: green channel first, then due date (the read model's order); each list paged by cursor. */
export async function queueView(root: HTMLElement): Promise<void> {
  const message = h('div', {});
  const reload = (): void => void queueView(root);
  const tasks = (id: string, query: Record<string, string>, claim: boolean) =>
    cursorList(
      id,
      (cursor) => get<CursorPage & { items: TaskView[] }>('/api/tasks', { ...query, cursor }),
      (page) => taskTable(page.items, claim, reload, message),
    );
  const mine = tasks('my-task-list', { queue: 'mine', status: 'claimed' }, false);
  const department = tasks('department-task-list', { queue: 'department', status: 'open' }, true);
  await Promise.all([mine.load(), department.load()]);
  mount(
    root,
    h('h1', {}, t('nav.queue')),
    message,
    h('section', { class: 'panel', id: 'my-tasks' }, h('h2', {}, t('myTasks')), mine.element),
    h(
      'section',
      { class: 'panel', id: 'department-tasks' },
      h('h2', {}, t('departmentQueue')),
      department.element,
    ),
  );
}
