import { ApiError } from './api.js';
import { type Child, h } from './dom.js';
import { caseStatuses } from './commands.js';
import { currentLang, formatDate, formatDateTime, messages, t, tOr } from './i18n.js';

export function toast(message: string): void {
  const box = document.getElementById('toast');
  if (!box) return;
  const item = h('div', { class: 'toast' }, message);
  box.appendChild(item);
  // A few at a time: a busy clerk only needs the latest confirmations.
  while (box.children.length > 3) box.firstElementChild?.remove();
  setTimeout(() => item.remove(), 3000);
}

/**
 * An error as a clerk reads it: the problem worded from the message catalog by its `code` and
 * `params` (ADR 15), each bad field on its own line by its name — never the server's English, a
 * field pointer or, on a Chinese screen, the request id (kept in `data-request-id` for support).
 */
export function problemBox(error: unknown): HTMLElement {
  const lang = currentLang();
  if (error instanceof ApiError) {
    const p = error.problem;
    return h(
      'div',
      { class: 'problem', role: 'alert', dataset: { code: p.code ?? '', requestId: p.requestId ?? '' } },
      h('strong', {}, messages.problemTitle(lang, p.type)),
      h('div', {}, messages.problemDetail(lang, p)),
      p.errors?.length
        ? h(
            'ul',
            {},
            p.errors.map((e) => h('li', {}, messages.fieldProblem(lang, e))),
          )
        : null,
      lang === 'en' && p.requestId ? h('div', { class: 'muted' }, `${t('requestId')}: ${p.requestId}`) : null,
    );
  }
  return h(
    'div',
    { class: 'problem', role: 'alert' },
    h('strong', {}, t('error')),
    h('div', {}, lang === 'en' ? String(error) : t('problem.status.5xx')),
  );
}

export function badge(text: string, tone = ''): HTMLElement {
  return h('span', { class: `badge ${tone}` }, text);
}

/** 暂定: the case's dates counted a year without an official holiday schedule (ADR 12). */
export function provisionalBadge(years: readonly number[] | undefined): HTMLElement | null {
  if (!years || years.length === 0) return null;
  const badgeEl = badge(t('provisional'), 'yellow provisional');
  badgeEl.title = t('provisionalHint', { years: years.map(String) });
  return badgeEl;
}

export function warningBadge(level: string | null | undefined): HTMLElement {
  const value = level ?? 'none';
  const tone = value === 'red' ? 'red' : value === 'yellow' ? 'yellow' : 'ok';
  return badge(t(`warning.${value}`), tone);
}

/** A status in its statechart tone (GET /api/case-statuses): the console keeps no list of states. */
export function statusBadge(status: string): HTMLElement {
  const tone = caseStatuses().find((s) => s.status === status)?.tone ?? 'blue';
  return badge(tOr(`status.${status}`, status), tone);
}

/** An instant in China time, one format in both languages: `2026-12-03 14:05` (ADR 15). */
export function fmtDateTime(iso: string | null | undefined): string {
  return formatDateTime(iso);
}

/** A date (a business date, or an instant's China date): `2026-12-03`. */
export function fmtDate(value: string | null | undefined): string {
  return formatDate(value);
}

export function fmt(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('yes') : t('no');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export interface Column<Row> {
  readonly label: string;
  readonly cell: (row: Row) => Child;
}

/**
 * A table; with `rowLink`, each row opens its page: the first cell is a real link (keyboard focus,
 * open in a new tab) and a click anywhere else on the row follows it too.
 */
export function table<Row>(
  columns: readonly Column<Row>[],
  rows: readonly Row[],
  rowLink?: (row: Row) => string,
): HTMLElement {
  if (rows.length === 0) return h('p', { class: 'muted' }, t('nothing'));
  return h(
    'table',
    {},
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        // A column without a title (a button, a badge) still names itself to screen readers.
        columns.map((c) =>
          h('th', { scope: 'col' }, c.label || h('span', { class: 'visually-hidden' }, t('rowActions'))),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((row) => {
        const href = rowLink?.(row);
        return h(
          'tr',
          href === undefined ? {} : { class: 'clickable', on: { click: (e) => followRow(e, href) } },
          columns.map((c, i) =>
            h(
              'td',
              {},
              i === 0 && href !== undefined ? h('a', { href, class: 'row-link' }, c.cell(row)) : c.cell(row),
            ),
          ),
        );
      }),
    ),
  );
}

/** A click on a row's own link or button does its own thing; elsewhere on the row it opens the row. */
function followRow(event: Event, href: string): void {
  if (event.target instanceof Element && event.target.closest('a, button, input, select, textarea')) return;
  navigate(href);
}

export function facts(entries: readonly (readonly [string, Child])[]): HTMLElement {
  return h(
    'dl',
    { class: 'facts' },
    entries.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
  );
}

/** Runs an async render, showing a loading line and, on failure, the problem. */
export async function guarded(root: HTMLElement, render: () => Promise<void>): Promise<void> {
  try {
    await render();
  } catch (error) {
    root.replaceChildren(problemBox(error));
  }
}

export function navigate(hash: string): void {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}
