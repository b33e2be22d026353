import type { LagReport, ProjectionLag } from '@one-window/read-models';
import type { RebuildState } from '../../src/reads/rebuild-tracker.js';
import { get, post } from '../lib/api.js';
import { h, mount } from '../lib/dom.js';
import { t, tOr } from '../lib/i18n.js';
import { badge, fmt, fmtDateTime, problemBox, table } from '../lib/ui.js';

/** GET /api/admin/projections: the runner's lag report and the rebuild's progress, as the server types them. */
type Report = LagReport & { readonly rebuild: RebuildState };

let poll: number | undefined;

/** Each read model's checkpoint and lag, and a rebuild from the log with progress. */
export async function projectionsView(root: HTMLElement): Promise<void> {
  window.clearTimeout(poll);
  const report = await get<Report>('/api/admin/projections');
  const message = h('div', {});
  const r = report.rebuild;
  const share = r.head ? Math.min(1, (r.position ?? 0) / r.head) : r.running ? 0 : 1;
  mount(
    root,
    h(
      'section',
      { class: 'panel', id: 'projections' },
      h(
        'h1',
        {},
        t('nav.projections'),
        ' ',
        badge(
          tOr(`projectionState.${report.status}`, report.status),
          report.status === 'live' ? 'green' : 'yellow',
        ),
      ),
      h('p', { class: 'muted' }, t('projectionHead', { n: fmt(report.head) })),
      report.lastError ? h('div', { class: 'problem' }, report.lastError) : null,
      table(
        [
          {
            label: t('projection'),
            cell: (p: ProjectionLag) =>
              `${tOr(`projectionName.${p.name}`, p.name)} · ${t('projectionVersion', { n: p.version })}`,
          },
          { label: t('checkpoint'), cell: (p) => fmt(p.checkpoint) },
          {
            label: t('lag'),
            cell: (p) =>
              `${t('eventsN', { n: p.eventsBehind, more: p.eventsBehindCapped })} · ${t('millisecondsN', { n: p.msBehind })}`,
          },
          { label: t('time'), cell: (p) => fmtDateTime(p.updatedAt) },
        ],
        report.projections,
      ),
    ),
    h(
      'section',
      { class: 'panel', id: 'rebuild' },
      h('h2', {}, t('rebuild')),
      r.startedAt
        ? h(
            'div',
            {},
            h('progress', { class: 'progress', max: 1000, value: Math.round(share * 1000) }),
            h(
              'p',
              { class: 'muted', id: 'rebuild-progress' },
              `${r.running ? t('rebuilding') : t('done')} · ${t('eventsN', { n: r.processed })} · ${fmt(r.position)} / ${fmt(r.head)}`,
            ),
            r.error ? h('div', { class: 'problem' }, r.error) : null,
          )
        : null,
      message,
      h(
        'button',
        {
          type: 'button',
          class: 'danger',
          id: 'rebuild-button',
          disabled: r.running,
          on: {
            click: () => {
              if (!window.confirm(t('rebuildConfirm'))) return;
              post('/api/admin/projections/rebuild', {})
                .then(() => projectionsView(root))
                .catch((error: unknown) => mount(message, problemBox(error)));
            },
          },
        },
        t('rebuild'),
      ),
    ),
  );
  if (r.running) poll = window.setTimeout(() => void projectionsView(root).catch(() => undefined), 1000);
}
