import { get, newIdempotencyKey, send } from '../lib/api.js';
import { formValues, h, mount } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import type { SessionUser } from '../lib/session.js';
import type { AllowedCommand, CommandAnswer, ObligationView } from '../lib/types.js';
import type { ObligationStatusFilter } from '@one-window/read-models';
import { badge, fmtDateTime, navigate, problemBox, table, toast } from '../lib/ui.js';
import { obligationCommand } from './command-forms.js';

/** GET /api/obligations: each obligation with the commands the engine says the caller may send to it now. */
type ObligationItem = ObligationView & { readonly allowedCommands: readonly AllowedCommand[] };

/** The list's filters (the read model's OBLIGATION_STATUS_FILTERS; the console bundle takes no value from a lib). */
const TABS = ['open', 'overdue', 'closed'] as const satisfies readonly ObligationStatusFilter[];

/** Bad ratings' follow-up: callback within 48 hours, rectify within 15 natural days, or explain (Art. 36). */
export async function obligationsView(
  root: HTMLElement,
  _params: string[],
  user: SessionUser | null,
): Promise<void> {
  const status = new URLSearchParams(location.hash.split('?')[1] ?? '').get('status') ?? 'open';
  const page = await get<{ items: ObligationItem[] }>('/api/obligations', { status });
  const formBox = h('div', {});
  const open = (o: ObligationItem, name: string): void => {
    const spec = obligationCommand(name);
    const key = newIdempotencyKey();
    const message = h('div', {});
    const form = h(
      'form',
      { class: 'panel', id: `form-${name}` },
      h('h2', {}, `${t(`cmd.${name}`)} · ${o.caseNumber}`),
      spec.fields(),
      message,
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('confirm'))),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      send<CommandAnswer>(spec.path(o.obligationId), spec.body(formValues(form)), key)
        .then(() => {
          toast(`${t(`cmd.${name}`)} ✓`);
          void obligationsView(root, [], user);
        })
        .catch((error: unknown) => mount(message, problemBox(error)));
    });
    mount(formBox, form);
  };
  mount(
    root,
    h('h1', {}, t('obligations')),
    h(
      'div',
      { class: 'tabs' },
      TABS.map((s) =>
        h(
          'button',
          {
            type: 'button',
            class: s === status ? 'active' : '',
            on: { click: () => navigate(`#/obligations?status=${s}`) },
          },
          t(`obligation.${s}`),
        ),
      ),
    ),
    formBox,
    h(
      'section',
      { class: 'panel', id: 'obligation-list' },
      table(
        [
          {
            label: t('caseNumber'),
            cell: (o: ObligationItem) =>
              h('a', { href: `#/case/${encodeURIComponent(o.caseId)}` }, o.caseNumber),
          },
          { label: t('item'), cell: (o) => o.itemName },
          {
            label: t('level'),
            cell: (o) => (o.rating.level ? `${o.rating.level} ${t(`level.${o.rating.level}`)}` : '—'),
          },
          { label: t('comment'), cell: (o) => o.rating.comment ?? '' },
          {
            label: t('callbackDue'),
            cell: (o) => [
              fmtDateTime(o.callback.dueAt),
              o.callback.overdue ? [' ', badge(t('warning.red'), 'red')] : null,
              o.callback.at ? [' ', badge(t('done'), 'green')] : null,
            ],
          },
          {
            label: t('rectifyDue'),
            cell: (o) => [
              o.rectification.dueBy,
              o.rectification.overdue ? [' ', badge(t('warning.red'), 'red')] : null,
            ],
          },
          {
            label: t('status'),
            cell: (o) =>
              o.outcome
                ? badge(
                    o.outcome === 'rectified' ? t('cmd.RectifyObligation') : t('cmd.ExplainObligation'),
                    'green',
                  )
                : badge(t(`obligation.${o.overdue ? 'overdue' : o.status}`), o.overdue ? 'red' : 'blue'),
          },
          {
            label: '',
            cell: (o) =>
              o.allowedCommands.length
                ? h(
                    'div',
                    { class: 'actions' },
                    o.allowedCommands.map(({ type }) =>
                      h(
                        'button',
                        { type: 'button', dataset: { command: type }, on: { click: () => open(o, type) } },
                        t(`cmd.${type}`),
                      ),
                    ),
                  )
                : null,
          },
        ],
        page.items,
      ),
    ),
  );
}
