import { get } from '../lib/api.js';
import { h, mount } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { cursorList, type CursorPage } from '../lib/pager.js';
import type { CaseListItem } from '../lib/types.js';
import { caseTable } from './cases.js';

/** Running cases near (yellow) or past (red) their limits, each list paged by the server's cursors. */
export async function deadlinesView(root: HTMLElement): Promise<void> {
  const board = (warning: 'red' | 'yellow') =>
    cursorList(
      `${warning}-list`,
      (cursor) => get<CursorPage & { items: CaseListItem[] }>('/api/deadlines', { warning, cursor }),
      (page) => caseTable(page.items),
    );
  const red = board('red');
  const yellow = board('yellow');
  await Promise.all([red.load(), yellow.load()]);
  mount(
    root,
    h('h1', {}, t('deadlineBoard')),
    h('section', { class: 'panel', id: 'red' }, h('h2', {}, t('warning.red')), red.element),
    h('section', { class: 'panel', id: 'yellow' }, h('h2', {}, t('warning.yellow')), yellow.element),
  );
}
