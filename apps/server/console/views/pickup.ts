import { get } from '../lib/api.js';
import { h, mount } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import type { CaseListItem } from '../lib/types.js';
import { caseTable } from './cases.js';

/** 综合窗口出件: results to issue, to hand out at the window or send by courier, and those on their way. */
export async function pickupView(root: HTMLElement): Promise<void> {
  const [toIssue, ready, sent] = await Promise.all([
    get<{ items: CaseListItem[] }>('/api/cases', { status: 'delivery.awaitingResult', pageSize: 100 }),
    get<{ items: CaseListItem[] }>('/api/cases', { status: 'delivery.issued', pageSize: 100 }),
    get<{ items: CaseListItem[] }>('/api/cases', { status: 'delivery.dispatched', pageSize: 100 }),
  ]);
  mount(
    root,
    h('h1', {}, t('nav.pickup')),
    h(
      'section',
      { class: 'panel', id: 'to-issue' },
      h('h2', {}, t('status.delivery.awaitingResult')),
      caseTable(toIssue.items),
    ),
    h(
      'section',
      { class: 'panel', id: 'ready' },
      h('h2', {}, t('status.delivery.issued')),
      caseTable(ready.items),
    ),
    h(
      'section',
      { class: 'panel', id: 'dispatched' },
      h('h2', {}, t('status.delivery.dispatched')),
      caseTable(sent.items),
    ),
  );
}
