import type { ServiceGuide } from '@one-window/catalog';
import type { Actor } from '@one-window/shared';
import { chinaDate } from '@one-window/calendar';
import { type CaseCalendar, type DecidingCalendar, decidingCalendar } from './calendar.js';
import { DEFAULT_CASE_POLICY, type CasePolicy } from './policy.js';
import { NO_STAFF, type NamedStaff } from './staff.js';

/** Everything `decide` needs from outside the case: time, the actor, the calendar — all injected. */
export interface DecideContext {
  readonly now: Date;
  readonly actor: Actor;
  readonly calendar: CaseCalendar;
  readonly policy?: CasePolicy;
  /** ReceiveApplication only: the case id and the number allocated for it. */
  readonly ids?: { readonly caseId: string; readonly caseNumber: string };
  /** ReceiveApplication only: the item's current guide (undefined when the catalog has no such item). */
  readonly guide?: ServiceGuide;
  /** A query code drawn from the random source, recorded if the command accepts the case. */
  readonly queryCode?: string;
  /** The people the command names (a slice's `staff`), looked up by the executor before deciding. */
  readonly staff?: NamedStaff;
}

/** What the rules read: the context plus today's China date and the effective policy. */
export interface Now {
  readonly now: Date;
  readonly today: string;
  readonly actor: Actor;
  /** Counts over a year without an official schedule provisionally (ADR 12). */
  readonly calendar: DecidingCalendar;
  readonly policy: CasePolicy;
  readonly queryCode?: string;
  /** The people the command names; empty unless its slice names some. */
  readonly staff: NamedStaff;
}

export function resolveNow(
  ctx: Pick<DecideContext, 'now' | 'actor' | 'calendar' | 'policy' | 'queryCode' | 'staff'>,
): Now {
  return {
    ...(ctx.queryCode === undefined ? {} : { queryCode: ctx.queryCode }),
    now: ctx.now,
    today: chinaDate(ctx.now),
    actor: ctx.actor,
    calendar: decidingCalendar(ctx.calendar),
    policy: ctx.policy ?? DEFAULT_CASE_POLICY,
    staff: ctx.staff ?? NO_STAFF,
  };
}
