import { get } from '../lib/api.js';
import { h, mount } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import type { CaseListItem } from '../lib/types.js';
import { caseTable } from './cases.js';

/** Running cases near (yellow) or past (red) their limits. */
export async function deadlinesView(root: HTMLElement): Promise<void> {
  const [red, yellow] = await Promise.all([
    get<{ items: CaseListItem[] }>('/api/deadlines', { warning: 'red' }),
    get<{ items: CaseListItem[] }>('/api/deadlines', { warning: 'yellow' }),
  ]);
  mount(
    root,
    h('h1', {}, t('deadlineBoard')),
    h('section', { class: 'panel', id: 'red' }, h('h2', {}, t('warning.red')), caseTable(red.items)),
    h('section', { class: 'panel', id: 'yellow' }, h('h2', {}, t('warning.yellow')), caseTable(yellow.items)),
  );
}
