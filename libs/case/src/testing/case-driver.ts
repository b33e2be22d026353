/**
 * Drives one case through the real decider and machine, as the command handler would but in
 * memory: every command is decided against the folded state, and its events are folded in.
 * Given/when/then specs read as `driver.given(...)` then `driver.when(...)`.
 */
import type { ServiceGuide } from '@one-window/catalog';
import type { Actor } from '@one-window/shared';
import type { CaseCommand } from '../commands.js';
import type { CaseEvent } from '../events.js';
import { evolve, foldCase, type CaseState } from '../domain/case-state.js';
import { decide } from '../domain/decide.js';
import type { CasePolicy } from '../domain/policy.js';
import type { CaseCalendar } from '../domain/calendar.js';
import { NO_STAFF, type NamedStaff } from '../domain/staff.js';
import { DomainError } from '../domain/errors.js';
import { GUIDE, calendar } from './fixtures.js';

export type Step = readonly [actor: Actor, command: CaseCommand, at?: string];

export class CaseDriver {
  readonly events: CaseEvent[] = [];
  state: CaseState | null = null;
  /** China time (UTC+8) of the next command unless one is given. */
  at = '2026-03-02T10:00:00+08:00';
  /** The working-day calendar the next command is decided on (replace it to "load" a year). */
  calendar: CaseCalendar = calendar;
  /** The query code the random source would give the next decision (none: as before query codes). */
  queryCode: string | undefined = undefined;
  /** The people the staff lookup port knows, by user id (a command that names someone reads them). */
  staff: NamedStaff = NO_STAFF;

  constructor(
    readonly caseId = 'c1',
    readonly guide: ServiceGuide = GUIDE,
    readonly policy?: CasePolicy,
  ) {}

  /** Decides and folds; returns the events the command caused. */
  send(actor: Actor, command: CaseCommand, at?: string): CaseEvent[] {
    if (at) this.at = at;
    const events = decide(this.state, command, {
      now: new Date(this.at),
      actor,
      calendar: this.calendar,
      policy: this.policy,
      ids: { caseId: this.caseId, caseNumber: `150102-${this.at.slice(0, 10).replaceAll('-', '')}-0001` },
      guide: command.type === 'ReceiveApplication' ? this.guide : undefined,
      ...(this.queryCode === undefined ? {} : { queryCode: this.queryCode }),
      staff: this.staff,
    });
    return this.fold(events, actor);
  }

  /** Folds a command's decided events in and answers the events kept (the executor may add to them). */
  protected fold(events: CaseEvent[], actor: Actor): CaseEvent[] {
    void actor;
    for (const event of events) {
      this.state = evolve(this.state, event, this.events.length);
      this.events.push(event);
    }
    return events;
  }

  given(...steps: Step[]): this {
    for (const [actor, command, at] of steps) this.send(actor, command, at);
    return this;
  }

  /** Folds a stored history, as the command handler does when it loads the case stream. */
  replay(history: readonly CaseEvent[]): this {
    this.state = foldCase(history, this.state);
    this.events.push(...history);
    return this;
  }

  /** The error a command fails with (fails the test when it succeeds). */
  error(actor: Actor, command: CaseCommand, at?: string): DomainError {
    try {
      this.send(actor, command, at);
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
    throw new Error(`${command.type} was expected to fail`);
  }

  get current(): CaseState {
    if (!this.state) throw new Error('no case yet');
    return this.state;
  }

  types(events: readonly CaseEvent[]): string[] {
    return events.map((e) => e.type);
  }
}
