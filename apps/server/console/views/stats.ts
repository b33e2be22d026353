import { get } from '../lib/api.js';
import { formValues, h, mount } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { table } from '../lib/ui.js';
import { barChart } from './charts.js';

interface Row {
  readonly key: string;
  readonly label: string;
  readonly received: number;
  readonly accepted: number;
  readonly refused: number;
  readonly completed: number;
  readonly onTimeRate: number | null;
  readonly averageWorkingDays: number | null;
  readonly ratings: {
    readonly total: number;
    readonly byLevel: Record<string, number>;
    readonly bad: number;
    readonly badRate: number | null;
  };
}

const pct = (v: number | null): string => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const chinaToday = (): string => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** Counts, on-time rate (the headline figure) and the rating distribution over a period. */
export async function statsView(root: HTMLElement): Promise<void> {
  const to = chinaToday();
  const from = `${to.slice(0, 4)}-01-01`;
  const out = h('div', { id: 'stats-result' });
  const form = h(
    'form',
    { class: 'form-row', id: 'stats-form' },
    h(
      'div',
      {},
      h('label', { for: 'from' }, t('from')),
      h('input', { id: 'from', name: 'from', type: 'date', value: from }),
    ),
    h(
      'div',
      {},
      h('label', { for: 'to' }, t('until')),
      h('input', { id: 'to', name: 'to', type: 'date', value: to }),
    ),
    h(
      'div',
      {},
      h('label', { for: 'groupBy' }, t('groupBy')),
      h(
        'select',
        { id: 'groupBy', name: 'groupBy' },
        ['item', 'hall', 'department'].map((g) => h('option', { value: g }, t(`groupBy.${g}`))),
      ),
    ),
    h('div', { class: 'align-end' }, h('button', { type: 'submit', class: 'primary' }, t('search'))),
  );
  const load = async (): Promise<void> => {
    const v = formValues(form);
    const stats = await get<{ rows: Row[]; total: Row }>('/api/stats', {
      from: v.from,
      to: v.to,
      groupBy: v.groupBy,
    });
    const total = stats.total;
    mount(
      out,
      h(
        'div',
        { class: 'kpis' },
        [
          [t('receivedCount'), String(total.received)],
          [t('acceptedCount'), String(total.accepted)],
          [t('completedCount'), String(total.completed)],
          [t('onTimeRate'), pct(total.onTimeRate)],
          [t('badRate'), pct(total.ratings.badRate)],
        ].map(([label, value]) =>
          h(
            'div',
            { class: 'kpi' },
            h('div', { class: 'muted' }, label),
            h('div', { class: 'value' }, value),
          ),
        ),
      ),
      h(
        'div',
        { class: 'grid cols-2 spaced' },
        h(
          'div',
          {},
          h('h2', {}, t('receivedCount')),
          barChart(stats.rows.map((r) => ({ label: r.label, value: r.received }))),
        ),
        h(
          'div',
          {},
          h('h2', {}, t('ratings')),
          barChart(
            [1, 2, 3, 4, 5].map((l) => ({
              label: t(`level.${l}`),
              value: total.ratings.byLevel[String(l)] ?? 0,
              tone: l >= 4 ? '#b3261e' : '#1e7a46',
            })),
          ),
        ),
        h(
          'div',
          {},
          h('h2', {}, t('onTimeRate')),
          barChart(
            stats.rows.map((r) => ({ label: r.label, value: r.onTimeRate ?? 0 })),
            { max: 1, format: (v) => pct(v) },
          ),
        ),
      ),
      h('h2', {}, t('groupBy')),
      table(
        [
          { label: t(`groupBy.${v.groupBy}`), cell: (r: Row) => r.label },
          { label: t('receivedCount'), cell: (r) => String(r.received) },
          { label: t('acceptedCount'), cell: (r) => String(r.accepted) },
          { label: t('refusedCount'), cell: (r) => String(r.refused) },
          { label: t('completedCount'), cell: (r) => String(r.completed) },
          { label: t('onTimeRate'), cell: (r) => pct(r.onTimeRate) },
          { label: t('badRate'), cell: (r) => pct(r.ratings.badRate) },
        ],
        stats.rows,
      ),
    );
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void load();
  });
  mount(
    root,
    h('section', { class: 'panel' }, h('h1', {}, t('nav.stats')), form),
    h('section', { class: 'panel' }, out),
  );
  await load();
}
