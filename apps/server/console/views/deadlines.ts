import { get } from '../lib/api.js';
import { h, mount } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { cursorList, type CursorPage } from '../lib/pager.js';
import type { DeadlineBoardItem } from '../lib/types.js';
import { ACCEPTANCE_DUE, caseTable, type DueColumn } from './cases.js';

/**
 * Running cases near (yellow) or past (red) the decision's limits, and the cases awaiting the
 * acceptance decision near or past its 5 working days (Art. 32); each list paged by the server's cursors.
 */
export async function deadlinesView(root: HTMLElement): Promise<void> {
  const board = (id: string, query: Record<string, string>, due?: DueColumn) =>
    cursorList(
      id,
      (cursor) => get<CursorPage & { items: DeadlineBoardItem[] }>('/api/deadlines', { ...query, cursor }),
      (page) => caseTable(page.items, due),
    );
  const red = board('red-list', { warning: 'red' });
  const yellow = board('yellow-list', { warning: 'yellow' });
  const acceptance = board('acceptance-list', { deadline: 'acceptance' }, ACCEPTANCE_DUE);
  await Promise.all([red.load(), yellow.load(), acceptance.load()]);
  mount(
    root,
    h('h1', {}, t('deadlineBoard')),
    h('section', { class: 'panel', id: 'red' }, h('h2', {}, t('warning.red')), red.element),
    h('section', { class: 'panel', id: 'yellow' }, h('h2', {}, t('warning.yellow')), yellow.element),
    h(
      'section',
      { class: 'panel', id: 'acceptance' },
      h('h2', {}, t('board.acceptance')),
      h('p', { class: 'muted', id: 'acceptance-rule' }, t('board.acceptanceRule')),
      acceptance.element,
    ),
  );
}
