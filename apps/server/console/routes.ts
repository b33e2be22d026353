import type { SessionUser } from './lib/session.js';
import { calendarView } from './views/calendar.js';
import { caseView } from './views/case.js';
import { casesView } from './views/cases.js';
import { deadlinesView } from './views/deadlines.js';
import { deskView } from './views/desk.js';
import { loginView } from './views/login.js';
import { obligationsView } from './views/obligations.js';
import { pickupView } from './views/pickup.js';
import { projectionsView } from './views/projections.js';
import { queueView } from './views/queue.js';
import { replayView } from './views/replay.js';
import { statsView } from './views/stats.js';
import { voucherView } from './views/voucher.js';

export type View = (root: HTMLElement, params: string[], user: SessionUser | null) => Promise<void>;

export const routes: readonly (readonly [RegExp, View])[] = [
  [/^\/login$/, loginView],
  [/^\/desk(?:\/item\/([^/]+)(?:\/appointment\/([^/]+))?)?$/, deskView],
  [/^\/pickup$/, pickupView],
  [/^\/queue$/, queueView],
  [/^\/cases$/, casesView],
  [/^\/case\/([^/]+)$/, caseView],
  [/^\/replay\/([^/]+)$/, replayView],
  [/^\/voucher\/([^/]+)\/([A-Za-z0-9-]+)$/, voucherView],
  [/^\/deadlines$/, deadlinesView],
  [/^\/obligations(?:\?.*)?$/, obligationsView],
  [/^\/stats$/, statsView],
  [/^\/projections$/, projectionsView],
  [/^\/calendar$/, calendarView],
];

type NavEntry = readonly [key: string, hash: string];

/** Each role sees its own work first (DOMAIN.md §2). */
export function navOf(user: SessionUser): readonly NavEntry[] {
  switch (user.role) {
    case 'clerk':
      return [
        ['desk', '#/desk'],
        ['pickup', '#/pickup'],
        ['cases', '#/cases'],
        ['deadlines', '#/deadlines'],
      ];
    case 'approver':
      return [
        ['queue', '#/queue'],
        ['cases', '#/cases'],
        ['deadlines', '#/deadlines'],
      ];
    case 'head':
      return [
        ['queue', '#/queue'],
        ['cases', '#/cases'],
        ['deadlines', '#/deadlines'],
        ['stats', '#/stats'],
      ];
    case 'reviewer':
      return [
        ['obligations', '#/obligations'],
        ['cases', '#/cases'],
      ];
    case 'admin':
      return [
        ['cases', '#/cases'],
        ['deadlines', '#/deadlines'],
        ['obligations', '#/obligations'],
        ['stats', '#/stats'],
        ['projections', '#/projections'],
        ['calendar', '#/calendar'],
      ];
    default: {
      const unknown: never = user.role;
      return unknown;
    }
  }
}

export function homeOf(user: SessionUser): string {
  return navOf(user)[0]?.[1] ?? '#/cases';
}
