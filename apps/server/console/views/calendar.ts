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
  const nextYear = Math.max(new Date().getFullYear(), ...coverage.years) + 1;
  // A form, not raw JSON: the clerk types dates, the console writes the body (one date a line, or
  // separated by commas or spaces).
  const field = (id: string, label: string, input: HTMLElement, hint?: string): HTMLElement =>
    h(
      'div',
      {},
      h('label', { for: id }, label),
      input,
      hint ? h('p', { class: 'muted', id: `${id}-hint` }, hint) : null,
    );
  const year = h('input', { id: 'calendar-year', type: 'number', min: 2000, max: 2100, value: nextYear });
  const dates = (id: string) =>
    h('textarea', { id, rows: 4, placeholder: t('calendarDatesExample'), 'aria-describedby': `${id}-hint` });
  const holidays = dates('calendar-holidays');
  const workingWeekends = dates('calendar-working-weekends');
  const source = h('input', { id: 'calendar-source', placeholder: t('calendarSourceExample') });
  const list = (text: string): string[] => text.split(/[\s,，、]+/).filter(Boolean);
  const submit = (): void => {
    const body = {
      year: Number(year.value),
      holidays: list(holidays.value),
      workingWeekends: list(workingWeekends.value),
      source: source.value.trim(),
    };
    send(`/api/admin/calendar/${body.year}`, body, newIdempotencyKey(), 'PUT')
      .then(() => {
        toast(`${body.year} ✓`);
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
      h(
        'div',
        { class: 'form-row', id: 'calendar-form' },
        field('calendar-year', t('calendarYear'), year),
        field('calendar-source', t('calendarSource'), source),
      ),
      field('calendar-holidays', t('calendarHolidays'), holidays, t('calendarDatesHint')),
      field(
        'calendar-working-weekends',
        t('calendarWorkingWeekends'),
        workingWeekends,
        t('calendarDatesHint'),
      ),
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
