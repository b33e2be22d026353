import { get, newIdempotencyKey, send } from '../lib/api.js';
import { h, mount } from '../lib/dom.js';
import { t, tOr } from '../lib/i18n.js';
import { badge, fmtDateTime, problemBox, table, toast } from '../lib/ui.js';

interface Coverage {
  readonly years: readonly number[];
  readonly byYear: readonly { year: number; kind: string; source: string; publishedAt?: string }[];
  readonly loads: readonly { year: number; source: string; at: string; by: string }[];
}

/** Which years the working-day calendar covers, and importing a year's official schedule. */
export async function calendarView(root: HTMLElement): Promise<void> {
  const coverage = await get<Coverage>('/api/admin/calendar');
  const message = h('div', {});
  const textarea = h('textarea', {
    id: 'calendar-json',
    rows: 10,
    placeholder:
      '{"year": 2027, "holidays": ["2027-01-01", …], "workingWeekends": [ … ], "source": "国办发明电〔2026〕…号"}',
  });
  const submit = (): void => {
    let body: { year?: unknown };
    try {
      body = JSON.parse(textarea.value) as { year?: unknown };
    } catch (error) {
      mount(message, problemBox(error));
      return;
    }
    send(`/api/admin/calendar/${String(body.year)}`, body, newIdempotencyKey(), 'PUT')
      .then(() => {
        toast(`${String(body.year)} ✓`);
        void calendarView(root);
      })
      .catch((error: unknown) => mount(message, problemBox(error)));
  };
  mount(
    root,
    h(
      'section',
      { class: 'panel', id: 'coverage' },
      h('h1', {}, t('nav.calendar')),
      h(
        'p',
        {},
        t('coverage'),
        '：',
        coverage.years.map((y) => [badge(String(y), 'blue'), ' ']),
      ),
      table(
        [
          { label: t('calendarYear'), cell: (c: Coverage['byYear'][number]) => String(c.year) },
          {
            label: t('source'),
            // The built-in years: the State Council's notices as chinese-days ships them (a library name is no source for staff).
            cell: (c) =>
              c.kind === 'chinese-days'
                ? t('builtinSource', { v: c.source.replace(/^chinese-days\s*/, '') })
                : c.source,
          },
          {
            label: t('calendarKind'),
            cell: (c) => badge(tOr(`calendarKind.${c.kind}`, c.kind), c.kind === 'loaded' ? 'green' : ''),
          },
        ],
        coverage.byYear,
      ),
      coverage.loads.length
        ? table(
            [
              { label: t('calendarYear'), cell: (l: Coverage['loads'][number]) => String(l.year) },
              { label: t('source'), cell: (l) => l.source },
              { label: t('actor'), cell: (l) => l.by },
              { label: t('time'), cell: (l) => fmtDateTime(l.at) },
            ],
            coverage.loads,
          )
        : null,
    ),
    h(
      'section',
      { class: 'panel' },
      h('h2', {}, t('importYear')),
      h('p', { class: 'muted' }, t('calendarHelp')),
      textarea,
      message,
      h(
        'div',
        { class: 'actions spaced' },
        h(
          'button',
          { type: 'button', class: 'primary', id: 'calendar-import', on: { click: submit } },
          t('submit'),
        ),
      ),
    ),
  );
}
