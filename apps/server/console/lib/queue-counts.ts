import { get } from './api.js';
import { h, mount } from './dom.js';
import { t } from './i18n.js';
import type { SessionUser } from './session.js';

/** GET /api/tasks/counts: the caller's queues, each counted to 1,000, and the read models' position. */
export interface TaskCounts {
  readonly mine: number;
  readonly unclaimed: number;
  readonly mineCapped: boolean;
  readonly unclaimedCapped: boolean;
  readonly position: number | null;
}

const count = (n: number, capped: boolean): string => (capped ? `${n}+` : String(n));

/** The counts beside 审批待办 in the menu: mine and unclaimed, each with its words for a screen reader. */
export function showQueueCounts(counts: TaskCounts): void {
  const link = document.querySelector<HTMLAnchorElement>('#nav a[href="#/queue"]');
  if (!link) return;
  link.querySelector('.nav-counts')?.remove();
  link.append(
    h(
      'span',
      { class: 'nav-counts', id: 'queue-counts' },
      [
        ['queue.countMine', count(counts.mine, counts.mineCapped), 'mine'],
        ['queue.countUnclaimed', count(counts.unclaimed, counts.unclaimedCapped), 'unclaimed'],
      ].map(([key, n, which]) =>
        h(
          'span',
          { class: `nav-count ${which}`, title: t(key), dataset: { count: which } },
          h('span', { class: 'sr-only' }, `${t(key)} `),
          n,
        ),
      ),
    ),
  );
}

/** Loads and shows the counts for an approver or head; nothing for other roles or on failure. */
export async function loadQueueCounts(user: SessionUser | null): Promise<TaskCounts | null> {
  if (!user || (user.role !== 'approver' && user.role !== 'head')) return null;
  try {
    const counts = await get<TaskCounts>('/api/tasks/counts');
    showQueueCounts(counts);
    return counts;
  } catch {
    return null;
  }
}

/** Empties the counts (the shell re-renders the menu on every route). */
export function clearQueueCounts(): void {
  const counts = document.getElementById('queue-counts');
  if (counts) mount(counts);
}
